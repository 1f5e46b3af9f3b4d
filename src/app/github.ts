/**
 * What the app reads from GitHub: the policy, the change's files and their texts. Reads are
 * batched: file pages fetched concurrently, texts through GraphQL (many blobs a query), and
 * base texts rebuilt from GitHub's patches where they fit, so a 300-file pull request costs a
 * handful of requests instead of hundreds.
 */
import { posix } from "node:path";
import type { Octokit as RestOctokit } from "@octokit/rest";
import { CONFIG_PATH, parseConfig, type Config } from "../core/config.js";
import { reversePatch } from "../core/diff.js";
import type { Analysis, FileChange, Unlisted } from "../core/analyze.js";
import { applyHistories, fileHistories, tracedFindings, type FileVersion, type ValueChange } from "../core/history.js";
import { createFileSelector, generatedGlobs } from "../core/file-selector.js";

/** GitHub lists at most 3000 files of a pull request. */
export const GITHUB_FILE_LIST_LIMIT = 3000;
const FILES_PER_PAGE = 100;
/** Blob objects per GraphQL query: few queries (each is throttled like a write), bounded size. */
export const BLOBS_PER_QUERY = 150;

/** A GitHub client: the App's (Probot's Octokit) or the CLI's (`@octokit/rest`); both have these methods. */
export type Octokit = Pick<RestOctokit, "rest" | "paginate" | "graphql" | "request">;

export interface Repo {
  owner: string;
  repo: string;
}

const status = (error: unknown): number | undefined =>
  typeof error === "object" && error !== null && "status" in error ? Number((error as { status: unknown }).status) : undefined;

const readConfigFile = (octokit: Octokit, repo: Repo, ref: string | undefined): Promise<string | null> =>
  readRepositoryFile(octokit, repo, CONFIG_PATH, ref);

async function readRepositoryFile(octokit: Octokit, repo: Repo, path: string, ref: string | undefined): Promise<string | null> {
  try {
    const response = await octokit.rest.repos.getContent({ ...repo, path, ...(ref ? { ref } : {}) });
    const data = response.data as { type?: string; content?: string; encoding?: string };
    if (Array.isArray(response.data) || data.type !== "file" || typeof data.content !== "string") return null;
    return Buffer.from(data.content, (data.encoding as BufferEncoding) ?? "base64").toString("utf8");
  } catch (error) {
    if (status(error) === 404) return null;
    throw error;
  }
}

/**
 * The policy: `.github/no-patch.yml` on the base branch, else in the organisation's `.github`
 * repository, else the defaults. Never the pull request's head, so a change cannot relax it.
 */
export async function loadPolicy(octokit: Octokit, repo: Repo, baseRef: string): Promise<{ config: Config; source: string }> {
  const own = await readConfigFile(octokit, repo, baseRef);
  if (own !== null) return { config: parseConfig(own, `${CONFIG_PATH} on ${baseRef}`), source: `${CONFIG_PATH} on ${baseRef}` };
  if (repo.repo !== ".github") {
    let shared: string | null = null;
    try {
      shared = await readConfigFile(octokit, { owner: repo.owner, repo: ".github" }, undefined);
    } catch (error) {
      if (status(error) !== 403) throw error; // no access to the org repository: defaults
    }
    if (shared !== null) {
      const source = `${repo.owner}/.github/${CONFIG_PATH}`;
      return { config: parseConfig(shared, source), source };
    }
  }
  return { config: parseConfig("", "defaults"), source: "defaults (no .github/no-patch.yml)" };
}

/** The base's `.gitattributes` (which files are generated or vendored), read like the policy; null when absent. */
export async function loadAttributes(octokit: Octokit, repo: Repo, baseRef: string): Promise<string | null> {
  return readRepositoryFile(octokit, repo, ".gitattributes", baseRef);
}

/** A file of the change as the REST API lists it. */
export interface ListedFile {
  filename: string;
  previous_filename?: string;
  status: string;
  patch?: string;
  sha?: string | null;
}

/** The pull request's files: pages fetched concurrently, up to GitHub's 3000. */
export async function listPullFiles(octokit: Octokit, repo: Repo, pull: number, changedFiles: number): Promise<ListedFile[]> {
  const page = (index: number) =>
    octokit.rest.pulls
      .listFiles({ ...repo, pull_number: pull, per_page: FILES_PER_PAGE, page: index + 1 })
      .then((r) => r.data as ListedFile[]);
  const lastPage = Math.ceil(GITHUB_FILE_LIST_LIMIT / FILES_PER_PAGE);
  // The expected pages at once; the count is only a hint (a stale or wrong `changed_files` must
  // not hide files), so while the last page read is full, the next is read too.
  const expected = Math.min(Math.ceil(Math.max(changedFiles, 1) / FILES_PER_PAGE), lastPage);
  const pages = await Promise.all(Array.from({ length: expected }, (_, index) => page(index)));
  while (pages.length < lastPage && pages.at(-1)!.length === FILES_PER_PAGE) pages.push(await page(pages.length));
  return pages.flat();
}

