/**
 * The no-patch GitHub App (Probot): a required `no-patch` check on every pull request.
 * A thin layer: events become targets, `runCheck` fetches, calls the core and reports.
 */
import type { ApplicationFunction, ApplicationFunctionOptions, Context, Probot } from "probot";
import { version } from "../version.js";
import { parseConfig, type Config } from "../core/config.js";
import { inline } from "../report/markdown.js";
import { limitsFrom, type RunLimits } from "./bounds.js";
import { hasAtLeast, parseCommands, permissionOf, unmatchedReply, type CommandSpec } from "./commands.js";
import { CHECK_NAME, failCheckRun } from "./check-run.js";
import { loadPolicy, type Octokit, type Repo } from "./github.js";
import { bounded } from "./log.js";
import { inProcessChecks, redisChecks, type CheckJob, type CheckRunner, type Checks, type QueueOptions } from "./queue.js";
import { runCheck, type Grant, type RunResult, type Target } from "./run.js";

export interface AppOptions {
  /** This app's id, to recognise its own comments; default: APP_ID, else asked of GitHub. */
  appId?: number;
  /** Key that signs the exceptions stored in the comment; default: NO_PATCH_STATE_KEY, else WEBHOOK_SECRET. */
  stateKey?: string;
  /** Request timeout and run deadline; default: NO_PATCH_REQUEST_TIMEOUT_MS, NO_PATCH_RUN_DEADLINE_MS, else 30 s and 180 s. */
  limits?: Partial<RunLimits>;
  /**
   * A Redis URL: checks go through a durable queue shared by every replica (default REDIS_URL);
   * without one they run in this process.
   */
  redisUrl?: string | null;
  /** Scheduling bounds (default from NO_PATCH_PER_INSTALLATION, NO_PATCH_JOB_LOCK_MS, NO_PATCH_CONCURRENCY). */
  queue?: QueueOptions;
  /**
   * Without Redis: a file recording the check runs in progress, so a restarted process concludes
   * what a crashed one left (default NO_PATCH_JOURNAL; the server sets one in the temp folder).
   */
  journal?: string | null;
  /** Told the scheduler once it exists (tests close it; the server closes it on shutdown). */
  onChecks?: (checks: Checks) => void;
}

const positive = (value: string | undefined): number | undefined => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

/** Scheduling bounds from the environment. */
export const queueOptionsFrom = (env: NodeJS.ProcessEnv): QueueOptions => ({
  perInstallation: positive(env.NO_PATCH_PER_INSTALLATION),
  lockMs: positive(env.NO_PATCH_JOB_LOCK_MS),
  concurrency: positive(env.NO_PATCH_CONCURRENCY),
});

interface RepositoryPayload {
  repository: { owner: { login: string }; name: string; html_url?: string };
}

const repoOf = (payload: RepositoryPayload): Repo => ({
  owner: payload.repository.owner.login,
  repo: payload.repository.name,
});

const urlOf = (payload: RepositoryPayload): string | null => payload.repository.html_url ?? null;

