/**
 * The no-patch GitHub App (Probot): a required `no-patch` check on every pull request.
 * A thin layer: events become targets, `runCheck` fetches, calls the core and reports.
 */
import type { ApplicationFunction, ApplicationFunctionOptions, Context, Probot } from "probot";
import { version } from "../version.js";
import { parseConfig, type Config } from "../core/config.js";
import { inline } from "../report/markdown.js";
import { limitsFrom, type RunLimits } from "./bounds.js";
import { hasAtLeast, parseCommands, permissionOf, type CommandSpec } from "./commands.js";
import { loadPolicy, type Octokit, type Repo } from "./github.js";
import { bounded } from "./log.js";
import { runCheck, type Grant, type RunResult, type Target } from "./run.js";

export interface AppOptions {
  /** This app's id, to recognise its own comments; default: APP_ID, else asked of GitHub. */
  appId?: number;
  /** Key that signs the exceptions stored in the comment; default: NO_PATCH_STATE_KEY, else WEBHOOK_SECRET. */
  stateKey?: string;
  /** Request timeout and run deadline; default: NO_PATCH_REQUEST_TIMEOUT_MS, NO_PATCH_RUN_DEADLINE_MS, else 30 s and 180 s. */
  limits?: Partial<RunLimits>;
}

/** Runs for the same pull request one after another, so redeliveries never race. */
class Serial {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(job);
    this.tails.set(key, next);
    // Cleanup on either outcome; the run's own rejection reaches its caller through `next`.
    const cleanup = () => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    };
    next.then(cleanup, cleanup);
    return next;
  }
}

interface RepositoryPayload {
  repository: { owner: { login: string }; name: string; html_url?: string };
}

const repoOf = (payload: RepositoryPayload): Repo => ({
  owner: payload.repository.owner.login,
  repo: payload.repository.name,
});

const urlOf = (payload: RepositoryPayload): string | null => payload.repository.html_url ?? null;

const branch = (ref: string): string => ref.replace(/^refs\/heads\//, "");

/**
 * Deliveries already handled (by X-GitHub-Delivery id): the same delivery is processed once. A
 * delivery is remembered only once it succeeded, so one whose run failed can be redelivered; an
 * hour of ids at most, in this process (across replicas it takes the shared queue, issue 11).
 */
class Deliveries {
  private readonly done = new Map<string, number>();
  private readonly running = new Set<string>();
  private static readonly KEEP_MS = 3_600_000;
  private static readonly MAX = 20_000;

  /** Whether to handle this delivery now (false: handled already, or being handled). */
  begin(id: string): boolean {
    const now = Date.now();
    const at = this.done.get(id);
    if ((at !== undefined && now - at < Deliveries.KEEP_MS) || this.running.has(id)) return false;
    this.running.add(id);
    return true;
  }

  end(id: string, succeeded: boolean): void {
    this.running.delete(id);
    if (!succeeded) return;
    if (this.done.size >= Deliveries.MAX) this.done.delete(this.done.keys().next().value!);
    this.done.set(id, Date.now());
  }
}

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
    const serial = new Serial();
    /** The newest head asked for, and the run in progress, by pull request. */
    const latest = new Map<string, string>();
    const running = new Map<string, { headSha: string; controller: AbortController }>();
    const deliveries = new Deliveries();
    /** Every handler runs once per delivery. */
    const once =
      <C extends Context>(handler: (context: C) => Promise<void>) =>
      async (context: C): Promise<void> => {
        if (!deliveries.begin(context.id)) {
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
          deliveries.end(context.id, succeeded);
        }
      };
    let appIdPromise: Promise<number> | undefined;
    const appId = (): Promise<number> => {
      if (options.appId) return Promise.resolve(options.appId);
      if (process.env.APP_ID) return Promise.resolve(Number(process.env.APP_ID));
      appIdPromise ??= app.auth().then(async (octokit) => (await octokit.rest.apps.getAuthenticated()).data!.id);
      return appIdPromise;
    };

    const check = async (context: Context, target: Target, grants: Grant[] = []) => {
      const log = context.log.child({
        delivery: context.id,
        repository: `${target.repo.owner}/${target.repo.repo}`,
        pr: target.pull?.number ?? target.exceptionsFrom,
        sha: target.headSha,
      });
      const key = `${target.repo.owner}/${target.repo.repo}#${target.pull?.number ?? target.headSha}`;
      const stateKey = options.stateKey ?? process.env.NO_PATCH_STATE_KEY ?? process.env.WEBHOOK_SECRET ?? null;
      // A newer head takes over: the run for an older head is abandoned (or, still queued, skipped).
      latest.set(key, target.headSha);
      const current = running.get(key);
      if (current && current.headSha !== target.headSha) current.controller.abort(target.headSha);
      return serial.run(key, async (): Promise<RunResult> => {
        const newest = latest.get(key);
        if (newest !== undefined && newest !== target.headSha) {
          log.info({ newer: latest.get(key) }, "a newer push came first; this run is skipped");
          return { conclusion: "cancelled", analysis: null, unmatched: [], error: "superseded" };
        }
        const mine = { headSha: target.headSha, controller: new AbortController() };
        running.set(key, mine);
        try {
          return await runCheck(
            {
              octokit: context.octokit as Octokit,
              log,
              appId: await appId(),
              stateKey,
              installation: (context.payload as { installation?: { id: number } }).installation?.id ?? null,
              limits: limitsFrom(process.env, options.limits),
              superseded: mine.controller.signal,
            },
            target,
            grants,
          );
        } finally {
          if (running.get(key) === mine) running.delete(key);
          if (latest.get(key) === target.headSha) latest.delete(key);
        }
      });
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
        if (run.name !== "no-patch") return;
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
          reply,
          check: (grants: Grant[] = []) => {
            checked = true;
            return check(context, pullTarget(repo, urlOf(context.payload), pull), grants);
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