/** GitHub's compare API lists at most this many changed files, with no way to page further. */
export const COMPARE_FILE_LIMIT = 300;

/** Files between two commits (merge queue groups); `complete` is false when the list may be cut. */
export async function compareFiles(
  octokit: Octokit,
  repo: Repo,
  base: string,
  head: string,
): Promise<{ files: ListedFile[]; complete: boolean }> {
  const response = await octokit.rest.repos.compareCommitsWithBasehead({
    ...repo,
    basehead: `${base}...${head}`,
    per_page: FILES_PER_PAGE,
  });
  const files = (response.data.files ?? []) as ListedFile[];
  return { files, complete: files.length < COMPARE_FILE_LIMIT };
}

interface BlobResult {
  oid: string;
  text: string | null;
  byteSize: number;
  isBinary: boolean | null;
  isTruncated: boolean;
}

interface EntryResult {
  /** Git's file mode as a number: 0o120000 (40960) for a symbolic link. */
  mode: number;
  object: BlobResult | Record<string, never> | null;
}

/** Git's mode of a symbolic link. */
const SYMLINK_MODE = 0o120000;

export interface TextRequest {
  key: string;
  /** Resolved in the base repository, which also holds fork heads. */
  commit: string;
  path: string;
}

export interface FetchedText {
  text: string | null;
  /** Why there is no text: missing, binary, too large. */
  problem?: string;
  /** The entry is a symbolic link; `text` is then its target path. */
  symlink?: boolean;
}

/**
 * Many files at a commit, a GraphQL query per batch (`Commit.file`, which also gives each
 * entry's mode, so a symbolic link is known for one); paths travel as variables, never in the
 * query text.
 */
export async function fetchTexts(
  octokit: Octokit,
  repo: Repo,
  requests: TextRequest[],
  maxBytes: number,
): Promise<Map<string, FetchedText>> {
  const results = new Map<string, FetchedText>();
  const batches: TextRequest[][] = [];
  const byCommit = new Map<string, TextRequest[]>();
  for (const request of requests) byCommit.set(request.commit, [...(byCommit.get(request.commit) ?? []), request]);
  for (const list of byCommit.values())
    for (let i = 0; i < list.length; i += BLOBS_PER_QUERY) batches.push(list.slice(i, i + BLOBS_PER_QUERY));
  await Promise.all(
    batches.map(async (batch) => {
      const variables: Record<string, string> = { owner: repo.owner, name: repo.repo, commit: batch[0]!.commit };
      const declarations = ["$owner: String!", "$name: String!", "$commit: String!"];
      const fields = batch.map((request, index) => {
        variables[`p${index}`] = request.path;
        declarations.push(`$p${index}: String!`);
        return `f${index}: file(path: $p${index}) { mode object { ... on Blob { oid byteSize isBinary isTruncated text } } }`;
      });
      const query = `query(${declarations.join(", ")}) { repository(owner: $owner, name: $name) { object(expression: $commit) { ... on Commit { ${fields.join(" ")} } } } }`;
      const data = await octokit.graphql<{ repository: { object: Record<string, EntryResult | null> | null } | null }>(query, variables);
      await Promise.all(
        batch.map(async (request, index) => {
          const entry = data.repository?.object?.[`f${index}`] ?? null;
          const blob = entry?.object && "oid" in entry.object ? (entry.object as BlobResult) : null;
          if (entry && entry.mode === SYMLINK_MODE) {
            results.set(request.key, { text: blob?.text ?? null, symlink: true });
            return;
          }
          // GraphQL truncates large blob texts: read those whole through REST (a GET, not throttled).
          const whole =
            blob && blob.isTruncated && !blob.isBinary && blob.byteSize <= maxBytes ? await fetchRawBlob(octokit, repo, blob.oid) : null;
          results.set(request.key, whole !== null ? { text: whole } : describeBlob(blob, maxBytes));
        }),
      );
    }),
  );
  return results;
}

function describeBlob(blob: BlobResult | null, maxBytes: number): FetchedText {
  if (!blob) return { text: null, problem: "the file was not found at that commit" };
  if (blob.isBinary) return { text: null, problem: "binary file" };
  if (blob.byteSize > maxBytes)
    return { text: null, problem: `${blob.byteSize} bytes is over the limit of ${maxBytes} bytes (limits.maxFileBytes)` };
  if (blob.text === null) return { text: null, problem: "GitHub returned no text for the file" };
  return { text: blob.text };
}