const branch = (ref: string): string => ref.replace(/^refs\/heads\//, "");

/** Where the server says it is alive. */
export const HEALTH_PATH = "/healthz";

/** Lines echoed back, each cut to this length: a reply stays far below GitHub's comment limit. */
const ECHOED_LINES = 10;
const ECHOED_LENGTH = 200;

/**
 * The reply to lines that fit no command. The user's text is made inert (escaped, never in a
 * code span that could close early) and bounded: a comment of 600 invalid lines gets one short
 * reply, and nothing a user writes can stand in the app's words as markup or a state block.
 */
export function notUnderstood(who: string, lines: ReadonlyArray<{ text: string; problem: string }>): string {
  const shown = lines.slice(0, ECHOED_LINES).map((c) => {
    const text = c.text.length > ECHOED_LENGTH ? `${c.text.slice(0, ECHOED_LENGTH)}…` : c.text;
    return `@${who}: "${inline(text)}" was not understood: ${c.problem}.`;
  });
  if (lines.length > ECHOED_LINES) shown.push(`@${who}: ${lines.length - ECHOED_LINES} more lines were not understood either.`);
  return shown.join("\n");
}

export function noPatchApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot, server?: ApplicationFunctionOptions) => {
    // A health endpoint for container platforms (the Dockerfile's HEALTHCHECK). Probot offers a
    // handler only when it runs a server; loaded without one (tests), there is nothing to add.
    try {
      server?.addHandler?.((req, res) => {
        if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== HEALTH_PATH) return false;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: "ok", version: version() }));
        return true;
      });
    } catch (error) {
      if (!(error instanceof Error && /no server/i.test(error.message))) throw error;
    }
    /** Every handler runs once per delivery (across replicas when they share Redis). */
    const once =
      <C extends Context>(handler: (context: C) => Promise<void>) =>
      async (context: C): Promise<void> => {
        if (!(await checks.claim(context.id))) {
          context.log.info({ delivery: context.id }, "delivery already handled");
          return;
        }
        let succeeded = false;
        try {
          await handler(context);
          succeeded = true;
        } catch (error) {
          // Probot logs what a handler throws: a GitHub error carries the request it failed on
          // (a comment's text, a check run's output). Only a bounded message goes on.
          throw new Error(bounded(error instanceof Error ? error.message : error));
        } finally {
          await checks.release(context.id, succeeded);
        }
      };
    let appIdPromise: Promise<number> | undefined;
    const appId = (): Promise<number> => {
      if (options.appId) return Promise.resolve(options.appId);
      if (process.env.APP_ID) return Promise.resolve(Number(process.env.APP_ID));
      appIdPromise ??= app.auth().then(async (octokit) => (await octokit.rest.apps.getAuthenticated()).data!.id);
      return appIdPromise;
    };

    const stateKey = options.stateKey ?? process.env.NO_PATCH_STATE_KEY ?? process.env.WEBHOOK_SECRET ?? null;

    /** Run one check: in process with the event's client, or queued with a client of its installation. */
    const runner: CheckRunner = async (job, superseded, onCheckRun, local) => {
      const lent = local as { octokit: Octokit; log: Context["log"] } | null;
      const octokit = lent?.octokit ?? ((await app.auth(job.installation ?? undefined)) as unknown as Octokit);
      const log = (lent?.log ?? app.log).child({
        delivery: job.delivery,
        repository: `${job.target.repo.owner}/${job.target.repo.repo}`,
        pr: job.target.pull?.number ?? job.target.exceptionsFrom,
        sha: job.target.headSha,
      });
      const result = await runCheck(
        {
          octokit,
          log,
          appId: await appId(),
          stateKey,
          installation: job.installation,
          limits: limitsFrom(process.env, options.limits),
          superseded,
          resume: job.checkRun,
          onCheckRun,
        },
        job.target,
        job.grants,
      );
      if (job.replyTo && result.unmatched.length) {
        await octokit.rest.issues.createComment({
          ...job.target.repo,
          issue_number: job.replyTo.issue,
          body: unmatchedReply(job.replyTo.who, job.replyTo.headSha, result.unmatched),
        });
      }
      return result;
    };
    const redisUrl = options.redisUrl === undefined ? process.env.REDIS_URL || null : options.redisUrl;
    const queueOptions = { ...queueOptionsFrom(process.env), ...options.queue };
    /** A queued job that gave up for good concludes the check run it left in progress. */
    const onAbandoned = async (job: CheckJob, reason: string): Promise<void> => {
      if (!job.checkRun) return;
      const octokit = (await app.auth(job.installation ?? undefined)) as unknown as Octokit;
      await failCheckRun(octokit, job.target.repo, job.checkRun.id, `no-patch could not finish this run: ${bounded(reason)}.`);
    };
    const checks: Checks = redisUrl
      ? redisChecks(redisUrl, runner, app.log, { ...queueOptions, onAbandoned })
      : inProcessChecks(runner, { ...queueOptions, onAbandoned, journal: options.journal ?? process.env.NO_PATCH_JOURNAL ?? null });
    options.onChecks?.(checks);

    const check = async (
      context: Context,
      target: Target,
      grants: Grant[] = [],
      replyTo: CheckJob["replyTo"] = null,
    ): Promise<RunResult | null> => {
      const job: CheckJob = {
        installation: (context.payload as { installation?: { id: number } }).installation?.id ?? null,
        delivery: context.id,
        key: `${target.repo.owner}/${target.repo.repo}#${target.pull?.number ?? target.headSha}`,
        target,
        grants,
        replyTo,
        checkRun: null,
      };
      return checks.submit(job, { octokit: context.octokit as Octokit, log: context.log });
    };

    const pullTarget = (
      repo: Repo,
      repositoryUrl: string | null,
      pull: { number: number; changed_files?: number; head: { sha: string }; base: { sha: string; ref: string } },
    ): Target => ({
      repo,
      repositoryUrl,
      headSha: pull.head.sha,
      baseSha: pull.base.sha,
      baseRef: pull.base.ref,
      pull: { number: pull.number, changedFiles: pull.changed_files ?? 1 },
      exceptionsFrom: pull.number,
    });

    /** Re-run for a commit: its pull requests, looked up when the event names none (forks). */
    const rerun = async (
      context: Context,
      repo: Repo,
      repositoryUrl: string | null,
      headSha: string,
      listed: Array<{ number: number }>,
      externalId: string | null = null,
    ) => {
      const octokit = context.octokit as Octokit;
      let numbers = listed.map((p) => p.number);
      // A fork's commit: the event names no pull request, but the run recorded its own.
      if (numbers.length === 0 && externalId && /^\d+$/.test(externalId)) numbers = [Number(externalId)];
      if (numbers.length === 0) {
        const found = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: headSha });
        numbers = found.data.filter((p) => p.state === "open").map((p) => p.number);
      }
      if (numbers.length === 0) {
        context.log.info({ sha: headSha }, "re-run requested for a commit with no open pull request");
        return;
      }
      for (const number of numbers) {
        const pull = (await octokit.rest.pulls.get({ ...repo, pull_number: number })).data;
        if (pull.head.sha !== headSha) continue; // the pull request moved on; its newer head has its own run
        await check(context, pullTarget(repo, repositoryUrl, pull));
      }
    };

    app.on(
      ["pull_request.opened", "pull_request.reopened", "pull_request.synchronize", "pull_request.ready_for_review"],
      once(async (context) => {
        await check(context, pullTarget(repoOf(context.payload), urlOf(context.payload), context.payload.pull_request));
      }),
    );

    app.on(
      "check_run.rerequested",
      once(async (context) => {
        const run = context.payload.check_run;
        if (run.name !== CHECK_NAME) return;
        await rerun(context, repoOf(context.payload), urlOf(context.payload), run.head_sha, run.pull_requests, run.external_id ?? null);
      }),
    );

    app.on(
      "check_suite.rerequested",
      once(async (context) => {
        const suite = context.payload.check_suite;
        await rerun(context, repoOf(context.payload), urlOf(context.payload), suite.head_sha, suite.pull_requests);
      }),
    );

    app.on(
      "merge_group.checks_requested",
      once(async (context) => {
        const group = context.payload.merge_group;
        if (!context.payload.repository) return;
        // gh-readonly-queue/<base>/pr-<number>-<sha>: the pull request whose exceptions apply.
        const number = /\/pr-(\d+)-[0-9a-f]+$/.exec(group.head_ref)?.[1];
        await check(context, {
          repo: repoOf({ repository: context.payload.repository }),
          repositoryUrl: urlOf({ repository: context.payload.repository }),
          headSha: group.head_sha,
          baseSha: group.base_sha,
          baseRef: branch(group.base_ref),
          pull: null,
          exceptionsFrom: number ? Number(number) : null,
        });
      }),
    );

    app.on(
      "issue_comment.created",
      once(async (context) => {
        const { issue, comment } = context.payload;
        if (!issue.pull_request || !comment.user || comment.user.type === "Bot") return;
        const commands = parseCommands(comment.body);
        if (commands.length === 0) return;
        const octokit = context.octokit as Octokit;
        const repo = repoOf(context.payload);
        const who = comment.user.login;
        const reply = async (body: string): Promise<void> => {
          await octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body });
        };

        const invalid = commands.flatMap((c) => (c.spec === null ? [c] : []));
        if (invalid.length) await reply(notUnderstood(who, invalid));

        // Every use of a command, grouped by command in the table's order.
        const uses = new Map<CommandSpec<unknown>, unknown[]>();
        for (const c of commands) if (c.spec !== null) uses.set(c.spec, [...(uses.get(c.spec) ?? []), c.args]);
        if (uses.size === 0) return;
        const pull = (await octokit.rest.pulls.get({ ...repo, pull_number: issue.number })).data;
        let config: Config | undefined;
        let checked = false;
        const context_ = {
          who,
          at: comment.created_at ?? new Date().toISOString(),
          headSha: pull.head.sha,
          headSeenAt: async () => {
            const { data } = await octokit.rest.checks.listForRef({ ...repo, ref: pull.head.sha, check_name: CHECK_NAME, filter: "all" });
            const ownId = await appId();
            // Another app's check of the same name says nothing of when this one saw the head.
            const mine = data.check_runs.filter((r) => !r.app || r.app.id === ownId);
            const starts = mine
              .map((r) => r.started_at)
              .filter((t): t is string => typeof t === "string")
              .sort();
            return starts[0] ?? null;
          },
          reply,
          check: (grants: Grant[] = []) => {
            checked = true;
            const replyTo = grants.length ? { issue: issue.number, who, headSha: pull.head.sha } : null;
            return check(context, pullTarget(repo, urlOf(context.payload), pull), grants, replyTo);
          },
        };
        for (const [spec, args] of uses) {
          if (spec.name === "recheck" && checked) continue; // the comment's other command already ran the check
          if (spec.permission) {
            config ??= (await loadPolicy(octokit, repo, pull.base.ref).catch(() => ({ config: parseConfig("") }))).config;
            const rule = spec.permission(config);
            if ("refused" in rule) {
              await reply(`@${who}: ${rule.refused}`);
              continue;
            }
            const actual = await permissionOf(octokit, repo, who);
            if (!hasAtLeast(actual, rule.needed)) {
              await reply(
                `@${who}: \`/no-patch ${spec.name}\` needs **${rule.needed}** permission on this repository, and you have **${actual}**. Nothing was changed; ask a maintainer to review the constant.`,
              );
              continue;
            }
          }
          await spec.run(context_, args);
        }
      }),
    );
  };
}

export default noPatchApp();
