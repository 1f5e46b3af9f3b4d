/**
 * Where checks run. Without REDIS_URL, in this process: one run at a time per pull request, a
 * newer head taking over from an older one, and a bound on concurrent runs per installation.
 * With REDIS_URL, through a durable BullMQ queue shared by every replica:
 *
 * - a webhook is acknowledged once its job is queued; any replica's worker runs it;
 * - a replica that dies mid-run loses its job lock, BullMQ hands the job to another worker, and
 *   that attempt concludes the check run the first one created (its id is kept in the job);
 * - one run at a time per pull request across replicas (a lock in Redis, renewed while the run
 *   lives, expiring with its process), and the newest head wins: a job for a head older than
 *   the newest queued one is skipped, and a running one is aborted through Redis pub/sub;
 * - deliveries are handled once across replicas (`SET NX` on the delivery id), and a job's id
 *   is its delivery, pull request and head, so a redelivery queues nothing twice;
 * - at most `perInstallation` runs of one installation at once, across replicas, so one slow
 *   repository cannot stall the others.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { DelayedError, Queue, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import type { Logger } from "probot";
import { Interrupted } from "./bounds.js";
import type { Grant, RunResult, Target } from "./run.js";

/** What a queued check needs to run anywhere: no client, no context, only data. */
export interface CheckJob {
  installation: number | null;
  delivery: string;
  /** The pull request (or commit) the run is for: `owner/repo#number`. */
  key: string;
  target: Target;
  grants: Grant[];
  /** Who to tell about grants that matched nothing (an `/no-patch allow`), when any. */
  replyTo: { issue: number; who: string; headSha: string } | null;
  /** The check run an earlier attempt created, to be concluded by this one. */
  checkRun: { id: number; url: string | null } | null;
}

/** What the event's own handler can lend a run in its process (its authenticated client, its log). */
export type Local = unknown;

/**
 * Runs one check; `superseded` aborts it when a newer head takes over. `local` is the
 * submitting handler's, in process; a queued job runs without one, anywhere.
 */
export type CheckRunner = (
  job: CheckJob,
  superseded: AbortSignal,
  onCheckRun: (check: { id: number; url: string | null }) => Promise<void>,
  local: Local | null,
) => Promise<RunResult>;

export interface Checks {
  /** Queue or run a check: resolves with its result in process, with null once queued in Redis. */
  submit(job: CheckJob, local?: Local): Promise<RunResult | null>;
  /** Whether a delivery is new (and now claimed); false when handled or being handled. */
  claim(delivery: string): Promise<boolean>;
  /** A delivery's handling ended; a failed one may be delivered again. */
  release(delivery: string, succeeded: boolean): Promise<void>;
  /** Stop taking work; runs in progress here are interrupted and concluded (a deploy, a restart). */
  close(): Promise<void>;
}

export interface QueueOptions {
  /** Most runs of one installation at once (default 4). */
  perInstallation?: number;
  /** How long a dead worker holds its job and its pull request before another takes them (ms, default 30 s). */
  lockMs?: number;
  /** Runs a process works on at once (Redis; default 8). */
  concurrency?: number;
  /** Key prefix in Redis (default `no-patch`). */
  prefix?: string;
  /**
   * A queued job gave up for good (every attempt failed, or its workers kept dying): conclude
   * the check run it created, so none stays in progress.
   */
  onAbandoned?: (job: CheckJob, reason: string) => Promise<void>;
}

/** How long a stopping replica lets its queued runs finish before it leaves them to the others. */
const CLOSE_GRACE_MS = 20_000;

const CANCELLED: RunResult = { conclusion: "cancelled", analysis: null, unmatched: [], error: "superseded" };

/** Each key's tasks in order, one at a time. */
class Serial {
  private readonly tails = new Map<string, Promise<unknown>>();
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}

/** At most `limit` holders per key; the others wait in order. */
class Slots {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  constructor(private readonly limit: number) {}
  async acquire(key: string): Promise<() => void> {
    if ((this.active.get(key) ?? 0) >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.set(key, [...(this.waiting.get(key) ?? []), resolve]));
    } else this.active.set(key, (this.active.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.get(key)?.shift();
      if (next)
        next(); // the slot passes straight on
      else this.active.set(key, (this.active.get(key) ?? 1) - 1);
    };
  }
}