/** Read one blob whole through REST (when GraphQL truncated it). */
export async function fetchRawBlob(octokit: Octokit, repo: Repo, sha: string): Promise<string> {
  const response = await octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
    ...repo,
    file_sha: sha,
    headers: { accept: "application/vnd.github.raw+json" },
  });
  const data = response.data as unknown;
  return typeof data === "string" ? data : Buffer.from(data as ArrayBuffer).toString("utf8");
}

/**
 * A symbolic link is checked as its target's text (SPEC section 3): targets inside the
 * repository are read at the head in one more query; a link leading out of it is unverified.
 */
async function followLinks(
  octokit: Octokit,
  repo: Repo,
  changes: FileChange[],
  fetched: Map<string, FetchedText>,
  head: string,
  maxBytes: number,
): Promise<void> {
  const targets = new Map<FileChange, string>();
  for (const change of changes) {
    const entry = fetched.get(change.path);
    if (!entry?.symlink) continue;
    change.symlink = true;
    const target = (entry.text ?? "").trim();
    const resolved = posix.normalize(posix.join(posix.dirname(change.path), target));
    if (target === "" || posix.isAbsolute(target) || resolved === ".." || resolved.startsWith("../")) {
      change.unreadable = `a symbolic link to ${JSON.stringify(target)}, outside the repository: not followed`;
      fetched.delete(change.path);
    } else targets.set(change, resolved);
  }
  if (targets.size === 0) return;
  const texts = await fetchTexts(
    octokit,
    repo,
    [...targets].map(([change, path]) => ({ key: change.path, commit: head, path })),
    maxBytes,
  );
  for (const [change, path] of targets) {
    const text = texts.get(change.path);
    if (text?.text != null && !text.symlink) change.headText = text.text;
    else
      change.unreadable = `a symbolic link to ${path}, which could not be read at the head (${text?.symlink ? "another link" : (text?.problem ?? "missing")})`;
  }
}

const FILE_STATUS: Record<string, FileChange["status"]> = {
  added: "added",
  removed: "deleted",
  modified: "modified",
  changed: "modified",
  renamed: "renamed",
  copied: "added",
  unchanged: "modified",
};

/**
 * Turn listed files into the core's FileChanges, fetching what must be read: the head text of
 * every selected file, and the base text only where the patch is missing or does not fit.
 */
export async function gatherChanges(
  octokit: Octokit,
  repo: Repo,
  files: ListedFile[],
  commits: { base: string; head: string },
  wanted: (path: string) => boolean,
  maxBytes: number,
): Promise<FileChange[]> {
  const changes: FileChange[] = files.map((file) => ({
    path: file.filename,
    previousPath: file.previous_filename ?? null,
    status: FILE_STATUS[file.status] ?? "modified",
    baseText: null,
    headText: null,
    patch: file.patch ?? null,
  }));
  const toRead = changes.filter((change) => change.status !== "deleted" && wanted(change.path));
  // A deleted file's literals may have moved into another file of the change: its base text is read too.
  const deleted = changes.filter((change) => change.status === "deleted" && wanted(change.path));
  const head = await fetchTexts(
    octokit,
    repo,
    toRead.map((change) => ({ key: change.path, commit: commits.head, path: change.path })),
    maxBytes,
  );
  await followLinks(octokit, repo, toRead, head, commits.head, maxBytes);
  const needBase: FileChange[] = [...deleted];
  for (const change of toRead) {
    if (change.symlink) continue; // checked whole, as its target's text
    const fetched = head.get(change.path);
    if (!fetched || fetched.text === null) {
      if (fetched?.problem === "binary file") change.binary = true;
      else change.unreadable = fetched?.problem ?? "the file could not be read";
      continue;
    }
    change.headText = fetched.text;
    if (change.status === "added") continue;
    const patch = typeof change.patch === "string" ? change.patch : null;
    const rebuilt = patch ? reversePatch(fetched.text, patch) : null;
    if (rebuilt !== null) change.baseText = rebuilt;
    else needBase.push(change);
  }
  if (needBase.length > 0) {
    const base = await fetchTexts(
      octokit,
      repo,
      needBase.map((change) => ({ key: change.path, commit: commits.base, path: change.previousPath ?? change.path })),
      maxBytes,
    );
    for (const change of needBase) {
      const fetched = base.get(change.path);
      if (change.status === "deleted") {
        change.baseText = fetched?.text ?? null;
      } else if (fetched?.text != null) {
        change.baseText = fetched.text;
        change.patch = null; // no usable patch: the core diffs the two texts
      } else {
        change.headText = null;
        change.unreadable = `base version: ${fetched?.problem ?? "could not be read"}`;
      }
    }
  }
  return changes;
}

