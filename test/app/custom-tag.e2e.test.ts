/**
 * A new user's policy, end to end: `tags: ["@source"]` on the base branch, the real server
 * (`probot run`) and a loopback GitHub. Every text the app writes must speak of `@source`,
 * never `@physics`, and a value annotated with `@source` passes.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeGitHub } from "./fake-github.js";
import { deliverWebhook, examplePayload, startEndToEnd, waitFor, type AppServer } from "./loopback-github.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const SECRET = "custom-tag-secret";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

const EPT_BASE = "export function damping(k: number, s: number): number {\n  return Math.exp(-k * k * s);\n}\n";
const EPT_HEAD = [
  "// @source: velocity dispersion sigma_v^2 of the linear field, Eq. 3.4",
  "export const SIGMA_V2 = 0.27;",
  "",
  "export function damping(k: number, s: number): number {",
  "  return Math.exp(-k * k * s) * 1.002;",
  "}",
  "",
].join("\n");

let fake: FakeGitHub;
let server: AppServer;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  fake = new FakeGitHub(123);
  fake.addCommit(BASE, { "src/ept.ts": EPT_BASE, ".github/no-patch.yml": 'tags: ["@source"]\n' });
  fake.addCommit(HEAD, { "src/ept.ts": EPT_HEAD, ".github/no-patch.yml": 'tags: ["@source"]\n' });
  fake.addPull("Codertocat/Hello-World", { number: 2, head: HEAD, base: BASE, baseRef: "master" });
  ({ server, stop } = await startEndToEnd(ROOT, fake, SECRET));
}, 30_000);

afterAll(() => stop?.());

it("with tags: [@source], nothing the app writes mentions @physics, and the @source annotation passes", async () => {
  const payload = examplePayload("pull_request", "opened");
  expect((await deliverWebhook(server.port, "pull_request", payload, SECRET)).status).toBe(202);
  await waitFor(() => fake.checkRuns.some((r) => r.status === "completed") && fake.comments.length === 1, 20_000);

  const run = fake.checkRuns[0]!;
  expect(run.conclusion).toBe("failure");
  // The @source-annotated value is justified; only the bare factor is reported.
  expect(run.annotations).toEqual([
    expect.objectContaining({ start_line: 5, annotation_level: "failure", title: "no-patch: unjustified scale" }),
  ]);
  expect(String(run.output.summary)).toMatch(/\| 1 \| 1 \| 0 \| 0 \| 0 \| 1 \| 0 \|/); // 1 blocking, 1 justified

  // Everything written: check run outputs and annotations, and the comment.
  const written = fake.requests
    .filter((r) => r.method !== "GET" && !r.path.includes("access_tokens") && r.path !== "/graphql")
    .map((r) => JSON.stringify(r.body));
  expect(written.length).toBeGreaterThanOrEqual(3); // create, complete, comment
  for (const text of written) expect(text).not.toContain("@physics");
  expect(written.join("\n")).toContain("// @source: <the physical quantity this is");
  expect(fake.comments[0]!.body).toContain("`// @source: velocity dispersion σ_v², Eq. 3.4`");
}, 30_000);
