/**
 * The `no-patch` check run: created in progress, completed with the verdict, a summary and
 * one annotation per finding that needs attention, 50 a request (the Checks API limit).
 */
import type { Analysis } from "../core/analyze.js";
import type { Finding } from "../core/findings.js";
import { ROLE_DESCRIPTIONS } from "../core/roles.js";
import type { Octokit, Repo } from "./github.js";

export const CHECK_NAME = "no-patch";
export const ANNOTATIONS_PER_REQUEST = 50;
/** The Checks API's limit for `summary` and `text`, in bytes. */
export const OUTPUT_LIMIT = 65535;

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

export async function startCheckRun(octokit: Octokit, repo: Repo, headSha: string): Promise<{ id: number; url: string | null }> {
  const response = await octokit.rest.checks.create({
    ...repo,
    name: CHECK_NAME,
    head_sha: headSha,
    status: "in_progress",
    started_at: new Date().toISOString(),
    output: { title: "Checking numeric constants", summary: "no-patch is reading the change." },
  });
  return { id: response.data.id, url: response.data.html_url ?? null };
}

export function annotationsFor(analysis: Analysis): Annotation[] {
  const annotations: Annotation[] = [];
  for (const f of analysis.findings) {
    let level: Annotation["annotation_level"];
    if (f.blocking) level = analysis.mode === "warn" ? "warning" : "failure";
    else if (f.status === "known-constant" || f.status === "overridden") level = "notice";
    else continue;
    const sameLine = f.endLine === f.line;
    annotations.push({
      path: f.path,
      start_line: f.line,
      end_line: f.endLine,
      ...(sameLine ? { start_column: f.column, end_column: f.endColumn } : {}),
      annotation_level: level,
      title: `no-patch: ${f.status} ${f.role}`,
      message: f.message,
      ...(f.fix ? { raw_details: `Fix: ${f.fix}` } : {}),
    });
  }
  return annotations;
}

/** Cut markdown to the byte limit on a line boundary, saying what was left out. */
export function fitToLimit(markdown: string, limit = OUTPUT_LIMIT): string {
  if (Buffer.byteLength(markdown, "utf8") <= limit) return markdown;
  const lines = markdown.split("\n");
  const note = (omitted: number) =>
    `\n\n_… ${omitted} more line${omitted === 1 ? "" : "s"} left out: the Checks API allows ${limit} bytes. Every finding is also an annotation, and \`no-patch check\` prints them all._`;
  let bytes = 0;
  let kept = 0;
  const reserve = Buffer.byteLength(note(lines.length), "utf8");
  for (const line of lines) {
    const size = Buffer.byteLength(line, "utf8") + 1;
    if (bytes + size + reserve > limit) break;
    bytes += size;
    kept++;
  }
  return lines.slice(0, kept).join("\n") + note(lines.length - kept);
}

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