/** What a run checks: a pull request, or a merge queue group (its commits, no pull request). */
export interface ChangeTarget {
  repo: Repo;
  headSha: string;
  baseSha: string;
  /** Branch whose policy judges the change. */
  baseRef: string;
  pull: { number: number; changedFiles: number } | null;
}

export interface ReadChange {
  policy: { config: Config; source: string };
  gitattributes: string | null;
  changes: FileChange[];
  unlisted: Unlisted | null;
}

/**
 * A change as the core reads it, in few requests: the base branch's policy and
 * `.gitattributes`, the list of files (a pull request's pages, or a merge group's compare),
 * and the texts of the files the policy selects. The App and `no-patch pr` both read here.
 */
export async function readChange(octokit: Octokit, target: ChangeTarget): Promise<ReadChange> {
  const { repo } = target;
  const [policy, gitattributes, { files, unlisted }] = await Promise.all([
    loadPolicy(octokit, repo, target.baseRef),
    loadAttributes(octokit, repo, target.baseRef),
    listChange(octokit, target),
  ]);
  const select = createFileSelector(policy.config, { generated: generatedGlobs(gitattributes) });
  const changes = await gatherChanges(
    octokit,
    repo,
    files,
    { base: target.baseSha, head: target.headSha },
    (path) => select(path).read,
    policy.config.limits.maxFileBytes,
  );
  return { policy, gitattributes, changes, unlisted };
}

/** The change's files, and those GitHub's lists leave out. */
async function listChange(octokit: Octokit, target: ChangeTarget): Promise<{ files: ListedFile[]; unlisted: Unlisted | null }> {
  if (target.pull) {
    const files = await listPullFiles(octokit, target.repo, target.pull.number, target.pull.changedFiles);
    // Files beyond the list exist only when the list is cut at GitHub's limit.
    const count = files.length >= GITHUB_FILE_LIST_LIMIT ? Math.max(0, target.pull.changedFiles - files.length) : 0;
    return { files, unlisted: count > 0 ? { count, reason: "beyond GitHub's list of 3000 files of a pull request" } : null };
  }
  const { files, complete } = await compareFiles(octokit, target.repo, target.baseSha, target.headSha);
  const reason = "GitHub's compare lists at most 300 files; a larger merge group cannot be read whole";
  return { files, unlisted: complete ? null : { count: null, reason } };
}

/** Most files whose retuned values get their history read in one run: a bound on requests. */
export const HISTORY_FILES = 5;

/**
 * The earlier values of the change's retuned literals: the commits that touched each file,
 * reachable from the head (the pull request's own commits, then its base's history), and the
 * file at each. One list and up to `history.depth` reads per file, for at most
 * HISTORY_FILES files, only when a value was retuned: few requests, all GETs.
 */
export async function readHistories(
  octokit: Octokit,
  repo: Repo,
  headSha: string,
  analysis: Analysis,
  changes: readonly FileChange[],
  config: Config,
): Promise<Analysis> {
  const traced = tracedFindings(analysis);
  if (traced.length === 0 || config.history.depth === 0) return analysis;
  const paths = [...new Set(traced.map((f) => f.path))].slice(0, HISTORY_FILES);
  /** The file after each commit that touched it, newest first: one list and a GET per commit. */
  const versionsOf = async (path: string): Promise<FileVersion[]> => {
    const { data } = await octokit.rest.repos.listCommits({ ...repo, sha: headSha, path, per_page: config.history.depth });
    return Promise.all(
      data.slice(0, config.history.depth).map(async (commit) => ({
        commit: commit.sha,
        date: commit.commit.committer?.date ?? commit.commit.author?.date ?? "",
        text: await readRepositoryFile(octokit, repo, path, commit.sha),
      })),
    );
  };
  const histories = new Map<string, ValueChange[]>();
  const unread: string[] = [];
  await Promise.all(
    paths.map(async (path) => {
      const headText = changes.find((c) => c.path === path)?.headText;
      if (headText == null) return;
      let versions: FileVersion[];
      try {
        versions = await versionsOf(path);
      } catch (error) {
        // The history informs; only a policy that blocks on it needs it to conclude.
        if (status(error) === undefined || config.history.maxRetunes !== null) throw error;
        unread.push(path);
        return;
      }
      const found = fileHistories(
        traced.filter((f) => f.path === path),
        headText,
        versions,
      );
      for (const [place, history] of found) histories.set(place, history);
    }),
  );
  const warnings = unread.length ? [`the history of retuned values in ${unread.join(", ")} could not be read from GitHub`] : [];
  return applyHistories(analysis, histories, config, new Date(), warnings);
}
