/** The SPEC section 5 JSON object. */
import type { Analysis } from "../core/analyze.js";

export const REPORT_VERSION = 1;

export function toJson(analysis: Analysis): string {
  const report = {
    version: REPORT_VERSION,
    conclusion: analysis.conclusion,
    mode: analysis.mode,
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
      blocking: f.blocking,
      message: f.message,
      fix: f.fix,
      justification: f.justification,
      previous: f.previous,
      justificationChanged: f.justificationChanged,
      knownConstant: f.knownConstant,
      override: f.override,
    })),
    unverified: analysis.unverified.map((f) => ({ path: f.path, reason: f.reason })),
    files: analysis.files,
  };
  return JSON.stringify(report, null, 2) + "\n";
}
