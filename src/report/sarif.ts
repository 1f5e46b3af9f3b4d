/** SARIF 2.1.0 for GitHub code scanning: one rule per status, results for what needs attention. */
import type { Analysis } from "../core/analyze.js";
import { STATUSES, type Status } from "../core/findings.js";

const RULE_HELP: Record<Status, { short: string; help: string }> = {
  unjustified: {
    short: "Numeric constant without a physical justification",
    help: "Every numeric constant a change adds to scientific code needs a justification next to it: `// @physics: <the quantity, with a reference>`. A name is not a justification.",
  },
  untagged: {
    short: "Comment without the @physics tag",
    help: "A comment is attached to the constant, but it does not start with the annotation tag. Write `// @physics: ...` if the comment states the physics.",
  },
  weak: {
    short: "Justification rejected by the quality rules",
    help: "The justification is too short, a placeholder, or describes calibration (tuned, fudge, to match the reference, minimises the error, grid search). Name the physical quantity and its source.",
  },
  retuned: {
    short: "Coefficient changed without a new justification",
    help: "The value at this place changed while its justification stayed the same. A coefficient cannot move while its physics stays the same: explain the new value, or restore the old one.",
  },
  justified: { short: "Justified constant", help: "The constant carries an accepted physical justification." },
  "known-constant": {
    short: "Known constant written as a literal",
    help: "The literal is a recognised mathematical, CODATA, IAU or unit constant. Prefer the named form.",
  },
  allowed: { short: "Allowed value", help: "The value is in allowValues or is a power-of-ten unit scale." },
  overridden: { short: "Maintainer exception", help: "A maintainer recorded an exception for this literal." },
};

export function toSarif(analysis: Analysis, toolVersion: string): string {
  const ruleIndex = new Map(STATUSES.map((status, index) => [status, index]));
  const rules = STATUSES.map((status) => ({
    id: `no-patch/${status}`,
    name: status.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: RULE_HELP[status].short },
    fullDescription: { text: RULE_HELP[status].help },
    help: { text: RULE_HELP[status].help, markdown: RULE_HELP[status].help },
    defaultConfiguration: { level: ["unjustified", "untagged", "weak", "retuned"].includes(status) ? "error" : "note" },
  }));
  const results = analysis.findings
    .filter((f) => f.blocking || f.status === "known-constant")
    .map((f) => ({
      ruleId: `no-patch/${f.status}`,
      ruleIndex: ruleIndex.get(f.status)!,
      level: f.blocking ? (analysis.mode === "warn" ? "warning" : "error") : "note",
      message: { text: f.fix ? `${f.message} (${f.role}). Fix: ${f.fix}` : `${f.message} (${f.role})` },
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
    }));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "no-patch",
            version: toolVersion,
            informationUri: "https://github.com/no-patch/no-patch",
            rules,
          },
        },
        results,
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: analysis.unverified.map((f) => ({
              level: "error",
              message: { text: `${f.path}: not verified: ${f.reason ?? ""}` },
            })),
          },
        ],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
