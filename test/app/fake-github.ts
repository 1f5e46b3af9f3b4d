/**
 * A small in-memory GitHub: repositories as commits of files, pull requests with GitHub's
 * file patches, check runs, comments and collaborator permissions. It answers the REST and
 * GraphQL requests the app makes and records every one, so tests assert the exact requests.
 * Served through nock (event tests) or a loopback HTTP server (end-to-end and bench).
 */
import { createHash } from "node:crypto";
import { structuredPatch } from "diff";

/** Git's blob id of a text. */
const blobId = (text: string): string => {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
};

export interface Recorded {
  method: string;
  path: string;
  body: unknown;
  /** When the request arrived (ms since the epoch). */
  at: number;
}

interface Pull {
  number: number;
  head: string;
  base: string;
  baseRef: string;
}

type Files = Record<string, string>;

export interface Reply {
  status: number;
  body: unknown;
}

/** jsdiff starts an empty side at the line after it; git (and so GitHub) at the line before. */
const gitStart = (start: number, count: number): number => (count === 0 ? start - 1 : start);

/** GitHub's per-file `patch`: the hunks of a unified diff with 3 lines of context. */
export function githubPatch(base: string, head: string): string {
  const patch = structuredPatch("a", "b", base, head, "", "", { context: 3 });
  return patch.hunks
    .map((h) =>
      [`@@ -${gitStart(h.oldStart, h.oldLines)},${h.oldLines} +${gitStart(h.newStart, h.newLines)},${h.newLines} @@`, ...h.lines].join(
        "\n",
      ),
    )
    .join("\n");
}

export class FakeGitHub {
  readonly requests: Recorded[] = [];
  readonly commits = new Map<string, Files>();
  readonly pulls = new Map<string, Pull>();
  readonly comments: Array<{
    id: number;
    repo: string;
    issue: number;
    body: string;
    user: { login: string; type: string };
    performed_via_github_app: { id: number } | null;
    created_at: string;
  }> = [];
  /** When the fake says things happen (check runs' `started_at`). */
  clock = "2026-11-28T12:00:00Z";
  readonly checkRuns: Array<{
    id: number;
    repo: string;
    head_sha: string;
    started_at: string;
    name: string;
    status: string;
    conclusion: string | null;
    output: Record<string, unknown>;
    annotations: unknown[];
  }> = [];
  readonly permissions = new Map<string, string>();
  /** Return this status for requests whose path matches. */
  readonly failures: Array<{ method: string; pattern: RegExp; status: number }> = [];
  /** Requests whose `METHOD path` matches never get an answer (a hung connection), each pattern once. */
  readonly hangs: RegExp[] = [];
  /** `sha:path` of entries that are symbolic links (their text is the target path). */
  readonly symlinks = new Set<string>();
  /** GraphQL object lookups return 500 when set. */
  failGraphql = false;
  /** GraphQL returns blob texts longer than this truncated, as GitHub does for large blobs. */
  graphqlTextLimit = Infinity;
  private nextId = 1000;

  constructor(readonly appId = 123) {}

  /** A commit's parent and committer date, for the history of a file (`GET /commits?path=`). */
  readonly parents = new Map<string, string>();
  readonly dates = new Map<string, string>();

  addCommit(sha: string, files: Files, options: { parent?: string; date?: string } = {}): this {
    this.commits.set(sha, files);
    if (options.parent) this.parents.set(sha, options.parent);
    if (options.date) this.dates.set(sha, options.date);
    return this;
  }

  /** Commits reachable from `sha` (first parents) that changed `path`, newest first, as GitHub lists them. */
  private commitsTouching(sha: string, path: string, perPage: number): unknown[] {
    const list: unknown[] = [];
    for (let at: string | undefined = sha; at && list.length < perPage; at = this.parents.get(at)) {
      const text = this.commits.get(at)?.[path];
      const parent = this.parents.get(at);
      const before = parent ? this.commits.get(parent)?.[path] : undefined;
      if (text === before) continue;
      const date = this.dates.get(at) ?? "2026-11-01T00:00:00Z";
      list.push({ sha: at, commit: { committer: { date }, author: { date }, message: `commit ${at.slice(0, 7)}` } });
    }
    return list;
  }

  addPull(repo: string, pull: Pull): this {
    this.pulls.set(`${repo}#${pull.number}`, pull);
    return this;
  }

  addComment(repo: string, issue: number, body: string, login: string, byApp = false): void {
    this.comments.push({
      id: this.nextId++,
      repo,
      issue,
      body,
      user: { login, type: byApp ? "Bot" : "User" },
      performed_via_github_app: byApp ? { id: this.appId } : null,
      created_at: "2026-11-28T12:00:00Z",
    });
  }

