/**
 * The pull request comment: the verdict in one heading, the blocking findings as a short
 * table linked to their lines, the exceptions granted, and a link to the check run. The app
 * adds its marker and state; everything a person reads is rendered here.
 */
import type { Analysis } from "../core/analyze.js";
import type { Override } from "../core/findings.js";
import { historyText, sparkline } from "../core/history.js";
import { annotationExample, notVerifiedText, numbersChangedText, plural, unreadFiles } from "./describe.js";
import { code, inline, lineUrl, link, tableRow, where, type Links } from "./markdown.js";

/** Rows of the findings table in the comment; the check run has them all. */
export const COMMENT_ROWS = 20;

export interface CommentInput {
  analysis: Analysis;
  /** The commit reported on. */
  headSha: string;
  links: Links | null;
  checkUrl: string | null;
  /** Exceptions recorded for this pull request. */
  exceptions: readonly Override[];
  /** How a maintainer grants an exception (the app's command grammar), when exceptions are on. */
  exceptionHelp?: string | null;
}

export function renderComment({ analysis, headSha, links, checkUrl, exceptions, exceptionHelp }: CommentInput): string {
  const blocking = analysis.findings.filter((f) => f.severity === "blocking");
  const unverified = analysis.counts.unverified;
  const at = ` at ${link(code(headSha.slice(0, 7)), links ? `${links.repository}/commit/${headSha}` : null)}`;
  const lines: string[] = [];
  if (blocking.length === 0 && unverified === 0) {
    lines.push(`### ✅ no-patch: every numeric constant this change adds is justified${at}`);
  } else {
    // The verdict is the analysis's conclusion: warn mode and `unverified: warn` report without blocking.
    const verdict = {
      failure: "❌ no-patch blocks this merge",
      neutral: "⚠️ no-patch reports (warn mode, not blocking)",
      success: "✅ no-patch passes",
    }[analysis.conclusion];
    const parts = [];
    if (blocking.length) parts.push(plural(blocking.length, "unexplained numeric constant"));
    const notVerified = notVerifiedText(analysis);
    if (notVerified) parts.push(notVerified);
    lines.push(`### ${verdict}: ${parts.join(", ")}${at}`);
    if (blocking.length) {
      lines.push("", "| where | literal | role | status |", "| --- | --- | --- | --- |");
      for (const f of blocking.slice(0, COMMENT_ROWS)) {
        const status = f.previous !== null ? `${f.status} (was ${code(f.previous)})` : f.status;
        lines.push(tableRow([where(links, f.path, f.line), code(f.literal), f.role, status]));
      }
      if (blocking.length > COMMENT_ROWS) lines.push(tableRow(["…", `${blocking.length - COMMENT_ROWS} more`, "", ""]));
      const example = annotationExample(blocking[0]!.path, analysis.policy).replace(/<.*>$/, "velocity dispersion σ_v², Eq. 3.4");
      lines.push(
        "",
        `Each needs a physical justification next to it, such as ${code(example)}.${exceptionHelp ? ` A maintainer can grant an exception with ${exceptionHelp}.` : ""}`,
      );
    }
    if (unverified && analysis.policy.unverified === "fail") {
      lines.push(
        "",
        "What no-patch could not read is never passed: the check run lists each file and why. Split the change, or set `unverified: warn` in the policy.",
      );
    }
  }
  const unread = unreadFiles(analysis).filter((f) => (f.numbersChanged ?? 1) > 0);
  if (unread.length) {
    lines.push("", `<details><summary>${plural(unread.length, "file")} with changed numbers that the check does not read</summary>`, "");
    for (const f of unread)
      lines.push(`- ${link(code(f.path), lineUrl(links, f.path))}: ${inline(f.reason ?? f.outcome)}; ${numbersChangedText(f)}`);
    lines.push("", "</details>");
  }
  // The case study's signature: one coefficient moved again and again.
  const moving = analysis.findings.filter((f) => f.history?.length).slice(0, COMMENT_ROWS);
  if (moving.length) {
    lines.push("", "**Values that keep moving** (oldest to newest)", "", "| where | values | history |", "| --- | --- | --- |");
    for (const f of moving)
      lines.push(tableRow([where(links, f.path, f.line), sparkline(f.value, f.history!), inline(historyText(f.literal, f.history!))]));
  }
  for (const warning of analysis.warnings) lines.push("", `> **Warning:** ${inline(warning)}`);
  if (exceptions.length) {
    lines.push("", "<details><summary>Exceptions granted</summary>", "");
    for (const o of exceptions)
      lines.push(`- ${where(links, o.path, o.line)} ${code(o.literal)}: @${inline(o.by)}, ${inline(o.at)}: ${inline(o.reason)}`);
    lines.push("", "</details>");
  }
  if (checkUrl) lines.push("", link("Details in the check run", checkUrl));
  return lines.join("\n");
}
