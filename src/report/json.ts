/** The SPEC section 5 JSON object (`--format json`). */
import { fixOf, messageOf } from "./describe.js";
import type { Format } from "./format.js";

export const REPORT_VERSION = 1;

export const jsonFormat: Format = {
  name: "json",
  description: "one JSON object (SPEC section 5)",
  render({ analysis }) {
    const report = {
      version: REPORT_VERSION,
      conclusion: analysis.conclusion,
      mode: analysis.policy.mode,
      counts: analysis.counts,
      findings: analysis.findings.map((f) => ({
        path: f.path,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        literal: f.literal,
        value: f.value,
        role: f.role,
        status: f.status,
        severity: f.severity,
        blocking: f.blocking,
        message: messageOf(f, analysis.policy),
        fix: fixOf(f, analysis.policy),
        justification: f.justification,
        problems: f.problems,
        previous: f.previous,
        operatorChange: f.operatorChange,
        stale: f.stale,
        justificationChanged: f.justificationChanged,
        knownConstant: f.knownConstant,
        calibration: f.calibration,
        history: f.history,
        override: f.override,
      })),
      unverified: analysis.unverified.map((f) => ({ path: f.path, reason: f.reason })),
      unlisted: analysis.unlisted,
      warnings: analysis.warnings,
      files: analysis.files,
    };
    return JSON.stringify(report, null, 2) + "\n";
  },
};
