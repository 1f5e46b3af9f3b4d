/**
 * The pull request comment: one per pull request, found by a hidden marker and edited in
 * place. It also carries the app's state (maintainers' exceptions) in a hidden block that
 * only comments written by this app are trusted for.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Analysis } from "../core/analyze.js";
import type { Config } from "../core/config.js";
import type { Override } from "../core/findings.js";
import type { Octokit, Repo } from "./github.js";

export const MARKER = "<!-- no-patch:report -->";
const STATE = /<!-- no-patch:state ([A-Za-z0-9+/=]*)(?: ([0-9a-f]{64}))? -->/;

export interface CommentState {
  overrides: Override[];
  /** Head commit the comment reports on. */
  headSha: string | null;
}

export interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login: string; type?: string } | null;
  performed_via_github_app?: { id: number } | null;
  created_at?: string;
}

export const emptyState = (): CommentState => ({ overrides: [], headSha: null });

const sign = (payload: string, key: string): string => createHmac("sha256", key).update(payload).digest("hex");

/**
 * The state in our comment. Anyone with write access can edit a comment, so with a key the
 * state is signed, and a state whose signature does not verify is dropped: exceptions cannot
 * be forged by editing the comment.
 */
export function readState(body: string, key: string | null): CommentState {
  const match = STATE.exec(body);
  if (!match) return emptyState();
  const payload = match[1]!;
  if (key !== null) {
    const signature = match[2] ?? "";
    const expected = sign(payload, key);
    if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return emptyState();
  }
  try {
    const parsed = JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as Partial<CommentState>;
    return { overrides: Array.isArray(parsed.overrides) ? parsed.overrides : [], headSha: parsed.headSha ?? null };
  } catch {
    return emptyState();
  }
}

function stateBlock(state: CommentState, key: string | null): string {
  const payload = Buffer.from(JSON.stringify(state)).toString("base64");
  return `<!-- no-patch:state ${payload}${key !== null ? ` ${sign(payload, key)}` : ""} -->`;
}

export async function listComments(octokit: Octokit, repo: Repo, issue: number): Promise<IssueComment[]> {
  return (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 })) as IssueComment[];
}

/** Our comment: the marker, written by this app (never a user's or another bot's copy). */
export function findOwnComment(comments: IssueComment[], appId: number): IssueComment | undefined {
  return comments.find((c) => c.performed_via_github_app?.id === appId && (c.body ?? "").includes(MARKER));
}

/** The whole comment: the marker, the report (`src/report/comment.ts`), and the signed state. */
export function commentBody(report: string, state: CommentState, key: string | null): string {
  return `${MARKER}\n${report}\n\n${stateBlock(state, key)}`;
}

/** Whether the policy wants a comment now: never duplicated, resolved once findings are gone. */
export function shouldWriteComment(config: Config, analysis: Analysis, existing: IssueComment | undefined, hasState: boolean): boolean {
  if (existing) return true;
  if (hasState) return true; // exceptions are recorded in the comment
  if (config.comment === "never") return false;
  if (config.comment === "always") return true;
  return analysis.counts.blocking > 0 || analysis.counts.unverified > 0;
}

export async function writeComment(
  octokit: Octokit,
  repo: Repo,
  issue: number,
  existing: IssueComment | undefined,
  body: string,
): Promise<void> {
  if (existing) {
    if (existing.body === body) return;
    await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
  } else {
    await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
  }
}
