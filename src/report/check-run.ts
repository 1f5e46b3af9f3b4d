/**
 * The `no-patch` check run's output: title, summary (the verdict and a findings table), text
 * (every finding by file, with its message and fix) and annotations. Markdown as GitHub
 * renders it: every location links to its line at the head commit, and both texts stay
 * within the Checks API's 65535 bytes.
 */
import type { Analysis } from "../core/analyze.js";
import type { Finding } from "../core/findings.js";
import { languageOf } from "../core/languages/index.js";
import {
  fileOutcomes,
  unreadFiles,
  notVerifiedCount,
  notVerifiedText,
  fixOf,
  levelOf,
  messageOf,
  plural,
  roleText,
  shownFindings,
  unlistedText,
} from "./describe.js";
import { code, fitToLimit, inline, link, lineUrl, OUTPUT_LIMIT, tableRow, where, type Links } from "./markdown.js";

export interface CheckRunInput {
  analysis: Analysis;
  policySource: string;
  links: Links | null;
  /** How a maintainer grants an exception (the app's command grammar), when exceptions are on. */
  exceptionHelp?: string | null;
  /** Byte limit of summary and text (the Checks API's by default). */
  limit?: number;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  title: string;
  message: string;
  raw_details?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text: string;
  annotations: Annotation[];
}

const ANNOTATION_LEVEL = { error: "failure", warning: "warning", notice: "notice" } as const;

/** Text our own code wrote (fix advice): its code spans kept as written, HTML outside them made inert. */
const trusted = (text: string): string =>
  text
    .replace(/\r?\n/g, " ")
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")))
    .join("");

/** `0.95` (was `0.93`) */
const literalCell = (f: Finding): string => `${code(f.literal)}${f.previous !== null ? ` (was ${code(f.previous)})` : ""}`;

export function checkTitle(analysis: Analysis): string {
  const c = analysis.counts;
  if (c.blocking === 0 && c.unverified === 0) return "All added numeric constants are justified";
  const parts = [];
  if (c.blocking) parts.push(plural(c.blocking, "unexplained numeric constant"));
  const notVerified = notVerifiedText(analysis);
  if (notVerified) parts.push(notVerified);
  const title = parts.join(", ") + (analysis.policy.mode === "warn" ? " (warn mode)" : "");
  return title.charAt(0).toUpperCase() + title.slice(1);
}

export function annotationsFor(analysis: Analysis): Annotation[] {
  return shownFindings(analysis).map((f) => {
    const fix = fixOf(f, analysis.policy);
    const sameLine = f.endLine === f.line;
    return {
      path: f.path,
      start_line: f.line,
      end_line: f.endLine,
      ...(sameLine ? { start_column: f.column, end_column: f.endColumn } : {}),
      annotation_level: ANNOTATION_LEVEL[levelOf(f.severity as "blocking" | "notice", analysis.policy)],
      title: `no-patch: ${f.status} ${f.role}${f.previous !== null ? ` (was ${f.previous})` : ""}`,
      message: messageOf(f, analysis.policy),
      ...(fix ? { raw_details: `Fix: ${fix}` } : {}),
    };
  });
}

