/**
 * Two real app processes behind one real Redis (issue 11): one is killed in the middle of a
 * run, and the other finishes the job, concluding the check run the first one created.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeGitHub } from "./fake-github.js";
import {
  deliverWebhook,
  examplePayload,
  startAppServer,
  startLoopbackGitHub,
  waitFor,
  type AppServer,
  type LoopbackGitHub,
} from "./loopback-github.js";
import { HAS_REDIS, MISSING_REDIS, startRedis, type RedisServer } from "./redis-server.js";

const suite = HAS_REDIS || process.env.CI ? describe : describe.skip;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const SECRET = "replicas-secret";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

suite("two app replicas sharing Redis", () => {
  let redis: RedisServer;
  let github: LoopbackGitHub;
  const fake = new FakeGitHub(123);
  const servers: AppServer[] = [];
  const start = async () => {
    const server = await startAppServer(ROOT, github.host, SECRET, "info", {
      REDIS_URL: redis.url,
      NO_PATCH_JOB_LOCK_MS: "2000",
    });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    if (!HAS_REDIS) throw new Error(MISSING_REDIS);
    redis = await startRedis();
    fake.addCommit(BASE, { "src/ept.ts": "export const f = (p: number) => p;\n" });
    fake.addCommit(HEAD, { "src/ept.ts": "export const f = (p: number) => p * 1.002;\n" });
    fake.addPull("Codertocat/Hello-World", { number: 2, head: HEAD, base: BASE, baseRef: "master" });
    github = await startLoopbackGitHub(fake);
  }, 30_000);

  afterAll(async () => {
    for (const server of servers) server.stop();
    await Promise.all(servers.map((s) => s.exited));
    await github?.close();
    await redis?.stop();
  }, 30_000);

  it("a replica killed mid-run leaves no run in progress: the other one concludes it", async () => {
    const payload = examplePayload("pull_request", "opened");

    const first = await start();
    // The first replica's run hangs reading the pull request's files, after it created the check run.
    fake.hangs.push(/^GET \/repos\/[^/]+\/[^/]+\/pulls\/2\/files/);
    const response = await deliverWebhook(first.port, "pull_request", payload, SECRET);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ outcome: "handled" }); // queued, acknowledged at once
    await waitFor(() => fake.checkRuns.length === 1 && fake.hangs.length === 0, 20_000);
    expect(fake.checkRuns[0]).toMatchObject({ status: "in_progress" });

    const second = await start();
    first.crash();
    await first.exited;

    await waitFor(() => fake.checkRuns[0]?.status === "completed", 30_000);
    expect(fake.checkRuns).toHaveLength(1); // the same check run, concluded by the second replica
    expect(fake.checkRuns[0]).toMatchObject({ conclusion: "failure", head_sha: HEAD });
    expect(second.output()).not.toContain("queued check failed");
  }, 60_000);
});
