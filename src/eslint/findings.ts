/**
 * The core's findings for the file being linted, computed once per file text and shared by
 * both rules: the rules report, the core decides.
 */
import { analyzeSource, reportPolicy, type ReportPolicy } from "../core/analyze.js";
import type { Config } from "../core/config.js";
import type { Finding } from "../core/findings.js";
import { registerAdapter } from "../core/languages/index.js";
import { typescriptAdapter } from "../core/languages/typescript.js";
import { resolveOptions, type RuleOptions } from "./options.js";

// ESLint calls rules synchronously: the TypeScript adapter is imported here, not loaded on demand.
registerAdapter(typescriptAdapter);

interface LintContext {
  filename: string;
  cwd: string;
  sourceCode: { text: string };
}

/** The last file analysed: both rules ask for the same file one after the other. */
let last: { config: Config; path: string; text: string; findings: Finding[] } | undefined;

export function findingsFor(context: LintContext, options: RuleOptions | undefined): { findings: Finding[]; config: Config } {
  const resolved = resolveOptions(options, context.filename, context.cwd);
  // The check's own file selection: a file the policy ignores, or of a language the plugin does not parse, has no findings.
  const selection = resolved.select(resolved.path);
  if (!selection.read || selection.language.id !== typescriptAdapter.id) return { findings: [], config: resolved.config };
  const text = context.sourceCode.text;
  // The resolved config is one object per policy (cached): same object, same policy.
  if (last && last.config === resolved.config && last.path === resolved.path && last.text === text) return last;
  const findings = analyzeSource(resolved.path, text, resolved.config);
  last = { config: resolved.config, path: resolved.path, text, findings };
  return last;
}

/** ESLint's location: 1-based lines, 0-based columns (the core's columns are 1-based). */
export const locationOf = (f: Finding) => ({
  start: { line: f.line, column: f.column - 1 },
  end: { line: f.endLine, column: f.endColumn - 1 },
});

/** A rule's listener: once per file, hand each of the core's findings, with the policy that judged it, to `report`. */
export function onFindings(
  context: LintContext,
  options: RuleOptions | undefined,
  report: (finding: Finding, policy: ReportPolicy) => void,
) {
  return {
    Program(): void {
      const { findings, config } = findingsFor(context, options);
      const policy = reportPolicy(config);
      for (const finding of findings) report(finding, policy);
    },
  };
}