function summaryOf(input: CheckRunInput, title: string): string {
  const { analysis, links } = input;
  const c = analysis.counts;
  const policy = analysis.policy;
  const blocking = analysis.findings.filter((f) => f.severity === "blocking");
  const known = analysis.findings.filter((f) => f.status === "known-constant");
  const overridden = analysis.findings.filter((f) => f.status === "overridden");
  const checked = analysis.files.filter((f) => f.outcome === "checked").length;
  const at = links ? link(code(links.sha.slice(0, 7)), `${links.repository}/commit/${links.sha}`) : "";
  const out: string[] = [
    `**${inline(title)}**${at ? ` at ${at}` : ""}.`,
    "",
    ...analysis.warnings.flatMap((w) => [`> **Warning:** ${inline(w)}`, ""]),
    "| blocking | justified | known constants | allowed | overridden | files checked | not verified |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    `| ${c.blocking} | ${c.justified} | ${c["known-constant"]} | ${c.allowed} | ${c.overridden} | ${checked} | ${notVerifiedCount(analysis)} |`,
    "",
  ];
  if (blocking.length) {
    out.push("### Findings", "", "| where | literal | role | status | why |", "| --- | --- | --- | --- | --- |");
    for (const f of blocking)
      out.push(tableRow([where(links, f.path, f.line), literalCell(f), f.role, f.status, inline(messageOf(f, policy))]));
    out.push("");
  }
  if (c.unverified) {
    out.push("### Not verified", "");
    for (const file of analysis.unverified)
      out.push(`- ${link(code(file.path), lineUrl(links, file.path))}: ${inline(file.reason ?? "not read")}`);
    const unlisted = unlistedText(analysis);
    if (unlisted) out.push(`- ${inline(unlisted)}`);
    out.push("");
    if (policy.unverified === "fail" && policy.mode !== "warn") {
      out.push("A pull request never passes because it was too big to read: split it, or set `unverified: warn` in the policy.", "");
    }
  }
  const unread = unreadFiles(analysis);
  if (unread.length) {
    out.push(
      "### Not read by the check",
      "",
      "Numbers in these files are not judged: review them yourself.",
      "",
      "| file | why | numbers changed |",
      "| --- | --- | ---: |",
    );
    for (const file of unread) {
      out.push(
        tableRow([
          link(code(file.path), lineUrl(links, file.path)),
          inline(file.reason ?? file.outcome),
          file.numbersChanged === null || file.numbersChanged === undefined ? "unknown" : String(file.numbersChanged),
        ]),
      );
    }
    out.push("");
  }
  if (overridden.length) {
    out.push("### Exceptions granted by maintainers", "");
    for (const f of overridden) {
      const o = f.override!;
      out.push(
        `- ${where(links, f.path, f.line)} ${code(f.literal)}: allowed by @${inline(o.by)} on ${inline(o.at)}: ${inline(o.reason)} (would be ${o.status})`,
      );
    }
    out.push("");
  }
  if (known.length) {
    out.push("### Known constants recognised", "");
    for (const f of known) {
      const named = f.knownConstant!.named;
      out.push(
        `- ${where(links, f.path, f.line)} ${code(f.literal)} is ${inline(f.knownConstant!.name)}${named ? `: use ${code(named)}` : ""}`,
      );
    }
    out.push("");
  }
  if (blocking.length) {
    const example = blocking[0]!.path;
    const language = languageOf(example);
    out.push(
      "### How to fix",
      "",
      "Every numeric constant this change adds needs a physical justification next to it:",
      "",
      "```" + (language?.example.fence ?? ""),
      `${language?.lineComment ?? "//"} ${policy.tag}: velocity dispersion σ_v² of the linear field, Eq. 3.4`,
      language?.example.declaration ?? "const sigmaV2 = 0.27;",
      "```",
      "",
      `A name is not a justification, and neither is a comment that admits calibration (tuned, fudge, to match the reference, minimises the error). If a value really has no physical meaning, derive it from quantities that do${input.exceptionHelp ? `, or ask a maintainer for an exception: ${input.exceptionHelp}` : ""}.`,
      "",
    );
  }
  out.push(`<sub>Policy: ${inline(input.policySource)}. ${inline(fileOutcomes(analysis.files))}.</sub>`);
  return out.join("\n");
}

/** Every finding a person should see, by file: line, literal, role, status, message and fix. */
function detailsOf(input: CheckRunInput): string {
  const { analysis, links } = input;
  const byFile = new Map<string, Finding[]>();
  for (const f of shownFindings(analysis)) {
    const list = byFile.get(f.path);
    if (list) list.push(f);
    else byFile.set(f.path, [f]);
  }
  const out: string[] = [];
  for (const [path, findings] of byFile) {
    out.push(`### ${link(code(path), lineUrl(links, path))}`, "");
    for (const f of findings) {
      const place = link(`line ${f.line}, column ${f.column}`, lineUrl(links, f.path, f.line));
      out.push(`- **${place}**: ${literalCell(f)}, ${inline(roleText(f))}, **${f.status}**`);
      out.push(`  - ${inline(messageOf(f, analysis.policy))}`);
      const fix = fixOf(f, analysis.policy);
      if (fix) out.push(`  - Fix: ${trusted(fix)}`);
    }
    out.push("");
  }
  if (out.length === 0) return "No finding needs attention.";
  return out.join("\n").trimEnd();
}

export function renderCheckRun(input: CheckRunInput): CheckRunOutput {
  const limit = input.limit ?? OUTPUT_LIMIT;
  const title = checkTitle(input.analysis);
  return {
    title,
    summary: fitToLimit(summaryOf(input, title), limit),
    text: fitToLimit(detailsOf(input), limit),
    annotations: annotationsFor(input.analysis),
  };
}

/** The output of a run that could not finish: what went wrong and how to retry (fail closed). */
export function renderFailure(problem: string, retry: string): { title: string; summary: string } {
  return {
    title: "no-patch could not check this change",
    summary: fitToLimit(`${problem}\n\nThe check fails closed: a change is never passed unread. ${retry}`),
  };
}
