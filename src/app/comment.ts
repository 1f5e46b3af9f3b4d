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
const STATE = /<!-- no-patch:state ([A-Za-z0-9+/=]*)(?: ([0-9a-f]{64}))? -->/g;

/**
 * Where a state belongs: it is signed for one installation, repository and pull request, so
 * a copy carried to another pull request (or repository, or installation) does not verify.
 */
export interface StateScope {
  installation: number | null;
  repository: string;
  pull: number;
}

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

/** A key per installation, derived from the secret: one installation's signatures mean nothing in another. */
const installationKey = (key: string, installation: number | null): Buffer =>
  createHmac("sha256", key)
    .update(`no-patch state key for installation ${installation ?? "none"}`)
    .digest();

const sign = (payload: string, key: string, scope: StateScope): string =>
  createHmac("sha256", installationKey(key, scope.installation)).update(`${scope.repository}#${scope.pull}\n${payload}`).digest("hex");

/**
 * The state in our comment. Anyone with write access can edit a comment, so with a key the
 * state is signed for its place (installation, repository, pull request), and a state whose
 * signature does not verify there is dropped: exceptions can be neither forged by editing the
 * comment nor replayed from another pull request. Only a body that starts with our marker is
 * read, and only its last state block (the one the app writes at the end).
 */
export function readState(body: string, key: string | null, scope: StateScope): CommentState {
  if (!body.startsWith(MARKER)) return emptyState();
  const match = [...body.matchAll(STATE)].at(-1);
  if (!match) return emptyState();
  const payload = match[1]!;
  if (key !== null) {
    const signature = match[2] ?? "";
    const expected = sign(payload, key, scope);
    if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return emptyState();
  }
  try {
    const parsed = JSON.parse(Buffer.from(payload, "base64").toString("utf8")) as Partial<CommentState>;
    return { overrides: Array.isArray(parsed.overrides) ? parsed.overrides : [], headSha: parsed.headSha ?? null };
  } catch {
    return emptyState();
  }
}

function stateBlock(state: CommentState, key: string | null, scope: StateScope): string {
  const payload = Buffer.from(JSON.stringify(state)).toString("base64");
  return `<!-- no-patch:state ${payload}${key !== null ? ` ${sign(payload, key, scope)}` : ""} -->`;
}

export async function listComments(octokit: Octokit, repo: Repo, issue: number): Promise<IssueComment[]> {
  return (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 })) as IssueComment[];
}

/**
 * Our comment: written by this app, starting with the marker (never a user's or another bot's
 * copy, nor one of the app's replies that quotes a user).
 */
export function findOwnComment(comments: IssueComment[], appId: number): IssueComment | undefined {
  return comments.find((c) => c.performed_via_github_app?.id === appId && (c.body ?? "").startsWith(MARKER));
}

/** The whole comment: the marker, the report (`src/report/comment.ts`), and the signed state. */
export function commentBody(report: string, state: CommentState, key: string | null, scope: StateScope): string {
  return `${MARKER}\n${report}\n\n${stateBlock(state, key, scope)}`;
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
