/**
 * The words for a finding: its message and the fix to suggest, in the policy's own terms (its
 * first tag, its quality rules) and the file's comment syntax. Every report says them the
 * same way because every report says them through here.
 */
import type { Analysis, FileReport, ReportPolicy } from "../core/analyze.js";
import type { Finding, Severity } from "../core/findings.js";
import { languageOf } from "../core/languages/index.js";
import { ROLE_DESCRIPTIONS } from "../core/roles.js";

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const lineCommentOf = (path: string): string => languageOf(path)?.lineComment ?? "//";

/** The annotation to write, in the file's language: `// @physics: <…>`. */
export const annotationExample = (path: string, policy: ReportPolicy): string =>
  `${lineCommentOf(path)} ${policy.tag}: <the physical quantity this is, with a reference such as Eq. (3.4) or arXiv:YYMM.NNNNN>`;

const addAnnotation = (path: string, policy: ReportPolicy): string =>
  `add a comment on the line above: \`${annotationExample(path, policy)}\`, or compute the value from named physical quantities`;

export function messageOf(f: Finding, policy: ReportPolicy): string {
  const history = f.history?.length ? `; earlier values here: ${earlierValues(f)}` : "";
  return statusMessage(f, policy) + history;
}

/** `0.30 on 2026-05-02 (abc1234), 0.35 on 2026-04-30 (def5678)`, newest first. */
export const earlierValues = (f: Finding): string =>
  (f.history ?? []).map((h) => `${h.literal} on ${h.date.slice(0, 10)} (${h.commit.slice(0, 7)})`).join(", ");

/** A quoted comment, kept to one short line. */
const clip = (text: string): string => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
};

function statusMessage(f: Finding, policy: ReportPolicy): string {
  const tag = policy.tag;
  const was = f.previous !== null && f.status !== "retuned" ? ` (retuned from ${f.previous})` : "";
  switch (f.status) {
    case "known-constant":
      return `${f.literal} is ${f.knownConstant!.name} [${f.knownConstant!.source}]`;
    case "retuned":
      return f.operatorChange
        ? `${f.operatorChange.to} ${f.literal} was ${f.previous} here (the operator changed) and its justification did not change: a coefficient cannot move while its physics stays the same`
        : `${f.literal} was ${f.previous} here and its justification did not change: a coefficient cannot move while its physics stays the same`;
    case "justified":
      return `${f.literal} is justified: ${f.justification}${was}`;
    case "allowed":
      return `${f.literal} needs no justification: ${f.exemption}`;
    case "unjustified":
      return f.stale && f.justification !== null
        ? `${f.literal} has no ${tag} justification of its own${was}: the comment over it ("${clip(f.justification)}", line ${f.justificationLine}) says what the code said before this change, and an unchanged comment covers only what it covered before`
        : `${f.literal} has no ${tag} justification${was}`;
    case "untagged":
      return `${f.literal} has a comment but no ${tag} tag${was}`;
    case "weak":
      return `the ${f.calibration ? "@calibrated declaration" : `${tag} justification`} of ${f.literal} is not accepted: ${f.problems.join("; ")}${was}`;
    case "calibrated":
      return `${f.literal} is a fitted value: ${calibrationText(f)}${was}${policy.calibration === "allow" ? "" : policy.calibration === "review" ? " (needs a maintainer's review)" : " (the policy blocks fitted values)"}`;
    case "overridden":
      return `${f.literal} was allowed by @${f.override!.by} on ${f.override!.at}: ${f.override!.reason} (would be ${f.override!.status})`;
  }
}

/** What to do about a finding; null when nothing is to be done. */
export function fixOf(f: Finding, policy: ReportPolicy): string | null {
  const tag = policy.tag;
  switch (f.status) {
    case "known-constant":
      return f.knownConstant!.named ? `use the named form \`${f.knownConstant!.named}\`` : null;
    case "retuned":
      return `explain the new value in the ${tag} justification (what changed physically, with a reference), or restore ${f.previous}`;
    case "unjustified":
      return addAnnotation(f.path, policy);
    case "untagged":
      return `start the comment with \`${tag}:\` if it states the physics (quality rules apply), or ${addAnnotation(f.path, policy)}`;
    case "calibrated":
      return policy.calibration === "allow"
        ? null
        : `derive the value from the physics, or ask a maintainer to accept the fit${policy.calibration === "block" ? " (the policy blocks fitted values: derive it)" : ""}`;
    case "weak":
      if (f.calibration)
        return `complete the declaration: \`@calibrated: <what was fitted> against <the data or reference output> valid <the range where it holds>\``;
      return `rewrite it to name the physical quantity and where it comes from (at least ${policy.minWords} words${policy.requireReference ? ", with a reference" : ""}); a factor fitted to pass tests is a patch`;
    default:
      return null;
  }
}