function findingRow(f: Finding): string {
  return `| \`${cell(f.path)}:${f.line}\` | \`${cell(f.literal)}\` | ${f.role} | ${f.status}${f.previous !== null ? ` (was \`${cell(f.previous)}\`)` : ""} | ${cell(f.message)} |`;
}

export interface SummaryInput {
  analysis: Analysis;
  policySource: string;
  headSha: string;
  beyondFileList: number;
}

export function renderSummary({ analysis, policySource, headSha, beyondFileList }: SummaryInput): {
  title: string;
  summary: string;
  text: string;
} {
  const c = analysis.counts;
  const blocking = analysis.findings.filter((f) => f.blocking);
  const known = analysis.findings.filter((f) => f.status === "known-constant");
  const overridden = analysis.findings.filter((f) => f.status === "overridden");
  const checked = analysis.files.filter((f) => f.outcome === "checked").length;
  // Files beyond GitHub's list stand in the analysis as one entry; count each of them.
  const unverified = analysis.unverified.length + (beyondFileList > 0 ? beyondFileList - 1 : 0);
  let title: string;
  if (c.blocking === 0 && unverified === 0) title = "All added numeric constants are justified";
  else {
    const parts = [];
    if (c.blocking) parts.push(`${c.blocking} unexplained numeric constant${c.blocking === 1 ? "" : "s"}`);
    if (unverified) parts.push(`${unverified} file${unverified === 1 ? "" : "s"} not verified`);
    title = parts.join(", ") + (analysis.mode === "warn" ? " (warn mode)" : "");
  }
  const summary: string[] = [
    `**${title}** at \`${headSha.slice(0, 7)}\`.`,
    "",
    "| blocking | justified | known constants | allowed | overridden | files checked | not verified |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    `| ${c.blocking} | ${c.justified} | ${c["known-constant"]} | ${c.allowed} | ${c.overridden} | ${checked} | ${unverified} |`,
    "",
  ];
  if (blocking.length) {
    summary.push(
      "### Findings",
      "",
      "| where | literal | role | status | why |",
      "| --- | --- | --- | --- | --- |",
      ...blocking.map(findingRow),
      "",
    );
  }
  if (unverified) {
    summary.push("### Not verified", "");
    for (const file of analysis.unverified) summary.push(`- \`${cell(file.path)}\`: ${file.reason ?? "not read"}`);
    summary.push(
      "",
      analysis.mode === "warn"
        ? ""
        : "A pull request never passes because it was too big to read: split it, or set `unverified: warn` in the policy.",
      "",
    );
  }
  if (overridden.length) {
    summary.push("### Exceptions granted by maintainers", "");
    for (const f of overridden) {
      summary.push(
        `- \`${cell(f.path)}:${f.line}\` \`${cell(f.literal)}\`: allowed by @${f.override!.by} on ${f.override!.at}: ${cell(f.override!.reason)}`,
      );
    }
    summary.push("");
  }
  if (known.length) {
    summary.push("### Known constants recognised", "");
    for (const f of known)
      summary.push(
        `- \`${cell(f.path)}:${f.line}\` \`${cell(f.literal)}\` is ${cell(f.knownConstant!.name)}${f.knownConstant!.suggestion ? `: use \`${cell(f.knownConstant!.suggestion)}\`` : ""}`,
      );
    summary.push("");
  }
  if (blocking.length) {
    summary.push(
      "### How to fix",
      "",
      "Every numeric constant this change adds needs a physical justification next to it:",
      "",
      "```ts",
      "// @physics: velocity dispersion σ_v² of the linear field, Eq. 3.4",
      "const sigmaV2 = 0.27;",
      "```",
      "",
      "A name is not a justification, and neither is a comment that admits calibration (tuned, fudge, to match the reference, minimises the error). If a value really has no physical meaning, derive it from quantities that do, or ask a maintainer for an exception: `/no-patch allow path:line -- reason`.",
      "",
    );
  }
  summary.push(`<sub>Policy: ${cell(policySource)}.</sub>`);
  const details = blocking.map(
    (f) =>
      `${f.path}:${f.line}:${f.column} ${f.literal} [${f.status}, ${ROLE_DESCRIPTIONS[f.role]}]\n  ${f.message}${f.fix ? `\n  fix: ${f.fix}` : ""}`,
  );
  return { title, summary: fitToLimit(summary.join("\n")), text: fitToLimit(details.join("\n\n")) };
}

/** Send every annotation in batches of 50; the last batch goes with the conclusion. */
export async function completeCheckRun(
  octokit: Octokit,
  repo: Repo,
  checkRunId: number,
  conclusion: "success" | "failure" | "neutral",
  output: { title: string; summary: string; text: string },
  annotations: Annotation[],
): Promise<number> {
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const last = batches.pop() ?? [];
  for (const batch of batches) {
    await octokit.rest.checks.update({ ...repo, check_run_id: checkRunId, output: { ...output, annotations: batch } });
  }
  await octokit.rest.checks.update({
    ...repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion,
    completed_at: new Date().toISOString(),
    output: { ...output, ...(last.length ? { annotations: last } : {}) },
  });
  return batches.length + 1;
}

/** Fail closed: any error ends the run as a failure that says what went wrong and how to retry. */
export async function failCheckRun(octokit: Octokit, repo: Repo, checkRunId: number, problem: string): Promise<void> {
  await octokit.rest.checks.update({
    ...repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion: "failure",
    completed_at: new Date().toISOString(),
    output: {
      title: "no-patch could not check this change",
      summary: fitToLimit(
        `${problem}\n\nThe check fails closed: a change is never passed unread. To retry, use **Re-run** on this check, or comment \`/no-patch recheck\` on the pull request.`,
      ),
    },
  });
}
