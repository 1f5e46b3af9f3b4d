import { analyzeChange, validateConfig, type ConfigInput, type Finding } from "../src/core/index.js";

/** A finding as a table row: `line literal role status`, plus `was X` for a retuned value. */
export function row(finding: Finding): string {
  return `${finding.line} ${finding.literal} ${finding.role} ${finding.status}${finding.previous !== null ? ` was ${finding.previous}` : ""}`;
}

export interface Case {
  name: string;
  /** Head text (the whole file when there is no base). */
  code: string;
  /** Base text: the case is then a change from base to code. */
  base?: string;
  path?: string;
  config?: ConfigInput;
  /** Every finding, in source order. */
  findings: string[];
}

export function runCase(c: Case): string[] {
  const config = validateConfig(c.config ?? {});
  const path = c.path ?? "src/model.ts";
  const change =
    c.base === undefined
      ? { path, status: "added" as const, baseText: null, headText: c.code }
      : { path, status: "modified" as const, baseText: c.base, headText: c.code };
  return analyzeChange([change], config).findings.map(row);
}