/** A declared fit in words: what was fitted, against what, where it holds. */
export function calibrationText(f: Finding): string {
  const c = f.calibration;
  if (!c) return "";
  const what = c.fitted ? c.fitted : "fitted";
  return `${what}; fitted against ${c.against ?? "(not said)"}; valid ${c.valid ?? "(not said)"}`;
}

/** The role as a phrase: `scale factor (operand of *, /, …)`. */
export const roleText = (f: Finding): string => ROLE_DESCRIPTIONS[f.role];

/** Levels of the places a finding can be shown; `mode: warn` turns blocking into a warning. */
export type Level = "error" | "warning" | "notice";

export function levelOf(severity: Exclude<Severity, "hidden">, policy: ReportPolicy): Level {
  if (severity === "notice") return "notice";
  return policy.mode === "warn" ? "warning" : "error";
}

/** The findings a person is shown (blocking and notices), in report order. */
export const shownFindings = (analysis: Analysis): Finding[] => analysis.findings.filter((f) => f.severity !== "hidden");

/** How an unverified file counts against the check: blocking unless `unverified: warn`. */
export const unverifiedSeverity = (policy: ReportPolicy): Exclude<Severity, "hidden"> =>
  policy.unverified === "fail" ? "blocking" : "notice";

/** The unlisted files as one line: `5 more files: beyond GitHub's list …`. */
export function unlistedText(analysis: Analysis): string | null {
  const unlisted = analysis.unlisted;
  if (!unlisted) return null;
  const count = unlisted.count === null ? "More files (GitHub does not say how many)" : `${plural(unlisted.count, "more file")}`;
  return `${count}: ${unlisted.reason}`;
}

/** `6 files not verified`, or `2 files and more not verified` when GitHub does not say how many; null when none. */
export function notVerifiedText(analysis: Analysis): string | null {
  const known = analysis.unverified.length + (analysis.unlisted?.count ?? 0);
  if (analysis.unlisted && analysis.unlisted.count === null) {
    return known ? `${plural(known, "file")} and more not verified` : "files not verified (GitHub does not say how many)";
  }
  return known ? `${plural(known, "file")} not verified` : null;
}

/** The not-verified count for a table cell: `6`, or `2+` when GitHub does not say how many. */
export const notVerifiedCount = (analysis: Analysis): string =>
  `${analysis.unverified.length + (analysis.unlisted?.count ?? 0)}${analysis.unlisted && analysis.unlisted.count === null ? "+" : ""}`;

/** `3 checked, 1 ignored, 2 not a parsed language`: what the check did with every file. */
export function fileOutcomes(files: readonly FileReport[]): string {
  const order: Array<[FileReport["outcome"], string]> = [
    ["checked", "checked"],
    ["unverified", "not verified"],
    ["ignored", "ignored by the policy"],
    ["unsupported", "in a language no-patch does not parse"],
    ["binary", "binary"],
    ["deleted", "deleted"],
  ];
  const parts: string[] = [];
  for (const [outcome, label] of order) {
    const n = files.filter((f) => f.outcome === outcome).length;
    if (n > 0 || outcome === "checked") parts.push(`${n} ${label}`);
  }
  return `${plural(files.length, "file")}: ${parts.join(", ")}`;
}

/** The changed files the check did not read (ignored, another language, data, binary), which a reviewer should still look at. */
export const unreadFiles = (analysis: Analysis): FileReport[] =>
  analysis.files.filter((f) => f.outcome === "ignored" || f.outcome === "unsupported" || f.outcome === "binary");

/** `3 numbers changed`, `no number changed`, or `numbers changed: unknown`. */
export function numbersChangedText(file: FileReport): string {
  const n = file.numbersChanged;
  if (n === null || n === undefined) return "numbers changed: unknown";
  return n === 0 ? "no number changed" : `${plural(n, "number")} changed`;
}
