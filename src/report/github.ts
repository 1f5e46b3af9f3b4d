/** GitHub Actions workflow commands (`--format github`): `::error file=…,line=…,col=…::message`. */
import {
  fixOf,
  levelOf,
  notVerifiedText,
  numbersChangedText,
  unreadFiles,
  messageOf,
  shownFindings,
  unlistedText,
  unverifiedSeverity,
} from "./describe.js";
import type { Format } from "./format.js";

const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export const githubFormat: Format = {
  name: "github",
  description: "GitHub Actions workflow commands (annotations)",
  render({ analysis }) {
    const policy = analysis.policy;
    const out: string[] = [];
    for (const f of shownFindings(analysis)) {
      const props = [
        `file=${escapeProperty(f.path)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`no-patch: ${f.status} ${f.role}${f.previous !== null ? ` (was ${f.previous})` : ""}`)}`,
      ].join(",");
      const fix = fixOf(f, policy);
      const message = messageOf(f, policy);
      out.push(
        `::${levelOf(f.severity as "blocking" | "notice", policy)} ${props}::${escapeData(fix ? `${message}. Fix: ${fix}` : message)}`,
      );
    }
    const level = levelOf(unverifiedSeverity(policy), policy);
    for (const file of analysis.unverified) {
      out.push(
        `::${level} file=${escapeProperty(file.path)},title=${escapeProperty("no-patch: unverified file")}::${escapeData(file.reason ?? "not verified")}`,
      );
    }
    const unlisted = unlistedText(analysis);
    if (unlisted) out.push(`::${level} title=${escapeProperty("no-patch: unverified files")}::${escapeData(unlisted)}`);
    for (const file of unreadFiles(analysis)) {
      const title = escapeProperty(`no-patch: not read (${numbersChangedText(file)})`);
      out.push(
        `::notice file=${escapeProperty(file.path)},title=${title}::${escapeData(`${file.reason ?? file.outcome}; ${numbersChangedText(file)}`)}`,
      );
    }
    for (const warning of analysis.warnings) out.push(`::warning title=${escapeProperty("no-patch")}::${escapeData(warning)}`);
    const c = analysis.counts;
    out.push(
      `no-patch: ${analysis.conclusion}: ${c.blocking} blocking, ${c.justified} justified, ${c["known-constant"]} known constants, ${notVerifiedText(analysis) ?? "0 files not verified"}`,
    );
    return out.join("\n") + "\n";
  },
};
