/**
 * Every numeric constant needs a physical justification: reports what the `no-patch` check
 * would block (unjustified, untagged, weak, retuned, and calibrated unless the policy allows
 * fitted values) in the whole file. No fix ever writes
 * justification text: a generated justification would defeat the policy.
 */
import { calibrationText, fixOf, roleText } from "../../report/describe.js";
import { createRule } from "../create-rule.js";
import { locationOf, onFindings } from "../findings.js";
import { optionsSchema, type RuleOptions } from "../options.js";

type MessageId = "unjustified" | "untagged" | "weak" | "retuned" | "calibrated";

export const requireJustification = createRule<[RuleOptions], MessageId>({
  name: "require-justification",
  meta: {
    type: "problem",
    docs: { description: "Require a physical justification (`// @physics: …`) for every numeric constant" },
    messages: {
      unjustified: "{{literal}} ({{role}}) has no {{tag}} justification. Fix: {{fix}}.",
      untagged:
        "{{literal}} ({{role}}) has a comment but no {{tag}} tag: an untagged comment is not read as a justification. Fix: {{fix}}.",
      weak: "The {{tag}} justification of {{literal}} ({{role}}) is not accepted: {{problems}}. Fix: {{fix}}.",
      retuned:
        "{{literal}} ({{role}}) was {{previous}} here and its justification did not change: a coefficient cannot move while its physics stays the same. Fix: {{fix}}.",
      calibrated: "{{literal}} ({{role}}) is a fitted value ({{calibration}}); fitted values need a maintainer's review. Fix: {{fix}}.",
    },
    schema: optionsSchema as never,
  },
  defaultOptions: [{}],
  create(context, [options]) {
    return onFindings(context, options, (finding, policy) => {
      if (finding.severity !== "blocking") return;
      context.report({
        loc: locationOf(finding),
        messageId: finding.status as MessageId,
        data: {
          literal: finding.literal,
          role: roleText(finding),
          tag: policy.tag,
          problems: finding.problems.join("; "),
          previous: finding.previous ?? "",
          calibration: calibrationText(finding),
          fix: fixOf(finding, policy) ?? "",
        },
      });
    });
  },
});
