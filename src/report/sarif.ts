/** SARIF 2.1.0 for GitHub code scanning (`--format sarif`): one rule per status, results for what a person should see. */
import type { ReportPolicy } from "../core/analyze.js";
import { STATUSES, severityOf, type Status } from "../core/findings.js";
import { fixOf, levelOf, messageOf, numbersChangedText, shownFindings, unlistedText, unreadFiles } from "./describe.js";
import type { Format } from "./format.js";

function ruleHelp(status: Status, policy: ReportPolicy): { short: string; help: string } {
  const tag = policy.tag;
  switch (status) {
    case "unjustified":
      return {
        short: "Numeric constant without a physical justification",
        help: `Every numeric constant a change adds to scientific code needs a justification next to it: \`${tag}: <the quantity, with a reference>\` in a comment. A name is not a justification.`,
      };
    case "untagged":
      return {
        short: `Comment without the ${tag} tag`,
        help: `A comment is attached to the constant, but it does not carry the annotation tag. Start it with \`${tag}:\` if the comment states the physics.`,
      };
    case "weak":
      return {
        short: "Justification rejected by the quality rules",
        help: "The justification is too short, a placeholder, or describes calibration (tuned, fudge, to match the reference, minimises the error, grid search). Name the physical quantity and its source.",
      };
    case "retuned":
      return {
        short: "Coefficient changed without a new justification",
        help: "The value at this place changed while its justification stayed the same. A coefficient cannot move while its physics stays the same: explain the new value, or restore the old one.",
      };
    case "calibrated":
      return {
        short: "Fitted value declared with @calibrated",
        help: "The value was fitted to data or a reference output and declared so, with what it was fitted against and where it holds. It blocks until a maintainer accepts it (calibration: review), always (block), or never (allow).",
      };
    case "justified":
      return { short: "Justified constant", help: "The constant carries an accepted physical justification." };
    case "known-constant":
      return {
        short: "Known constant written as a literal",
        help: "The literal is a recognised mathematical, CODATA, IAU or unit constant. Prefer the named form.",
      };
    case "allowed":
      return { short: "Allowed value", help: "The value is in allowValues or is a power-of-ten unit scale." };
    case "overridden":
      return { short: "Maintainer exception", help: "A maintainer recorded an exception for this literal." };
  }
}

const SARIF_LEVEL = { error: "error", warning: "warning", notice: "note" } as const;

export const sarifFormat: Format = {
  name: "sarif",
  description: "SARIF 2.1.0 for code scanning",
  render({ analysis, toolVersion }) {
    const policy = analysis.policy;
    const ruleIndex = new Map(STATUSES.map((status, index) => [status, index]));
    const rules = STATUSES.map((status) => {
      const { short, help } = ruleHelp(status, policy);
      const severity = severityOf(status, policy.calibration);
      return {
        id: `no-patch/${status}`,
        name: status.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
        shortDescription: { text: short },
        fullDescription: { text: help },
        help: { text: help, markdown: help },
        defaultConfiguration: { level: severity === "blocking" ? "error" : "note" },
      };
    });
    const results = shownFindings(analysis).map((f) => {
      const fix = fixOf(f, policy);
      const message = `${messageOf(f, policy)} (${f.role})`;
      return {
        ruleId: `no-patch/${f.status}`,
        ruleIndex: ruleIndex.get(f.status)!,
        level: SARIF_LEVEL[levelOf(f.severity as "blocking" | "notice", policy)],
        message: { text: fix ? `${message}. Fix: ${fix}` : message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(f.path), uriBaseId: "%SRCROOT%" },
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
        partialFingerprints: { "noPatchLiteral/v1": `${f.path}:${f.literal}:${f.shape}` },
        properties: { role: f.role, status: f.status, literal: f.literal, previous: f.previous },
      };
    });
    const unlisted = unlistedText(analysis);
    const notifications = [
      ...analysis.unverified.map((f) => `${f.path}: not verified: ${f.reason ?? ""}`),
      ...(unlisted ? [`not verified: ${unlisted}`] : []),
    ]
      .map((text) => ({ level: "error", message: { text } }))
      .concat(
        unreadFiles(analysis).map((f) => ({
          level: "note",
          message: { text: `${f.path}: not read (${f.reason ?? f.outcome}); ${numbersChangedText(f)}` },
        })),
        analysis.warnings.map((text) => ({ level: "warning", message: { text } })),
      );
    const log = {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "no-patch", version: toolVersion, informationUri: "https://github.com/no-patch/no-patch", rules } },
          results,
          invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        },
      ],
    };
    return JSON.stringify(log, null, 2) + "\n";
  },
};
