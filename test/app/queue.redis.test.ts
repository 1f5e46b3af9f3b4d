/**
 * The Redis-backed queue on a real Redis server (issue 11): two schedulers stand for two
 * replicas sharing one Redis. Delivery de-duplication, one run at a time per pull request,
 * newer heads taking over, and the per-installation bound, across replicas.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import type { Logger } from "probot";
import { redisChecks, type CheckJob, type CheckRunner, type Checks } from "../../src/app/queue.js";
import type { RunResult } from "../../src/app/run.js";
import { waitFor } from "./loopback-github.js";
import { HAS_REDIS, MISSING_REDIS, startRedis, type RedisServer } from "./redis-server.js";

const suite = HAS_REDIS || process.env.CI ? describe : describe.skip;
if (!HAS_REDIS && !process.env.CI) console.warn(MISSING_REDIS);

const quiet = (): void => undefined;
const log = { debug: quiet, info: quiet, warn: quiet, error: quiet, child: () => log } as unknown as Logger;
const OK: RunResult = { conclusion: "success", analysis: null, unmatched: [], error: null };

function jobFor(key: string, headSha: string, installation = 1): CheckJob {
  const [owner, rest] = key.split("/");
  const [repo, number] = rest!.split("#");
  return {
    installation,
    delivery: randomUUID(),
    key,
    target: {
      repo: { owner: owner!, repo: repo! },
      repositoryUrl: null,
      headSha,
      baseSha: "b".repeat(40),
      baseRef: "main",
      pull: { number: Number(number), changedFiles: 1 },
      exceptionsFrom: Number(number),
    },
    grants: [],
    replyTo: null,
    checkRun: null,
  };
}

interface Run {
  key: string;
  headSha: string;
  replica: string;
  start: number;
  end?: number;
  result?: RunResult["conclusion"];
}

suite("the Redis queue across two replicas", () => {
  let redis: RedisServer;
  const open: Checks[] = [];
  let runs: Run[] = [];

  beforeAll(async () => {
    if (!HAS_REDIS) throw new Error(MISSING_REDIS);
    redis = await startRedis();
  }, 20_000);
  afterAll(async () => {
    await redis?.stop();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
    await redis.flush();
    runs = [];
  });

  /** A replica whose runs take `ms` (or until superseded), recorded in `runs`. */
  function replica(name: string, ms: number, options = {}): Checks {
    const runner: CheckRunner = async (job, superseded) => {
      const run: Run = { key: job.key, headSha: job.target.headSha, replica: name, start: Date.now() };
      runs.push(run);
      const outcome = await new Promise<RunResult["conclusion"]>((resolve) => {
        const timer = setTimeout(() => resolve("success"), ms);
        superseded.addEventListener("abort", () => {
          clearTimeout(timer);
          resolve("cancelled");
        });
      });
      run.end = Date.now();
      run.result = outcome;
      return { ...OK, conclusion: outcome };
    };
    const checks = redisChecks(redis.url, runner, log, { lockMs: 2000, ...options });
    open.push(checks);
    return checks;
  }

  it("with Redis unreachable, a delivery fails at once instead of waiting forever", async () => {
    const down = redisChecks("redis://127.0.0.1:1", async () => OK, log, { lockMs: 2000 });
    open.push(down);
    const started = Date.now();
    await expect(down.claim("delivery-down")).rejects.toThrow();
    await expect(down.submit(jobFor("o/r#9", "9".repeat(40)))).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a replica stopped while Redis is unreachable leaves no promise rejected unhandled", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const down = redisChecks("redis://127.0.0.1:1", async () => OK, log, { lockMs: 2000 });
      await down.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off("unhandledRejection", record);
    }
    expect(unhandled).toEqual([]);
  });

  it("a delivery is claimed once across replicas, and a failed one can be claimed again", async () => {
    const a = replica("a", 10);
    const b = replica("b", 10);
    expect(await a.claim("delivery-1")).toBe(true);
    expect(await b.claim("delivery-1")).toBe(false);
    await a.release("delivery-1", false);
    expect(await b.claim("delivery-1")).toBe(true);
    await b.release("delivery-1", true);
    expect(await a.claim("delivery-1")).toBe(false);
  });

  it("the same delivery queued twice runs once", async () => {
    const a = replica("a", 50);
    const job = jobFor("o/r#1", "1".repeat(40));
    await a.submit(job);
    await a.submit({ ...job });
    await waitFor(() => runs.some((r) => r.end !== undefined), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs).toHaveLength(1);
  });

  it("runs of one pull request never overlap, whichever replica takes them", async () => {
    const a = replica("a", 300);
    const b = replica("b", 300);
    // Three pushes' worth of re-checks of the same head from two replicas.
    const head = "2".repeat(40);
    await Promise.all([a.submit(jobFor("o/r#2", head)), b.submit(jobFor("o/r#2", head)), a.submit(jobFor("o/r#2", head))]);
    await waitFor(() => runs.filter((r) => r.end !== undefined).length === 3, 15_000);
    const sorted = [...runs].sort((x, y) => x.start - y.start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end!);
  }, 20_000);

  it("a newer head queued on one replica aborts the older head's run on the other", async () => {
    const a = replica("a", 10_000);
    const b = replica("b", 100);
    await a.submit(jobFor("o/r#3", "3".repeat(40)));
    await waitFor(() => runs.length === 1, 10_000);
    await b.submit(jobFor("o/r#3", "4".repeat(40)));
    await waitFor(() => runs.filter((r) => r.end !== undefined).length === 2, 15_000);
    expect(runs.map((r) => [r.headSha[0], r.result])).toEqual([
      ["3", "cancelled"],
      ["4", "success"],
    ]);
  }, 20_000);

  it("a queued job for an older head is skipped once a newer head is queued", async () => {
    const a = replica("a", 400);
    await a.submit(jobFor("o/r#4", "5".repeat(40)));
    await waitFor(() => runs.length === 1, 10_000);
    // Queued behind the running one, then overtaken before it starts.
    await a.submit(jobFor("o/r#4", "6".repeat(40)));
    await a.submit(jobFor("o/r#4", "7".repeat(40)));
    await waitFor(() => runs.some((r) => r.headSha.startsWith("7") && r.end !== undefined), 15_000);
    expect(runs.map((r) => r.headSha[0])).not.toContain("6");
  }, 20_000);

  it("one installation gets at most its share of runs; another is not held up", async () => {
    const a = replica("a", 600, { perInstallation: 1 });
    const b = replica("b", 600, { perInstallation: 1 });
    await a.submit(jobFor("slow/r#1", "8".repeat(40), 10));
    await b.submit(jobFor("slow/r#2", "8".repeat(40), 10));
    await b.submit(jobFor("other/r#1", "9".repeat(40), 20));
    await waitFor(() => runs.filter((r) => r.end !== undefined).length === 3, 15_000);
    const slow = runs.filter((r) => r.key.startsWith("slow")).sort((x, y) => x.start - y.start);
    expect(slow[1]!.start).toBeGreaterThanOrEqual(slow[0]!.end!);
    const other = runs.find((r) => r.key.startsWith("other"))!;
    expect(other.start).toBeLessThan(slow[0]!.end!);
  }, 20_000);
});
