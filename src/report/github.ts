/** GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`. */
import type { Analysis } from "../core/analyze.js";

const escapeData = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function toGithubAnnotations(analysis: Analysis): string {
  const out: string[] = [];
  for (const f of analysis.findings) {
    let level: string;
    if (f.blocking) level = analysis.mode === "warn" ? "warning" : "error";
    else if (f.status === "known-constant") level = "notice";
    else continue;
    const props = [
      `file=${escapeProperty(f.path)}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${f.endColumn}`,
      `title=${escapeProperty(`no-patch: ${f.status} ${f.role}`)}`,
    ].join(",");
    out.push(`::${level} ${props}::${escapeData(f.fix ? `${f.message}. Fix: ${f.fix}` : f.message)}`);
  }
  for (const file of analysis.unverified) {
    const level = analysis.mode === "warn" ? "warning" : "error";
    out.push(
      `::${level} file=${escapeProperty(file.path)},title=${escapeProperty("no-patch: unverified file")}::${escapeData(file.reason ?? "not verified")}`,
    );
  }
  const c = analysis.counts;
  out.push(
    `no-patch: ${analysis.conclusion}: ${c.blocking} blocking, ${c.justified} justified, ${c["known-constant"]} known constants, ${analysis.unverified.length} unverified`,
  );
  return out.join("\n") + "\n";
}
