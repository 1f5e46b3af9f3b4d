/**
 * A deploy or restart of a single replica (no Redis): the real server stopped with SIGTERM in
 * the middle of a run concludes that run, saying how to re-run it, instead of leaving it in
 * progress.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeGitHub } from "./fake-github.js";
import { deliverWebhook, examplePayload, startAppServer, startLoopbackGitHub, waitFor, type LoopbackGitHub } from "./loopback-github.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const SECRET = "shutdown-secret";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const fake = new FakeGitHub(123);
let github: LoopbackGitHub;

beforeAll(async () => {
  fake.addCommit(BASE, { "src/ept.ts": "export const f = (p: number) => p;\n" });
  fake.addCommit(HEAD, { "src/ept.ts": "export const f = (p: number) => p * 1.002;\n" });
  fake.addPull("Codertocat/Hello-World", { number: 2, head: HEAD, base: BASE, baseRef: "master" });
  github = await startLoopbackGitHub(fake);
});
afterAll(() => github?.close());

it("a crash leaves its run in the journal, and the restarted server concludes it at start-up", async () => {
  const journal = join(mkdtempSync(join(tmpdir(), "no-patch-crash-")), "in-progress.json");
  const before = fake.checkRuns.length;
  const first = await startAppServer(ROOT, github.host, SECRET, "info", { NO_PATCH_JOURNAL: journal });
  fake.hangs.push(/^GET \/repos\/[^/]+\/[^/]+\/pulls\/2\/files/);
  void deliverWebhook(first.port, "pull_request", examplePayload("pull_request", "opened"), SECRET).catch(() => undefined);
  await waitFor(() => fake.checkRuns.length === before + 1 && fake.hangs.length === 0, 20_000);
  first.crash(); // SIGKILL: nothing concluded on the way out
  await first.exited;
  expect(fake.checkRuns.at(-1)).toMatchObject({ status: "in_progress" });
  const second = await startAppServer(ROOT, github.host, SECRET, "info", { NO_PATCH_JOURNAL: journal });
  try {
    await waitFor(() => fake.checkRuns.at(-1)?.status === "completed", 20_000);
    expect(fake.checkRuns.at(-1)).toMatchObject({ conclusion: "failure" });
    expect(JSON.stringify(fake.checkRuns.at(-1)!.output)).toMatch(/could not finish this run: the app stopped \(a crash\)/);
  } finally {
    second.stop();
    await second.exited;
  }
}, 60_000);

it("SIGTERM in the middle of a run concludes it as a failure that says to re-run", async () => {
  const before = fake.checkRuns.length;
  const server = await startAppServer(ROOT, github.host, SECRET);
  fake.hangs.push(/^GET \/repos\/[^/]+\/[^/]+\/pulls\/2\/files/);
  void deliverWebhook(server.port, "pull_request", examplePayload("pull_request", "opened"), SECRET).catch(() => undefined);
  await waitFor(() => fake.checkRuns.length === before + 1 && fake.hangs.length === 0, 20_000);
  server.stop(); // SIGTERM, as a deploy sends
  await server.exited;
  expect(fake.checkRuns).toHaveLength(before + 1);
  expect(fake.checkRuns.at(-1)).toMatchObject({ status: "completed", conclusion: "failure" });
  expect(JSON.stringify(fake.checkRuns.at(-1)!.output)).toMatch(/stopped before this run finished[\s\S]*Re-run/);
}, 40_000);
