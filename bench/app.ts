// Benchmark: the GitHub App on a 300-file pull request (every file a changed .ts file), the
// real server (`probot run`, production settings, Probot's throttling on) against a loopback
// GitHub that adds 100 ms to every response. Measures GitHub requests and the time from the
// webhook to the completed check. Usage: npm run bench
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeGitHub } from "../test/app/fake-github.js";
import { deliverWebhook, startAppServer, startLoopbackGitHub, waitFor } from "../test/app/loopback-github.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const FILES = 300;
const LATENCY_MS = 100;
const SECRET = "bench-secret";
const BASE = "b".repeat(40);
const HEAD = "c".repeat(40);

function source(i: number, version: "base" | "head", unjustified: boolean): string {
  const lines = [
    `// Module ${i} of a perturbation theory code.`,
    `/** @physics growth index of LCDM, Linder 2005 Eq. (5) */`,
    `export const GAMMA_${i} = 0.55;`,
    ``,
    `export function power${i}(k: number, pLin: number): number {`,
    `  // @physics: IR damping exp(-k^2 sigma_v^2), Baldauf et al. 2015 Eq. 2.7`,
    `  const damping = Math.exp(-k * k * ${version === "base" ? "SIGMA_V2" : "SIGMA_V2_RESUMMED"});`,
    `  return pLin * damping${version === "head" && unjustified ? " * 1.002" : ""};`,
    `}`,
    ...Array.from({ length: 60 }, (_, j) => `export const helper${i}_${j} = (x: number) => x + ${j % 2};`),
  ];
  if (version === "head")
    lines.push(`// @physics: one-loop counterterm c_s^2, Carrasco et al. 2012 Eq. 4.12`, `export const CS2_${i} = 0.31;`);
  return lines.join("\n") + "\n";
}

async function scenario(name: string, unjustifiedEvery: number): Promise<boolean> {
  const fake = new FakeGitHub(123);
  const base: Record<string, string> = {};
  const head: Record<string, string> = {};
  for (let i = 0; i < FILES; i++) {
    base[`src/module${i}.ts`] = source(i, "base", false);
    head[`src/module${i}.ts`] = source(i, "head", i % unjustifiedEvery === 0);
  }
  fake.addCommit(BASE, base).addCommit(HEAD, head);
  fake.addPull("octo/physics", { number: 7, head: HEAD, base: BASE, baseRef: "main" });
  const github = await startLoopbackGitHub(fake, LATENCY_MS);
  const server = await startAppServer(ROOT, github.host, SECRET, "warn");
  try {
    const payload = {
      action: "opened",
      number: 7,
      pull_request: {
        number: 7,
        changed_files: FILES,
        head: { sha: HEAD, ref: "feature" },
        base: { sha: BASE, ref: "main" },
      },
      repository: { name: "physics", full_name: "octo/physics", owner: { login: "octo" } },
      installation: { id: 2 },
      sender: { login: "someone", type: "User" },
    };
    const body = JSON.stringify(payload);
    const started = Date.now();
    const response = await deliverWebhook(server.port, "pull_request", body, SECRET);
    if (response.status >= 300) throw new Error(`webhook refused: ${response.status}`);
    // Probot answers the webhook after the handler finishes: time the GitHub requests themselves.
    await waitFor(() => fake.checkRuns.some((r) => r.status === "completed"), 60_000);
    await waitFor(() => fake.comments.length > 0, 30_000).catch(() => undefined);
    const completing = fake.requests.findIndex((r) => r.method === "PATCH" && (r.body as { status?: string }).status === "completed");
    const checkMs = fake.requests[completing]!.at - started;
    const requestsAtCheck = completing + 1;
    const totalMs = fake.requests.at(-1)!.at - started;
    const run = fake.checkRuns[0]!;
    const kinds = new Map<string, number>();
    for (const r of fake.requests) {
      const kind = `${r.method} ${r.path
        .replace(/\?.*$/, "")
        .replace(/\/\d+/g, "/N")
        .replace(/octo\/physics/, "{repo}")}`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    console.log(`${name}: ${FILES} changed .ts files, ${run.annotations.length} annotations, conclusion ${run.conclusion}`);
    console.log(
      `  webhook to completed check: ${(checkMs / 1000).toFixed(2)} s (target < 5 s); last request (the comment): ${(totalMs / 1000).toFixed(2)} s`,
    );
    console.log(`  GitHub requests: ${requestsAtCheck} to the completed check, ${fake.requests.length} in all (target <= 30)`);
    for (const [kind, count] of kinds) console.log(`    ${String(count).padStart(3)}  ${kind}`);
    if (process.env.BENCH_TIMELINE)
      for (const r of fake.requests)
        console.log(`    ${((r.at - started) / 1000).toFixed(2).padStart(6)} s  ${r.method} ${r.path.slice(0, 70)}`);
    return checkMs < 5000 && fake.requests.length <= 30;
  } finally {
    server.stop();
    await github.close();
  }
}

const typical = await scenario("typical (1 file in 10 adds an unjustified factor)", 10);
const worst = await scenario("worst case (every file adds an unjustified factor)", 1);
console.log(typical ? "app targets met (typical)" : "an app target was missed (typical)");
console.log(
  worst ? "app targets met (worst case)" : "an app target was missed (worst case: more annotation batches, each a throttled write)",
);
process.exitCode = typical ? 0 : 1;
