/**
 * End to end: the real server (`node dist/app/server.js`, as `npm start` runs it) as a child process, a signed
 * webhook over HTTP, and a loopback HTTP server playing GitHub's REST and GraphQL APIs.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeGitHub } from "./fake-github.js";
import { deliverWebhook, startEndToEnd, waitFor, type AppServer } from "./loopback-github.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
const SECRET = "e2e-webhook-secret";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

let fake: FakeGitHub;
let server: AppServer;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const entry = join(ROOT, "dist/app/index.js");
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first (npm test does).`);
  fake = new FakeGitHub(123);
  fake.addCommit(BASE, { "src/ept.ts": "export const f = (p: number) => p;\n" });
  fake.addCommit(HEAD, { "src/ept.ts": "export const f = (p: number) => p * 1.002;\n" });
  fake.addPull("Codertocat/Hello-World", { number: 2, head: HEAD, base: BASE, baseRef: "master" });
  ({ server, stop } = await startEndToEnd(ROOT, fake, SECRET));
}, 30_000);

afterAll(() => stop?.());

describe("the real server", () => {
  const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as Array<{
    name: string;
    examples: Array<Record<string, unknown>>;
  }>;
  const payload = structuredClone(examples.find((e) => e.name === "pull_request")!.examples.find((x) => x.action === "opened")!);
  payload.installation = { id: 2, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMg==" };
  const body = JSON.stringify(payload);

  it("rejects a forged webhook with a 4xx and makes no GitHub call", async () => {
    const response = await deliverWebhook(server.port, "pull_request", body, "not-the-secret");
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.requests).toEqual([]);
  });

  it("checks a correctly signed pull_request.opened through the loopback GitHub", async () => {
    const response = await deliverWebhook(server.port, "pull_request", body, SECRET);
    expect(response.status).toBe(202); // accepted: handled, or still running after 9 s
    await waitFor(() => fake.checkRuns.some((r) => r.status === "completed"), 20_000);
    const run = fake.checkRuns[0]!;
    expect(run).toMatchObject({ name: "no-patch", head_sha: HEAD, conclusion: "failure" });
    expect(run.annotations).toEqual([expect.objectContaining({ path: "src/ept.ts", start_line: 1, start_column: 37 })]);
    expect(fake.log[0]).toBe("POST /app/installations/2/access_tokens");
    expect(fake.log).toContain("POST /graphql");
    await waitFor(() => fake.comments.length === 1, 10_000);
    // The completion log line follows the last GitHub request: wait for it, not for the request.
    await waitFor(() => server.output().includes("no-patch check completed"), 10_000);
    const output = server.output();
    // Logs carry the delivery, repository, PR and head, and no source text or secret.
    expect(output).toMatch(/"delivery":"[0-9a-f-]{36}"/);
    expect(output).toContain('"repository":"Codertocat/Hello-World"');
    expect(output).toContain(`"sha":"${HEAD}"`);
    expect(output).not.toContain("1.002");
    expect(output).not.toContain(SECRET);
  }, 30_000);
});
