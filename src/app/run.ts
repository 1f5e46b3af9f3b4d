/**
 * One run of the `no-patch` check: fetch, call the core, report. Any error concludes the
 * run as a failure that says what went wrong (fail closed); a run is never left in progress.
 */
import type { Logger } from "probot";
import { analyze, withOverrides, type Analysis } from "../core/analyze.js";
import { ConfigError, type Config } from "../core/config.js";
import type { Finding, Override } from "../core/findings.js";
import { renderCheckRun, renderComment, type Links } from "../report/index.js";
import {
  boundedClient,
  DeadlinePassed,
  DEFAULT_LIMITS,
  GitHubTimeout,
  Interrupted,
  Superseded,
  withinDeadline,
  type RunLimits,
} from "./bounds.js";
import { cancelCheckRun, completeCheckRun, failCheckRun, startCheckRun } from "./check-run.js";
import { EXCEPTION_HELP } from "./commands.js";
import {
  commentBody,
  emptyState,
  findOwnComment,
  listComments,
  readState,
  shouldWriteComment,
  writeComment,
  type IssueComment,
} from "./comment.js";
import { readChange, readHistories, type Octokit, type Repo } from "./github.js";

export interface Target {
  repo: Repo;
  /** The repository's web address (`html_url`), for links to lines; null when unknown. */
  repositoryUrl: string | null;
  headSha: string;
  baseSha: string;
  /** Branch whose policy judges the change. */
  baseRef: string;
  /** The pull request; null for a merge queue group (no comment is written). */
  pull: { number: number; changedFiles: number } | null;
  /** Pull request whose recorded exceptions apply (the pull itself, or a merge group's). */
  exceptionsFrom: number | null;
}

/** An exception being granted by a command: resolved against this run's findings. */
export interface Grant {
  path: string;
  line: number;
  column: number | null;
  reason: string;
  by: string;
  at: string;
}

export interface RunDeps {
  octokit: Octokit;
  log: Logger;
  appId: number;
  /** Signs the exceptions stored in the comment; null leaves them unsigned. */
  stateKey: string | null;
  /** The installation the event came from: the state's signature is bound to it. */
  installation: number | null;
  /** Timeouts for requests and the run (default DEFAULT_LIMITS). */
  limits?: RunLimits;
  /** Aborted, with the newer head as its reason, when a newer push of the pull request takes over. */
  superseded?: AbortSignal;
  /**
   * A check run an earlier attempt of this job created and could not conclude (its process
   * died): this run concludes that one instead of creating another, so none stays in progress.
   */
  resume?: { id: number; url: string | null } | null;
  /** Told the check run's id as soon as it exists, so a later attempt can resume it. */
  onCheckRun?: (check: { id: number; url: string | null }) => Promise<void>;
}

export interface RunResult {
  conclusion: "success" | "failure" | "neutral" | "cancelled";
  analysis: Analysis | null;
  /** Grants that matched no blocking finding. */
  unmatched: Grant[];
  error: string | null;
}

function describeError(error: unknown): string {
  if (error instanceof DeadlinePassed || error instanceof GitHubTimeout || error instanceof Interrupted)
    return `no-patch stopped: ${error.message}.`;
  if (error instanceof ConfigError) {
    return `The policy is invalid (${error.source}):\n\n${error.problems.map((p) => `- ${p}`).join("\n")}\n\nFix the file on the base branch; every key is described in no-patch's docs/configuration.md.`;
  }
  const status = typeof error === "object" && error && "status" in error ? ` (HTTP ${(error as { status: unknown }).status})` : "";
  const message = error instanceof Error ? error.message : String(error);
  return `GitHub could not be read${status}: ${message.split("\n")[0]}`;
}

function resolveGrants(analysis: Analysis, grants: Grant[]): { overrides: Override[]; unmatched: Grant[] } {
  const overrides: Override[] = [];
  const unmatched: Grant[] = [];
  for (const grant of grants) {
    const hits = analysis.findings.filter(
      (f) => f.blocking && f.path === grant.path && f.line === grant.line && (grant.column === null || f.column === grant.column),
    );
    if (hits.length === 0) unmatched.push(grant);
    for (const f of hits) {
      overrides.push({ path: f.path, literal: f.literal, shape: f.shape, line: f.line, by: grant.by, at: grant.at, reason: grant.reason });
    }
  }
  return { overrides, unmatched };
}

