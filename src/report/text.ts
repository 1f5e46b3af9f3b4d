/** The terminal report (`--format text`): by file, the source line with a caret under the literal, why, and the fix. */
import type { Finding } from "../core/findings.js";
import { historyText, sparkline } from "../core/history.js";
import {
  fileOutcomes,
  fixOf,
  notVerifiedText,
  numbersChangedText,
  unreadFiles,
  levelOf,
  messageOf,
  plural,
  roleText,
  shownFindings,
  unlistedText,
  unverifiedSeverity,
  type Level,
} from "./describe.js";
import type { Format } from "./format.js";

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export const textFormat: Format = {
  name: "text",
  description: "for people: source lines, carets, the fix (default)",
  render({ analysis, sourceOf, color = false, policySource }) {
    const policy = analysis.policy;
    const red = paint(color, "31");
    const yellow = paint(color, "33");
    const cyan = paint(color, "36");
    const dim = paint(color, "2");
    const bold = paint(color, "1");
    const label: Record<Level, string> = { error: red("error"), warning: yellow("warning"), notice: cyan("note") };
    const out: string[] = [];
    const byFile = new Map<string, Finding[]>();
    for (const f of shownFindings(analysis)) {
      const list = byFile.get(f.path);
      if (list) list.push(f);
      else byFile.set(f.path, [f]);
    }
    for (const [path, findings] of byFile) {
      out.push(bold(path));
      const lines = sourceOf?.(path)?.split(/\r?\n/);
      for (const f of findings) {
        const level = levelOf(f.severity as "blocking" | "notice", policy);
        out.push(`  ${f.line}:${f.column}  ${label[level]}  ${messageOf(f, policy)}  ${dim(`[${f.status}, ${f.role}]`)}`);
        const source = lines?.[f.line - 1];
        if (source !== undefined) {
          const gutter = String(f.line).length;
          out.push(dim(`    ${f.line} | `) + source.replace(/\t/g, " "));
          const width = f.endLine === f.line ? Math.max(1, f.endColumn - f.column) : 1;
          out.push(dim(`    ${" ".repeat(gutter)} | `) + " ".repeat(f.column - 1) + (level === "notice" ? cyan : red)("^".repeat(width)));
        }
        out.push(`    ${dim("role:")} ${roleText(f)}`);
        if (f.previous !== null) out.push(`    ${dim("was:")} ${f.previous}`);
        if (f.history?.length) out.push(`    ${dim("history:")} ${sparkline(f.value, f.history)} ${historyText(f.literal, f.history)}`);
        const fix = fixOf(f, policy);
        if (fix) out.push(`    ${dim("fix:")} ${fix}`);
      }
      out.push("");
    }
    const unlisted = unlistedText(analysis);
    if (analysis.unverified.length > 0 || unlisted) {
      const level = label[levelOf(unverifiedSeverity(policy), policy)];
      out.push(bold("Not verified"));
      for (const file of analysis.unverified) out.push(`  ${file.path}  ${level}  ${file.reason ?? ""}`);
      if (unlisted) out.push(`  ${level}  ${unlisted}`);
      out.push("");
    }
    const unread = unreadFiles(analysis);
    if (unread.length > 0) {
      out.push(bold("Not read by the check") + dim(" (numbers in them are not judged; review them yourself)"));
      for (const file of unread) {
        const changed = numbersChangedText(file);
        out.push(
          `  ${file.path}  ${dim(`${file.reason ?? file.outcome}; `)}${(file.numbersChanged ?? 0) > 0 ? yellow(changed) : dim(changed)}`,
        );
      }
      out.push("");
    }
    for (const warning of analysis.warnings) out.push(`${yellow("warning")}  ${warning}`);
    if (analysis.warnings.length) out.push("");
    const c = analysis.counts;
    const checked = analysis.files.filter((f) => f.outcome === "checked").length;
    const rest = `${c.justified} justified, ${c["known-constant"]} known constants, ${c.allowed} allowed, ${c.overridden} overridden; ${plural(checked, "file")} checked`;
    if (analysis.conclusion === "success") {
      out.push(`${paint(color, "32")("✔")} no-patch: no blocking findings (${rest})`);
    } else {
      const mark = analysis.conclusion === "neutral" ? yellow("⚠") : red("✖");
      const notVerified = notVerifiedText(analysis);
      const unverified = notVerified ? `, ${notVerified}` : "";
      out.push(
        `${mark} no-patch: ${plural(c.blocking, "blocking finding")}${unverified} (${rest})${analysis.conclusion === "neutral" ? " — mode: warn, not failing" : ""}`,
      );
    }
    out.push(dim(`${fileOutcomes(analysis.files)}; policy: ${policySource}`));
    return out.join("\n") + "\n";
  },
};