/** Deliveries handled in this process: once each, for an hour. */
class Deliveries {
  private readonly done = new Map<string, number>();
  private readonly running = new Set<string>();
  private static readonly KEEP_MS = 3_600_000;
  private static readonly MAX = 20_000;
  begin(id: string): boolean {
    const at = this.done.get(id);
    if ((at !== undefined && Date.now() - at < Deliveries.KEEP_MS) || this.running.has(id)) return false;
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

/**
 * The check runs this process has in progress, kept in a file (`journal`): a process that
 * crashed leaves its entries, and the next one to start concludes them. Writes are atomic
 * (a temporary file renamed over the journal).
 */
class Journal {
  private readonly entries = new Map<number, CheckJob>();
  constructor(private readonly path: string | null) {}
  /** What a previous process left in progress; the journal is emptied. */
  takeLeftovers(): CheckJob[] {
    if (!this.path || !existsSync(this.path)) return [];
    let left: CheckJob[] = [];
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.path, "utf8"));
      if (Array.isArray(parsed)) left = parsed as CheckJob[];
    } catch {
      left = [];
    }
    this.save();
    return left.filter((job) => job && typeof job === "object" && job.checkRun && typeof job.checkRun.id === "number");
  }
  add(job: CheckJob): void {
    if (!job.checkRun) return;
    this.entries.set(job.checkRun.id, job);
    this.save();
  }
  remove(job: CheckJob): void {
    if (!job.checkRun || !this.entries.delete(job.checkRun.id)) return;
    this.save();
  }
  private save(): void {
    if (!this.path) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const temporary = `${this.path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify([...this.entries.values()]));
      renameSync(temporary, this.path);
    } catch {
      // A journal that cannot be written only loses the crash recovery it offers.
    }
  }
}

/** The in-process scheduler: the behaviour of a single replica without Redis. */
export function inProcessChecks(runner: CheckRunner, options: QueueOptions & { journal?: string | null } = {}): Checks {
  const journal = new Journal(options.journal ?? null);
  // Runs a crashed predecessor left in progress are concluded now, at start-up.
  for (const job of journal.takeLeftovers())
    void options.onAbandoned?.(job, "the app stopped (a crash) before this run finished").catch(() => undefined);
  const serial = new Serial();
  const slots = new Slots(options.perInstallation ?? 4);
  const latest = new Map<string, string>();
  const running = new Map<string, { headSha: string; controller: AbortController }>();
  const deliveries = new Deliveries();
  const inFlight = new Set<Promise<unknown>>();
  return {
    async submit(job, local) {
      const { key } = job;
      latest.set(key, job.target.headSha);
      const current = running.get(key);
      if (current && current.headSha !== job.target.headSha) current.controller.abort(job.target.headSha);
      const result = serial.run(key, async () => {
        const newest = latest.get(key);
        if (newest !== undefined && newest !== job.target.headSha) return CANCELLED;
        const mine = { headSha: job.target.headSha, controller: new AbortController() };
        running.set(key, mine);
        const release = await slots.acquire(String(job.installation ?? "none"));
        try {
          if (mine.controller.signal.aborted) return CANCELLED;
          const record = { ...job };
          try {
            return await runner(
              job,
              mine.controller.signal,
              async (checkRun) => {
                record.checkRun = checkRun;
                journal.add(record);
              },
              local ?? null,
            );
          } finally {
            journal.remove(record);
          }
        } finally {
          release();
          if (running.get(key) === mine) running.delete(key);
          if (latest.get(key) === job.target.headSha) latest.delete(key);
        }
      });
      const tracked = result.catch(() => undefined);
      inFlight.add(tracked);
      void tracked.then(() => inFlight.delete(tracked));
      return result;
    },
    claim: async (delivery) => deliveries.begin(delivery),
    release: async (delivery, succeeded) => deliveries.end(delivery, succeeded),
    async close() {
      const interrupted = new Interrupted();
      const pending = [...running.values()];
      for (const run of pending) run.controller.abort(interrupted);
      // Each interrupted run concludes its check run on its way out.
      await Promise.all([...inFlight]);
    },
  };
}

/** Compare-and-delete: release a lock only if it is still ours. */
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
/** Compare-and-extend: keep a lock only while it is ours. */
const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

/** BullMQ job ids may not contain ':'. */
const jobId = (job: CheckJob): string => `${job.delivery}|${job.key}|${job.target.headSha}`.replace(/:/g, "_");

/** The Redis scheduler: a BullMQ queue and worker in every replica. */
export function redisChecks(url: string, runner: CheckRunner, log: Logger, options: QueueOptions = {}): Checks {
  const prefix = options.prefix ?? "no-patch";
  const lockMs = options.lockMs ?? 30_000;
  const perInstallation = options.perInstallation ?? 4;
  const connections: Redis[] = [];
  // Commands fail after a few reconnection attempts, so a webhook finds out that Redis is down
  // (its delivery fails, to be redelivered) instead of waiting forever; the worker's blocking
  // connection waits as BullMQ needs it to.
  const connection = (blocking = false) => {
    const client = new Redis(url, { maxRetriesPerRequest: blocking ? null : 2 });
    client.on("error", (error: Error) => log.warn({ error: error.message.slice(0, 300) }, "Redis connection error"));
    connections.push(client);
    return client;
  };
  const redis = connection();
  const subscriber = connection(true);
  const queue = new Queue<CheckJob, RunResult>("checks", { connection: connection(), prefix });
  const key = (...parts: string[]) => [prefix, ...parts].join(":");
  const running = new Map<string, Array<{ headSha: string; controller: AbortController }>>();

  // A newer head queued anywhere aborts this replica's run for an older one. The subscription
  // waits for Redis; if the connection ends first (Redis down, the replica stopping), that is
  // logged, not left to reject unhandled (which ends a Node process).
  subscriber
    .subscribe(key("supersede"))
    .catch((error: Error) => log.warn({ error: error.message.slice(0, 300) }, "Redis subscription for superseded runs failed"));
  subscriber.on("message", (_channel: string, message: string) => {
    try {
      const { pull, headSha } = JSON.parse(message) as { pull: string; headSha: string };
      for (const run of running.get(pull) ?? []) if (run.headSha !== headSha) run.controller.abort(headSha);
    } catch {
      // not ours
    }
  });

  /** Hold a lock while the run lives: renewed at a third of its life, released when done. */
  const hold = async (lock: string, token: string): Promise<(() => Promise<void>) | null> => {
    const got = await redis.set(lock, token, "PX", lockMs, "NX");
    if (got !== "OK" && (await redis.get(lock)) !== token) return null;
    const timer = setInterval(() => void redis.eval(EXTEND, 1, lock, token, String(lockMs)).catch(() => undefined), lockMs / 3);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await redis.eval(RELEASE, 1, lock, token).catch(() => undefined);
    };
  };

  /** One of the installation's slots, counted in Redis across replicas (expiring with a dead holder). */
  const slot = async (installation: string, token: string): Promise<(() => Promise<void>) | null> => {
    const set = key("installation", installation);
    const now = Date.now();
    await redis.zremrangebyscore(set, 0, now - lockMs); // holders that stopped renewing
    await redis.zadd(set, now, token);
    const rank = await redis.zrank(set, token);
    if (rank === null || rank >= perInstallation) {
      await redis.zrem(set, token);
      return null;
    }
    const timer = setInterval(() => void redis.zadd(set, "XX", Date.now(), token).catch(() => undefined), lockMs / 3);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await redis.zrem(set, token).catch(() => undefined);
    };
  };

  const retryLater = async (job: Job<CheckJob, RunResult>, token: string | undefined, why: string): Promise<never> => {
    log.debug({ job: job.id, why }, "check waits");
    await job.moveToDelayed(Date.now() + 250 + Math.floor(Math.random() * 250), token);
    throw new DelayedError();
  };

  /** One job's work. */
  const work = async (job: Job<CheckJob, RunResult>, token: string | undefined): Promise<RunResult> => {
    const data = job.data;
    const newest = await redis.get(key("latest", data.key));
    if (newest !== null && newest !== data.target.headSha) {
      // A newer head was queued: this one is not run; one resumed with a check run of its own runs only to cancel it.
      if (!data.checkRun) return CANCELLED;
    }
    const unlockPull = await hold(key("pull", data.key), job.id!);
    if (!unlockPull) return retryLater(job, token, "another run of this pull request is in progress");
    const freeSlot = await slot(String(data.installation ?? "none"), job.id!);
    if (!freeSlot) {
      await unlockPull();
      return retryLater(job, token, "the installation's runs are all in use");
    }
    const mine = { headSha: data.target.headSha, controller: new AbortController() };
    running.set(data.key, [...(running.get(data.key) ?? []), mine]);
    try {
      if (newest !== null && newest !== data.target.headSha) mine.controller.abort(newest);
      return await runner(
        data,
        mine.controller.signal,
        async (checkRun) => {
          await job.updateData({ ...data, checkRun });
        },
        null,
      );
    } finally {
      running.set(
        data.key,
        (running.get(data.key) ?? []).filter((r) => r !== mine),
      );
      if (running.get(data.key)?.length === 0) running.delete(data.key);
      await freeSlot();
      await unlockPull();
    }
  };

  let worker: Worker<CheckJob, RunResult> | null = null;
  // A replica takes jobs once Redis answers: one whose Redis is down has nothing to drain when it stops.
  redis.once("ready", () => {
    const started = new Worker<CheckJob, RunResult>("checks", work, {
      connection: connection(true),
      prefix,
      concurrency: options.concurrency ?? 8,
      lockDuration: lockMs,
      stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
      maxStalledCount: 3,
    });
    started.on("failed", (job, error) => {
      const reason = String(error?.message ?? error).slice(0, 300);
      log.error({ job: job?.id, error: reason }, "queued check failed");
      // Retried while attempts remain; after the last one, conclude what it left in progress.
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1) && options.onAbandoned)
        void options
          .onAbandoned(job.data, reason)
          .catch((e: unknown) => log.error({ error: String(e).slice(0, 300) }, "could not conclude an abandoned check"));
    });
    started.on("error", (error) => log.error({ error: String(error?.message ?? error).slice(0, 300) }, "queue worker error"));
    worker = started;
  });
  queue.on("error", (error) => log.error({ error: String(error?.message ?? error).slice(0, 300) }, "queue error"));

  return {
    async submit(job) {
      await redis.set(key("latest", job.key), job.target.headSha, "EX", 7 * 86_400);
      await redis.publish(key("supersede"), JSON.stringify({ pull: job.key, headSha: job.target.headSha }));
      await queue.add("check", job, {
        jobId: jobId(job),
        attempts: 3,
        backoff: { type: "exponential", delay: 1000 },
        removeOnComplete: { age: 3600, count: 10_000 },
        removeOnFail: { age: 7 * 86_400 },
      });
      return null;
    },
    async claim(delivery) {
      return (await redis.set(key("delivery", delivery), "running", "EX", 3600, "NX")) === "OK";
    },
    async release(delivery, succeeded) {
      if (succeeded) await redis.set(key("delivery", delivery), "done", "EX", 3600);
      else await redis.del(key("delivery", delivery));
    },
    async close() {
      // Runs here finish first, for a while (not when Redis is unreachable: nothing can move);
      // a replica stopped before they do leaves its jobs to the others (their locks lapse).
      const within = <T>(work: Promise<T>, ms: number) =>
        Promise.race([work.then(() => true), new Promise<false>((resolve) => setTimeout(resolve, ms, false).unref())]);
      const grace = redis.status === "ready" ? CLOSE_GRACE_MS : 0;
      const taking = worker as Worker<CheckJob, RunResult> | null;
      if (taking && !(await within(taking.close(), grace))) await within(taking.close(true), 1000);
      await within(queue.close(), 1000);
      for (const client of connections) client.disconnect();
      await within(Promise.all([taking?.disconnect(), queue.disconnect()]), 1000);
    },
  };
}
