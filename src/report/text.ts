/** The terminal report: by file, the source line with a caret under the literal, why, and the fix. */
import type { Analysis } from "../core/analyze.js";
import type { Finding } from "../core/findings.js";
import { ROLE_DESCRIPTIONS } from "../core/roles.js";

export interface TextOptions {
  color: boolean;
  /** Head text of a file, for the source excerpt. */
  sourceOf: (path: string) => string | undefined;
}

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export function toText(analysis: Analysis, options: TextOptions): string {
  const red = paint(options.color, "31");
  const yellow = paint(options.color, "33");
  const cyan = paint(options.color, "36");
  const dim = paint(options.color, "2");
  const bold = paint(options.color, "1");
  const level = analysis.mode === "warn" ? yellow("warning") : red("error");
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of analysis.findings) {
    if (!f.blocking && f.status !== "known-constant" && f.status !== "overridden") continue;
    const list = byFile.get(f.path);
    if (list) list.push(f);
    else byFile.set(f.path, [f]);
  }
  for (const [path, findings] of byFile) {
    out.push(bold(path));
    const lines = options.sourceOf(path)?.split(/\r?\n/);
    for (const f of findings) {
      const kind = f.blocking ? level : f.status === "known-constant" ? cyan("note") : dim("allowed");
      out.push(`  ${f.line}:${f.column}  ${kind}  ${f.message}  ${dim(`[${f.status}, ${f.role}]`)}`);
      const source = lines?.[f.line - 1];
      if (source !== undefined) {
        const gutter = String(f.line).length;
        const shown = source.replace(/\t/g, " ");
        out.push(dim(`    ${f.line} | `) + shown);
        const width = f.endLine === f.line ? Math.max(1, f.endColumn - f.column) : 1;
        out.push(dim(`    ${" ".repeat(gutter)} | `) + " ".repeat(f.column - 1) + (f.blocking ? red : cyan)("^".repeat(width)));
      }
      out.push(`    ${dim("role:")} ${ROLE_DESCRIPTIONS[f.role]}`);
      if (f.previous !== null) out.push(`    ${dim("was:")} ${f.previous}`);
      if (f.fix) out.push(`    ${dim("fix:")} ${f.fix}`);
    }
    out.push("");
  }
  if (analysis.unverified.length > 0) {
    out.push(bold("Not verified"));
    for (const file of analysis.unverified) out.push(`  ${file.path}  ${level}  ${file.reason ?? ""}`);
    out.push("");
  }
  const c = analysis.counts;
  const files = analysis.files.filter((f) => f.outcome === "checked").length;
  const rest = `${c.justified} justified, ${c["known-constant"]} known constants, ${c.allowed} allowed, ${c.overridden} overridden; ${files} file${files === 1 ? "" : "s"} checked`;
  if (analysis.conclusion === "success") {
    out.push(`${paint(options.color, "32")("✔")} no-patch: no blocking findings (${rest})`);
  } else {
    const mark = analysis.conclusion === "neutral" ? yellow("⚠") : red("✖");
    const unverified = analysis.unverified.length
      ? `, ${analysis.unverified.length} unverified file${analysis.unverified.length === 1 ? "" : "s"}`
      : "";
    out.push(
      `${mark} no-patch: ${c.blocking} blocking finding${c.blocking === 1 ? "" : "s"}${unverified} (${rest})${analysis.conclusion === "neutral" ? " — mode: warn, not failing" : ""}`,
    );
  }
  return out.join("\n") + "\n";
}