const usedBy = (findings: Finding[]) => (o: Override) =>
  findings.some(
    (f) => f.status === "overridden" && f.path === o.path && f.literal === o.literal && f.override?.at === o.at && f.override.by === o.by,
  );

export async function runCheck(deps: RunDeps, target: Target, grants: Grant[] = []): Promise<RunResult> {
  const { log } = deps;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const bounded = boundedClient(deps.octokit, limits.requestTimeoutMs);
  const octokit = bounded.octokit;
  const repo = target.repo;
  const started = Date.now();
  const check = deps.resume ?? (await startCheckRun(octokit, repo, target.headSha, target.pull?.number ?? target.exceptionsFrom));
  try {
    if (!deps.resume) await deps.onCheckRun?.(check);
    return await withinDeadline(work(), limits.deadlineMs, bounded, deps.superseded);
  } catch (error) {
    if (error instanceof Superseded) {
      log.info({ newer: error.newerSha }, "superseded by a newer push");
      await cancelCheckRun(octokit, repo, check.id, error.newerSha).catch((reportError: unknown) =>
        log.error({ err: String(reportError) }, "could not conclude the superseded check run"),
      );
      return { conclusion: "cancelled", analysis: null, unmatched: [], error: error.message };
    }
    const problem = describeError(error);
    log.error(
      {
        err:
          error instanceof Error
            ? { name: error.name, message: error.message, status: (error as { status?: number }).status }
            : String(error),
      },
      "no-patch check failed",
    );
    try {
      await failCheckRun(octokit, repo, check.id, problem);
    } catch (reportError) {
      log.error({ err: String(reportError) }, "could not conclude the failed check run");
    }
    return { conclusion: "failure", analysis: null, unmatched: [], error: problem };
  }

  async function work(): Promise<RunResult> {
    const [change, comments] = await Promise.all([
      readChange(octokit, target),
      target.exceptionsFrom !== null ? listComments(octokit, repo, target.exceptionsFrom) : Promise.resolve([] as IssueComment[]),
    ]);
    const { policy, gitattributes, changes, unlisted } = change;
    const config: Config = policy.config;
    const own = findOwnComment(comments, deps.appId);
    const scope = { installation: deps.installation, repository: `${repo.owner}/${repo.repo}`, pull: target.exceptionsFrom ?? 0 };
    const state = own ? readState(own.body ?? "", deps.stateKey, scope) : emptyState();
    let analysis = await analyze(changes, config, { unlisted, gitattributes });
    analysis = await readHistories(octokit, repo, target.headSha, analysis, changes, config);

    const granted = resolveGrants(analysis, config.overrides.enabled ? grants : []);
    const candidates = [...state.overrides, ...granted.overrides];
    analysis = withOverrides(analysis, config.overrides.enabled ? candidates : [], config);
    const newState = { overrides: candidates.filter(usedBy(analysis.findings)), headSha: target.headSha };

    const links: Links | null = target.repositoryUrl ? { repository: target.repositoryUrl, sha: target.headSha } : null;
    const exceptionHelp = config.overrides.enabled && target.pull ? EXCEPTION_HELP : null;
    const output = renderCheckRun({ analysis, policySource: policy.source, links, exceptionHelp });
    const requests = await completeCheckRun(octokit, repo, check.id, analysis.conclusion, output);

    if (target.pull && shouldWriteComment(config, analysis, own, newState.overrides.length > 0 || state.overrides.length > 0)) {
      // A run for an older head never overwrites the report of a newer one.
      const current = await octokit.rest.pulls.get({ ...repo, pull_number: target.pull.number });
      if (current.data.head.sha === target.headSha) {
        const report = renderComment({
          analysis,
          headSha: target.headSha,
          links,
          checkUrl: check.url,
          exceptions: newState.overrides,
          exceptionHelp,
        });
        await writeComment(octokit, repo, target.pull.number, own, commentBody(report, newState, deps.stateKey, scope));
      } else {
        log.info({ current: current.data.head.sha }, "head moved on; the newer run writes the comment");
      }
    }
    log.info(
      {
        conclusion: analysis.conclusion,
        blocking: analysis.counts.blocking,
        files: changes.length,
        updates: requests,
        ms: Date.now() - started,
      },
      "no-patch check completed",
    );
    return { conclusion: analysis.conclusion, analysis, unmatched: granted.unmatched, error: null };
  }
}