  /** Whether a request is one that hangs (recorded, never answered). */
  hangsOn(method: string, rawPath: string): boolean {
    const url = new URL(rawPath, "http://github.test");
    const line = `${method} ${url.pathname}${url.search}`;
    const index = this.hangs.findIndex((pattern) => pattern.test(line));
    if (index < 0) return false;
    this.hangs.splice(index, 1);
    this.requests.push({ method, path: url.pathname + url.search, body: undefined, at: Date.now() });
    return true;
  }

  /** Recorded requests as `METHOD path` lines, for exact assertions. */
  get log(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }

  /** Handle one request. `path` has no API prefix and no host: `/repos/o/r/...?query`. */
  handle(method: string, rawPath: string, body: unknown): Reply {
    const url = new URL(rawPath, "http://github.test");
    const path = url.pathname;
    this.requests.push({ method, path: path + url.search, body, at: Date.now() });
    for (const failure of this.failures) {
      if (failure.method === method && failure.pattern.test(path + url.search)) {
        return { status: failure.status, body: { message: "Server Error" } };
      }
    }
    let m: RegExpExecArray | null;
    if (method === "POST" && (m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path))) {
      return { status: 201, body: { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} } };
    }
    if (method === "GET" && path === "/app") return { status: 200, body: { id: this.appId, slug: "no-patch" } };
    if (method === "POST" && path === "/graphql") return this.graphql(body as { query: string; variables: Record<string, string> });
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/(.*)$/.exec(path))) {
      return this.repoRoute(method, `${m[1]}/${m[2]}`, m[3]!, url.searchParams, body as Record<string, unknown>);
    }
    return { status: 404, body: { message: "Not Found" } };
  }

  private graphql(body: { query: string; variables: Record<string, string> }): Reply {
    if (this.failGraphql) return { status: 500, body: { message: "Server Error" } };
    const commit = body.variables.commit ?? "";
    const files = this.commits.get(commit);
    const object: Record<string, unknown> = {};
    for (const [name, path] of Object.entries(body.variables)) {
      const index = /^p(\d+)$/.exec(name)?.[1];
      if (index === undefined) continue;
      const text = files?.[path];
      const truncated = text !== undefined && text.length > this.graphqlTextLimit;
      const blob =
        text === undefined
          ? null
          : {
              oid: blobId(text),
              byteSize: Buffer.byteLength(text),
              isBinary: text.includes("\u0000"),
              isTruncated: truncated,
              text: truncated ? text.slice(0, this.graphqlTextLimit) : text,
            };
      // Commit.file: a tree entry with git's mode (0o120000 for a link, whose blob text is the target path).
      object[`f${index}`] = blob === null ? null : { mode: this.symlinks.has(`${commit}:${path}`) ? 0o120000 : 0o100644, object: blob };
    }
    return { status: 200, body: { data: { repository: { object: files ? object : null } } } };
  }

  private pullJson(repo: string, pull: Pull) {
    const [owner, name] = repo.split("/");
    const changed = this.changedFiles(pull).length;
    return {
      number: pull.number,
      state: "open",
      head: { sha: pull.head, ref: "feature", repo: { name, owner: { login: owner } } },
      base: { sha: pull.base, ref: pull.baseRef, repo: { name, owner: { login: owner }, html_url: `https://github.com/${repo}` } },
      changed_files: changed,
    };
  }

  private changedFiles(pull: Pull) {
    const base = this.commits.get(pull.base) ?? {};
    const head = this.commits.get(pull.head) ?? {};
    const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])].sort();
    const files = [];
    for (const path of paths) {
      const before = base[path];
      const after = head[path];
      if (before === after) continue;
      const status = before === undefined ? "added" : after === undefined ? "removed" : "modified";
      files.push({ sha: "0".repeat(40), filename: path, status, patch: githubPatch(before ?? "", after ?? "") });
    }
    return files;
  }

  private repoRoute(method: string, repo: string, rest: string, query: URLSearchParams, body: Record<string, unknown>): Reply {
    let m: RegExpExecArray | null;
    if (method === "GET" && (m = /^contents\/(.+)$/.exec(rest))) {
      const ref = query.get("ref");
      const pathInRepo = decodeURIComponent(m[1]!);
      const files = ref ? this.commitForRef(repo, ref) : this.commitForRef(repo, "main");
      const text = files?.[pathInRepo];
      if (text === undefined) return { status: 404, body: { message: "Not Found" } };
      return { status: 200, body: { type: "file", encoding: "base64", content: Buffer.from(text).toString("base64"), path: pathInRepo } };
    }
    if ((m = /^pulls\/(\d+)(\/files)?$/.exec(rest))) {
      const pull = this.pulls.get(`${repo}#${m[1]}`);
      if (!pull) return { status: 404, body: { message: "Not Found" } };
      if (!m[2]) return { status: 200, body: this.pullJson(repo, pull) };
      const perPage = Number(query.get("per_page") ?? 30);
      const page = Number(query.get("page") ?? 1);
      return { status: 200, body: this.changedFiles(pull).slice((page - 1) * perPage, page * perPage) };
    }
    if (method === "GET" && (m = /^compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/.exec(rest))) {
      return { status: 200, body: { files: this.changedFiles({ number: 0, base: m[1]!, head: m[2]!, baseRef: "main" }) } };
    }
    if (method === "GET" && (m = /^git\/blobs\/([0-9a-f]+)$/.exec(rest))) {
      for (const files of this.commits.values()) {
        for (const text of Object.values(files)) if (blobId(text) === m[1]) return { status: 200, body: text };
      }
      return { status: 404, body: { message: "Not Found" } };
    }
    if (method === "GET" && rest === "commits") {
      const sha = query.get("sha") ?? "";
      const path = query.get("path") ?? "";
      return { status: 200, body: this.commitsTouching(sha, path, Number(query.get("per_page") ?? 30)) };
    }
    if (method === "GET" && (m = /^commits\/([0-9a-f]+)\/pulls$/.exec(rest))) {
      const sha = m[1];
      return {
        status: 200,
        body: [...this.pulls.entries()]
          .filter(([k, p]) => k.startsWith(repo + "#") && p.head === sha)
          .map(([, p]) => this.pullJson(repo, p)),
      };
    }
    if (method === "POST" && rest === "check-runs") {
      const run = {
        id: this.nextId++,
        repo,
        head_sha: String(body.head_sha),
        // The fake's clock, not the app's: tests place a run before or after a comment.
        started_at: this.clock,
        name: String(body.name),
        status: String(body.status ?? "queued"),
        conclusion: null,
        output: (body.output ?? {}) as Record<string, unknown>,
        annotations: [] as unknown[],
      };
      this.checkRuns.push(run);
      return { status: 201, body: { id: run.id, html_url: `https://github.test/${repo}/runs/${run.id}`, head_sha: run.head_sha } };
    }
    if (method === "GET" && (m = /^commits\/([0-9a-f]+)\/check-runs$/.exec(rest))) {
      const name = query.get("check_name");
      const list = this.checkRuns.filter((r) => r.repo === repo && r.head_sha === m![1] && (!name || r.name === name));
      return {
        status: 200,
        body: {
          total_count: list.length,
          check_runs: list.map((r) => ({ id: r.id, name: r.name, head_sha: r.head_sha, status: r.status, started_at: r.started_at })),
        },
      };
    }
    if (method === "PATCH" && (m = /^check-runs\/(\d+)$/.exec(rest))) {
      const run = this.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return { status: 404, body: { message: "Not Found" } };
      if (body.status) run.status = String(body.status);
      if (body.conclusion) run.conclusion = String(body.conclusion);
      const output = (body.output ?? {}) as Record<string, unknown>;
      if (Array.isArray(output.annotations)) run.annotations.push(...output.annotations);
      run.output = { ...run.output, ...output };
      return { status: 200, body: { id: run.id } };
    }
    if ((m = /^issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1]);
      if (method === "GET") {
        const perPage = Number(query.get("per_page") ?? 30);
        const page = Number(query.get("page") ?? 1);
        return {
          status: 200,
          body: this.comments.filter((c) => c.repo === repo && c.issue === issue).slice((page - 1) * perPage, page * perPage),
        };
      }
      this.addComment(repo, issue, String(body.body), "no-patch[bot]", true);
      return { status: 201, body: this.comments.at(-1) };
    }
    if (method === "PATCH" && (m = /^issues\/comments\/(\d+)$/.exec(rest))) {
      const comment = this.comments.find((c) => c.id === Number(m![1]));
      if (!comment) return { status: 404, body: { message: "Not Found" } };
      comment.body = String(body.body);
      return { status: 200, body: comment };
    }
    if (method === "GET" && (m = /^collaborators\/([^/]+)\/permission$/.exec(rest))) {
      const role = this.permissions.get(m[1]!) ?? "read";
      const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
      return { status: 200, body: { permission, role_name: role, user: { login: m[1] } } };
    }
    return { status: 404, body: { message: `Not Found: ${method} ${rest}` } };
  }

  private commitForRef(repo: string, ref: string): Files | undefined {
    if (this.commits.has(ref)) return this.commits.get(ref);
    // A branch name: the base commit of any pull request on that branch.
    for (const [key, pull] of this.pulls) if (key.startsWith(repo + "#") && pull.baseRef === ref) return this.commits.get(pull.base);
    return undefined;
  }
}
