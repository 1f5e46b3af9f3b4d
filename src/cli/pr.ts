/**
 * `no-patch pr OWNER/REPO#N` (or a pull request's URL): a dry run on a live pull request. It
 * reads the pull request through GitHub's API with the App's own reader (the base branch's
 * policy and `.gitattributes`, the files, their texts) and reports what the App would, writing
 * nothing to GitHub. Exceptions recorded by the App are not applied: they live in the App's
 * signed comment, which only the App can verify.
 */
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { analyze, type Analysis } from "../core/analyze.js";
import { version } from "../version.js";
import { readChange, readHistories } from "../app/github.js";
import type { Links } from "../report/markdown.js";
import { UsageError } from "./errors.js";

export interface PullRequestSpec {
  owner: string;
  repo: string;
  number: number;
  /** The API's address when the URL names a GitHub Enterprise host. */
  apiUrl?: string;
}

/** `owner/repo#12`, or `https://github.com/owner/repo/pull/12` (a GitHub Enterprise host too). */
export function parsePullRequest(spec: string): PullRequestSpec {
  const short = /^([\w.-]+)\/([\w.-]+)#(\d+)$/.exec(spec.trim());
  if (short) return { owner: short[1]!, repo: short[2]!, number: Number(short[3]) };
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new UsageError(`${JSON.stringify(spec)} names no pull request: write OWNER/REPO#NUMBER or the pull request's URL.`);
  }
  const path = /^\/([\w.-]+)\/([\w.-]+)\/pull\/(\d+)/.exec(url.pathname);
  if (!path || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new UsageError(`${spec} is not a pull request's URL (https://HOST/OWNER/REPO/pull/NUMBER).`);
  }
  const enterprise = url.hostname !== "github.com";
  return { owner: path[1]!, repo: path[2]!, number: Number(path[3]), ...(enterprise ? { apiUrl: `${url.origin}/api/v3` } : {}) };
}

const Client = Octokit.plugin(retry, throttling);

export interface PullRequestResult {
  analysis: Analysis;
  policySource: string;
  links: Links;
  sources: Map<string, string>;
}

/** Read a live pull request and analyse it as the App would. `env`: GITHUB_TOKEN, GITHUB_API_URL. */
export async function checkPullRequest(spec: string, env: NodeJS.ProcessEnv): Promise<PullRequestResult> {
  const target = parsePullRequest(spec);
  const octokit = new Client({
    auth: env.GITHUB_TOKEN || undefined,
    baseUrl: (env.GITHUB_API_URL || target.apiUrl || "https://api.github.com").replace(/\/$/, ""),
    userAgent: `no-patch/${version()}`,
    request: { retries: 2 },
    throttle: {
      // Wait out a rate limit twice at most; a dry run should say so rather than hang.
      onRateLimit: (_after: number, _options: object, _octokit: unknown, retryCount: number) => retryCount < 2,
      onSecondaryRateLimit: (_after: number, _options: object, _octokit: unknown, retryCount: number) => retryCount < 2,
    },
  });
  const repo = { owner: target.owner, repo: target.repo };
  let pull;
  try {
    pull = (await octokit.rest.pulls.get({ ...repo, pull_number: target.number })).data;
  } catch (error) {
    const status = (error as { status?: number }).status;
    const hint = status === 401 || status === 403 || status === 404 ? " (set GITHUB_TOKEN for a private repository)" : "";
    throw new UsageError(`cannot read ${target.owner}/${target.repo}#${target.number}: ${(error as Error).message}${hint}.`);
  }
  const { policy, gitattributes, changes, unlisted } = await readChange(octokit, {
    repo,
    headSha: pull.head.sha,
    baseSha: pull.base.sha,
    baseRef: pull.base.ref,
    pull: { number: pull.number, changedFiles: pull.changed_files },
  });
  const analysis = await readHistories(
    octokit,
    repo,
    pull.head.sha,
    await analyze(changes, policy.config, { unlisted, gitattributes }),
    changes,
    policy.config,
  );
  const sources = new Map(changes.flatMap((c) => (c.headText !== null ? [[c.path, c.headText] as const] : [])));
  return { analysis, policySource: policy.source, links: { repository: pull.base.repo.html_url, sha: pull.head.sha }, sources };
}
