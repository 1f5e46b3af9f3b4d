/**
 * Every numeric constant needs a physical justification: reports what the `no-patch` check
 * would block (unjustified, untagged, weak, retuned) in the whole file. No fix ever writes
 * justification text: a generated justification would defeat the policy.
 */
import { ROLE_DESCRIPTIONS } from "../../core/roles.js";
import { createRule } from "../create-rule.js";
import { locationOf, onFindings } from "../findings.js";
import { optionsSchema, type RuleOptions } from "../options.js";

type MessageId = "unjustified" | "untagged" | "weak" | "retuned";

export const requireJustification = createRule<[RuleOptions], MessageId>({
  name: "require-justification",
  meta: {
    type: "problem",
    docs: { description: "Require a physical justification (`// @physics: …`) for every numeric constant" },
    messages: {
      unjustified: "{{message}} (role: {{role}}). Fix: {{fix}}.",
      untagged: "{{message}} (role: {{role}}). Fix: {{fix}}.",
      weak: "{{message}} (role: {{role}}). Fix: {{fix}}.",
      retuned: "{{message}} (role: {{role}}). Fix: {{fix}}.",
    },
    schema: optionsSchema as never,
  },
  defaultOptions: [{}],
  create(context, [options]) {
    return onFindings(context, options, (finding) => {
      if (!finding.blocking) return;
      context.report({
        loc: locationOf(finding),
        messageId: finding.status as MessageId,
        data: { message: finding.message, role: ROLE_DESCRIPTIONS[finding.role], fix: finding.fix ?? "" },
      });
    });
  },
});
