/**
 * The GitHub App on real webhook payloads (@octokit/webhooks-examples), with nock serving
 * a fake GitHub that records every request. Assertions name the exact requests made.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { noPatchApp } from "../../src/app/index.js";
import { FakeGitHub } from "./fake-github.js";

const require = createRequire(import.meta.url);
type Example = { name: string; examples: Array<Record<string, unknown> & { action?: string }> };
const EXAMPLES = require("@octokit/webhooks-examples/api.github.com/index.json") as Example[];

/** A real payload of GitHub's, with an installation as App deliveries carry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit payload fields freely
function example(event: string, action: string): any {
  const found = EXAMPLES.find((e) => e.name === event)!.examples.find((x) => x.action === action)!;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  const payload = structuredClone(found) as any;
  payload.installation ??= { id: 2, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMg==" };
  return payload;
}

const PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const REPO = "Codertocat/Hello-World";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

const EPT_BASE = "export function oneLoop(pLin: number, p22: number, p13: number): number {\n  return pLin + p22 + p13;\n}\n";
const EPT_HEAD = "export function oneLoop(pLin: number, p22: number, p13: number): number {\n  return (pLin + p22 + p13) * 1.002;\n}\n";

let fake: FakeGitHub;
let probot: Probot;

function serve(github: FakeGitHub): void {
  const scope = nock("https://api.github.com").persist();
  for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) {
    scope.intercept(/.*/, method).reply(function (uri, body, callback) {
      if (github.hangsOn(method, uri)) return; // the callback is never called: the request hangs
      const parsed = typeof body === "string" && body.length > 0 ? JSON.parse(body) : body;
      const reply = github.handle(method, uri, parsed);
      callback(null, [reply.status, reply.body as Record<string, unknown>]);
    });
  }
}

beforeEach(async () => {
  nock.disableNetConnect();
  fake = new FakeGitHub(123);
  fake.addCommit(BASE, { "src/ept.ts": EPT_BASE }).addCommit(HEAD, { "src/ept.ts": EPT_HEAD });
  fake.addPull(REPO, { number: 2, head: HEAD, base: BASE, baseRef: "master" });
  serve(fake);
  probot = new Probot({
    appId: 123,
    privateKey: PRIVATE_KEY,
    logLevel: "fatal",
    // The function form runs after Probot's own defaults, which would otherwise re-enable throttling.
    Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  await probot.load(noPatchApp({ appId: 123, stateKey: "state-key" }));
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

let deliveries = 0;
/** A new delivery of pull_request.opened (each with its own X-GitHub-Delivery id). */
const pullOpened = () =>
  probot.receive({ id: `delivery-${++deliveries}`, name: "pull_request", payload: example("pull_request", "opened") });
const runs = () => fake.checkRuns;
const lastRun = () => fake.checkRuns.at(-1)!;
const botComments = () => fake.comments.filter((c) => c.performed_via_github_app?.id === 123);

describe("a pull request adding * 1.002", () => {
  it("gets a failing no-patch run with an annotation at the right line, through the exact requests", async () => {
    await pullOpened();
    expect(fake.log).toEqual([
      "POST /app/installations/2/access_tokens",
      "POST /repos/Codertocat/Hello-World/check-runs",
      "GET /repos/Codertocat/Hello-World/contents/.github%2Fno-patch.yml?ref=master",
      "GET /repos/Codertocat/Hello-World/contents/.gitattributes?ref=master",
      "GET /repos/Codertocat/Hello-World/pulls/2/files?per_page=100&page=1",
      "GET /repos/Codertocat/Hello-World/issues/2/comments?per_page=100",
      "GET /repos/Codertocat/.github/contents/.github%2Fno-patch.yml",
      "POST /graphql",
      "PATCH /repos/Codertocat/Hello-World/check-runs/1000",
      "GET /repos/Codertocat/Hello-World/pulls/2",
      "POST /repos/Codertocat/Hello-World/issues/2/comments",
    ]);
    const created = fake.requests[1]!.body as Record<string, unknown>;
    expect(created).toMatchObject({ name: "no-patch", head_sha: HEAD, status: "in_progress" });
    const completed = fake.requests[8]!.body as { status: string; conclusion: string; output: { title: string; annotations: unknown[] } };
    expect(completed).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(completed.output.title).toBe("1 unexplained numeric constant");
    expect(completed.output.annotations).toEqual([
      {
        path: "src/ept.ts",
        start_line: 2,
        end_line: 2,
        start_column: 31,
        end_column: 36,
        annotation_level: "failure",
        title: "no-patch: unjustified scale",
        message: "1.002 has no @physics justification",
        raw_details: expect.stringContaining("Fix: add a comment on the line above"),
      },
    ]);
    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body).toContain(
      "| [`src/ept.ts:2`](https://github.com/Codertocat/Hello-World/blob/ec26c3e57ca3a959ca5aad62de7213c562f8c821/src/ept.ts#L2) | `1.002` | scale | unjustified |",
    );
  });

  it("passes with a proper justification, and then writes no comment", async () => {
    fake.addCommit(HEAD, {
      "src/ept.ts": EPT_HEAD.replace(
        "  return (",
        "  // @physics: two-loop counterterm amplitude, Carrasco et al. 2014 Eq. 3.12\n  return (",
      ),
    });
    await pullOpened();
    expect(lastRun()).toMatchObject({ status: "completed", conclusion: "success" });
    expect(fake.log.filter((l) => l.includes("/comments") && l.startsWith("POST"))).toEqual([]);
  });

  it("a comment that admits tuning fails as weak", async () => {
    fake.addCommit(HEAD, {
      "src/ept.ts": EPT_HEAD.replace("  return (", "  // @physics: factor tuned to match the reference output\n  return ("),
    });
    await pullOpened();
    expect(lastRun().conclusion).toBe("failure");
    expect(lastRun().annotations).toEqual([expect.objectContaining({ start_line: 3, title: "no-patch: weak scale" })]);
  });
});

describe("annotations", () => {
  it("120 findings arrive as 3 batches of at most 50, the last with the conclusion", async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `export const k${i} = x * ${(1.001 + i / 1000).toFixed(4)};`);
    fake.addCommit(BASE, {}).addCommit(HEAD, { "src/many.ts": lines.join("\n") + "\n" });
    await pullOpened();
    const updates = fake.requests.filter((r) => r.method === "PATCH" && r.path.includes("/check-runs/"));
    expect(updates.map((u) => (u.body as { output: { annotations?: unknown[] } }).output.annotations?.length)).toEqual([50, 50, 20]);
    expect(updates.map((u) => (u.body as { conclusion?: string }).conclusion)).toEqual([undefined, undefined, "failure"]);
    expect(lastRun().annotations).toHaveLength(120);
  });
});

describe("policy", () => {
  it("a pull request that edits .github/no-patch.yml to mode: warn still fails", async () => {
    fake.addCommit(BASE, { "src/ept.ts": EPT_BASE, ".github/no-patch.yml": "mode: fail\n" });
    fake.addCommit(HEAD, { "src/ept.ts": EPT_HEAD, ".github/no-patch.yml": "mode: warn\n" });
    await pullOpened();
    expect(fake.log).toContain("GET /repos/Codertocat/Hello-World/contents/.github%2Fno-patch.yml?ref=master");
    expect(lastRun().conclusion).toBe("failure");
  });

  it("warn mode on the base branch concludes neutral", async () => {
    fake.addCommit(BASE, { "src/ept.ts": EPT_BASE, ".github/no-patch.yml": "mode: warn\n" });
    fake.addCommit(HEAD, { "src/ept.ts": EPT_HEAD, ".github/no-patch.yml": "mode: warn\n" });
    await pullOpened();
    expect(lastRun().conclusion).toBe("neutral");
    expect(lastRun().annotations).toEqual([expect.objectContaining({ annotation_level: "warning" })]);
  });

  it("the organisation's .github repository is the fallback", async () => {
    fake.addCommit("org", { ".github/no-patch.yml": "paths: ['lib/**']\n" });
    fake.addPull("Codertocat/.github", { number: 1, head: "org", base: "org", baseRef: "main" });
    await pullOpened();
    expect(lastRun().conclusion).toBe("success"); // src/ept.ts is outside lib/**
    expect(lastRun().output.summary).toContain("Policy: Codertocat/.github/.github/no-patch.yml");
  });

  it("an invalid policy fails the check with the schema's message", async () => {
    fake.addCommit(BASE, { "src/ept.ts": EPT_BASE, ".github/no-patch.yml": "mode: warning\njustification:\n  minLenght: 3\n" });
    await pullOpened();
    expect(lastRun()).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(lastRun().output.title).toBe("no-patch could not check this change");
    expect(lastRun().output.summary).toContain('- mode: expected one of "fail"|"warn"');
    expect(lastRun().output.summary).toContain('- justification: unknown key "minLenght"; allowed: minLength');
  });
});

describe("fail closed", () => {
  it("a 500 from GitHub while fetching contents ends in a failure conclusion with the error", async () => {
    fake.failGraphql = true;
    await pullOpened();
    expect(runs()).toHaveLength(1);
    expect(lastRun()).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(lastRun().output.summary).toMatch(/GitHub could not be read \(HTTP 500\)/);
    expect(lastRun().output.summary).toContain("/no-patch recheck");
  });

  it("a 500 on the policy file also fails closed", async () => {
    fake.failures.push({ method: "GET", pattern: /contents/, status: 500 });
    await pullOpened();
    expect(lastRun()).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("a blob GitHub's GraphQL truncates is read whole through REST", async () => {
    fake.graphqlTextLimit = 40;
    await pullOpened();
    expect(fake.log.filter((l) => l.includes("/git/blobs/"))).toHaveLength(1);
    expect(lastRun().conclusion).toBe("failure");
    expect(lastRun().annotations).toEqual([expect.objectContaining({ start_line: 2, title: "no-patch: unjustified scale" })]);
  });

  it("a pull request beyond GitHub's 3000-file list fails, naming what was not read", async () => {
    const base: Record<string, string> = {};
    const head: Record<string, string> = {};
    for (let i = 0; i < 3005; i++) {
      base[`src/f${String(i).padStart(4, "0")}.ts`] = `export const a${i} = 1;\n`;
      head[`src/f${String(i).padStart(4, "0")}.ts`] = `export const a${i} = 1;\nexport const b${i} = 2;\n`;
    }
    fake.addCommit(BASE, base).addCommit(HEAD, head);
    const payload = example("pull_request", "opened");
    payload.pull_request.changed_files = 3005;
    await probot.receive({ id: "delivery-big", name: "pull_request", payload });
    expect(fake.log.filter((l) => l.includes("/pulls/2/files"))).toHaveLength(30);
    expect(lastRun().conclusion).toBe("failure");
    expect(lastRun().output.summary).toContain("- 5 more files: beyond GitHub's list of 3000 files of a pull request");
    expect(lastRun().output.title).toBe("5 files not verified");
  });

  it("a file over the size limit is unverified and fails the check", async () => {
    fake.addCommit(BASE, { "src/ept.ts": EPT_BASE, ".github/no-patch.yml": "limits:\n  maxFileBytes: 50\n" });
    await pullOpened();
    expect(lastRun().conclusion).toBe("failure");
    expect(lastRun().output.summary).toMatch(/src\/ept\.ts`\]\([^)]+\): \d+ bytes is over the limit of 50 bytes/);
  });
});

describe("the comment", () => {
  it("a redelivered event leaves exactly one comment", async () => {
    await pullOpened();
    await pullOpened();
    await Promise.all([pullOpened(), pullOpened()]);
    expect(botComments()).toHaveLength(1);
    expect(fake.log.filter((l) => l === "POST /repos/Codertocat/Hello-World/issues/2/comments")).toHaveLength(1);
  });

  it("the same delivery (one X-GitHub-Delivery id) three times is processed once", async () => {
    const deliver = () => probot.receive({ id: "delivery-same", name: "pull_request", payload: example("pull_request", "opened") });
    await deliver();
    await Promise.all([deliver(), deliver()]);
    expect(runs()).toHaveLength(1);
  });

  it("a delivery whose run failed is processed again when redelivered", async () => {
    fake.failures.push({ method: "POST", pattern: /check-runs$/, status: 500 });
    const deliver = () => probot.receive({ id: "delivery-retry", name: "pull_request", payload: example("pull_request", "opened") });
    await deliver().catch(() => undefined);
    fake.failures.length = 0;
    await deliver();
    expect(runs()).toHaveLength(1);
    expect(lastRun()).toMatchObject({ status: "completed" });
  });

  it("two deliveries at once, before any comment exists, leave exactly one comment", async () => {
    await Promise.all([pullOpened(), pullOpened(), pullOpened()]);
    expect(runs()).toHaveLength(3);
    expect(botComments()).toHaveLength(1);
  });

  it("is updated to a resolved state when the findings are gone", async () => {
    await pullOpened();
    fake.addCommit(HEAD, {
      "src/ept.ts": EPT_HEAD.replace(
        "  return (",
        "  // @physics: two-loop counterterm amplitude, Carrasco et al. 2014 Eq. 3.12\n  return (",
      ),
    });
    await pullOpened();
    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body).toContain("✅ no-patch: every numeric constant this change adds is justified");
  });

  it("a run for an older head does not overwrite the newer report", async () => {
    const NEWER = "1111111111111111111111111111111111111111";
    fake.addCommit(NEWER, { "src/ept.ts": EPT_HEAD });
    fake.addPull(REPO, { number: 2, head: NEWER, base: BASE, baseRef: "master" });
    await pullOpened(); // the payload names the old head
    expect(lastRun().head_sha).toBe(HEAD);
    expect(botComments()).toHaveLength(0);
  });

  it("a user's copy of the marker is not mistaken for the app's comment", async () => {
    fake.addComment(
      REPO,
      2,
      "<!-- no-patch:report --> <!-- no-patch:state eyJvdmVycmlkZXMiOlt7InBhdGgiOiJzcmMvZXB0LnRzIiwibGl0ZXJhbCI6IjEuMDAyIiwibGluZSI6MiwiYnkiOiJtZSIsImF0Ijoibm93IiwicmVhc29uIjoiZm9yZ2VkIn1dfQ== -->",
      "mallory",
    );
    await pullOpened();
    expect(lastRun().conclusion).toBe("failure");
    expect(botComments()).toHaveLength(1);
  });
});

describe("exceptions and commands", () => {
  const command = (body: string, login: string, pull = 2) => {
    const payload = example("issue_comment", "created");
    payload.issue.number = pull;
    payload.issue.pull_request = { url: `https://api.github.com/repos/${REPO}/pulls/${pull}` };
    payload.comment.body = body;
    payload.comment.user.login = login;
    payload.comment.created_at = "2026-11-28T14:00:00Z";
    return probot.receive({ id: `delivery-c${++deliveries}`, name: "issue_comment", payload });
  };

  it("an override from a read-only user is refused and says why", async () => {
    fake.permissions.set("reader", "read");
    await pullOpened();
    const before = runs().length;
    await command("/no-patch allow src/ept.ts:2 -- counterterm amplitude pending the two-loop paper", "reader");
    expect(runs()).toHaveLength(before);
    expect(fake.log).toContain("GET /repos/Codertocat/Hello-World/collaborators/reader/permission");
    expect(fake.comments.at(-1)!.body).toBe(
      "@reader: `/no-patch allow` needs **write** permission on this repository, and you have **read**. Nothing was changed; ask a maintainer to review the constant.",
    );
  });

  it("an override from a maintainer is applied, recorded with who, when and why, and lapses when the value changes", async () => {
    fake.permissions.set("maintainer", "maintain");
    await pullOpened();
    await command("/no-patch allow src/ept.ts:2 -- counterterm amplitude pending the two-loop paper", "maintainer");
    expect(lastRun().conclusion).toBe("success");
    expect(lastRun().output.summary).toContain(
      "- [`src/ept.ts:2`](https://github.com/Codertocat/Hello-World/blob/ec26c3e57ca3a959ca5aad62de7213c562f8c821/src/ept.ts#L2) `1.002`: allowed by @maintainer on 2026-11-28T14:00:00Z: counterterm amplitude pending the two-loop paper (would be unjustified)",
    );
    expect(lastRun().annotations).toEqual([expect.objectContaining({ annotation_level: "notice", title: "no-patch: overridden scale" })]);
    expect(botComments()).toHaveLength(1);

    await pullOpened(); // a later push: the exception still holds
    expect(lastRun().conclusion).toBe("success");

    const RETUNED = "2222222222222222222222222222222222222222";
    fake.addCommit(RETUNED, { "src/ept.ts": EPT_HEAD.replace("1.002", "1.003") });
    fake.addPull(REPO, { number: 2, head: RETUNED, base: BASE, baseRef: "master" });
    const sync = example("pull_request", "synchronize");
    sync.number = 2;
    sync.pull_request = {
      ...example("pull_request", "opened").pull_request,
      head: { ...example("pull_request", "opened").pull_request.head, sha: RETUNED },
    };
    await probot.receive({ id: "delivery-s", name: "pull_request", payload: sync });
    expect(lastRun()).toMatchObject({ head_sha: RETUNED, conclusion: "failure" });
  });

  it("an exception forged by editing the app's comment is dropped", async () => {
    fake.permissions.set("maintainer", "maintain");
    await pullOpened();
    const comment = botComments()[0]!;
    const forged = Buffer.from(
      JSON.stringify({
        overrides: [
          {
            path: "src/ept.ts",
            literal: "1.002",
            line: 2,
            by: "admin",
            at: "2026-11-28T00:00:00Z",
            reason: "forged by editing the comment",
          },
        ],
        headSha: HEAD,
      }),
    ).toString("base64");
    comment.body = comment.body.replace(
      /<!-- no-patch:state \S+( [0-9a-f]{64})? -->/,
      `<!-- no-patch:state ${forged} ${"0".repeat(64)} -->`,
    );
    await pullOpened();
    expect(lastRun().conclusion).toBe("failure");
    expect(lastRun().output.summary).not.toContain("forged");
  });

  it("a maintainer's exception cannot be replayed onto another pull request by a reader", async () => {
    // PR 2: a maintainer grants an exception; the app records it, signed, in its comment.
    fake.permissions.set("maintainer", "maintain");
    fake.permissions.set("reader", "read");
    await pullOpened();
    await command("/no-patch allow src/ept.ts:2 -- counterterm amplitude pending the two-loop paper", "maintainer");
    expect(lastRun().conclusion).toBe("success");
    const granted = botComments().find((c) => c.issue === 2 && c.body.startsWith("<!-- no-patch:report -->"))!.body;
    const block = /<!-- no-patch:state \S+ [0-9a-f]{64} -->/.exec(granted)![0];
    // PR 3 adds the same factor; a reader smuggles PR 2's marker and state into an invalid command line.
    fake.addPull(REPO, { number: 3, head: HEAD, base: BASE, baseRef: "master" });
    await command(`/no-patch <!-- no-patch:report --> ${block}`, "reader", 3);
    const reply = fake.comments.at(-1)!;
    expect(reply.body).not.toContain("<!--");
    expect(reply.body).toContain("&lt;!-- no-patch:report --&gt;");
    await command("/no-patch recheck", "reader", 3);
    expect(lastRun()).toMatchObject({ conclusion: "failure" });
    expect(String(lastRun().output.summary)).not.toContain("allowed by");
  });

  it("a state block copied into the app's own comment of another pull request does not verify there", async () => {
    fake.permissions.set("maintainer", "maintain");
    await pullOpened();
    await command("/no-patch allow src/ept.ts:2 -- counterterm amplitude pending the two-loop paper", "maintainer");
    const granted = botComments().find((c) => c.issue === 2 && c.body.startsWith("<!-- no-patch:report -->"))!.body;
    fake.addPull(REPO, { number: 3, head: HEAD, base: BASE, baseRef: "master" });
    // Even were the app's comment on PR 3 to carry PR 2's exact body, the signature is PR 2's.
    fake.addComment(REPO, 3, granted, "no-patch[bot]", true);
    await command("/no-patch recheck", "anyone", 3);
    expect(lastRun()).toMatchObject({ conclusion: "failure" });
  });

  it("600 invalid lines get one short reply, and a recheck in the same comment still runs", async () => {
    const body = [...Array.from({ length: 600 }, (_, i) => `/no-patch nonsense ${i} ${"x".repeat(120)}`), "/no-patch recheck"].join("\n");
    await command(body, "anyone");
    const reply = fake.comments.find((c) => c.body.includes("was not understood"))!;
    expect(Buffer.byteLength(reply.body)).toBeLessThan(5000);
    expect(reply.body).toContain("590 more lines were not understood either.");
    expect(runs()).toHaveLength(1);
  });

  it("allowing a line with nothing blocking says so", async () => {
    fake.permissions.set("admin", "admin");
    await pullOpened();
    await command("/no-patch allow src/ept.ts:1 -- this line holds no constant at all", "admin");
    expect(fake.comments.at(-1)!.body).toContain("there is no blocking finding at `src/ept.ts:1`");
  });

  it("an allow written before a push does not apply to the pushed head (a redelivery, a race)", async () => {
    fake.permissions.set("maintainer", "maintain");
    await pullOpened(); // the head is first checked at the fake's 12:00
    const RETUNED = "3333333333333333333333333333333333333333";
    fake.addCommit(RETUNED, { "src/ept.ts": EPT_HEAD.replace("1.002", "1.003") });
    fake.addPull(REPO, { number: 2, head: RETUNED, base: BASE, baseRef: "master" });
    fake.clock = "2026-11-28T15:00:00Z"; // the push arrives after the comment (14:00) was written
    const sync = example("pull_request", "synchronize");
    sync.number = 2;
    sync.pull_request.number = 2;
    sync.pull_request.head.sha = RETUNED;
    await probot.receive({ id: "delivery-push-after-comment", name: "pull_request", payload: sync });
    const before = runs().length;
    await command("/no-patch allow src/ept.ts:2 -- counterterm amplitude pending the two-loop paper", "maintainer");
    expect(runs()).toHaveLength(before);
    expect(fake.comments.at(-1)!.body).toContain("moved on to `3333333` after your comment, so nothing was allowed");
    expect(lastRun()).toMatchObject({ head_sha: RETUNED, conclusion: "failure" });
  });

  it("an allow for a head no-patch never checked is refused until it has", async () => {
    fake.permissions.set("maintainer", "maintain");
    await command("/no-patch allow src/ept.ts:2 -- counterterm amplitude pending the two-loop paper", "maintainer");
    expect(runs()).toHaveLength(0);
    expect(fake.comments.at(-1)!.body).toContain("no-patch has not checked `ec26c3e` yet");
  });

  it("/no-patch recheck re-runs the check", async () => {
    await command("/no-patch recheck", "anyone");
    expect(runs()).toHaveLength(1);
    expect(lastRun()).toMatchObject({ head_sha: HEAD, conclusion: "failure" });
  });

  it("a malformed command is answered with the grammar", async () => {
    await command("/no-patch allow src/ept.ts -- no line", "anyone");
    expect(fake.comments.at(-1)!.body).toBe(
      '@anyone: "/no-patch allow src/ept.ts -- no line" was not understood: expected `/no-patch allow path/to/file.ts:LINE -- reason`.',
    );
    expect(runs()).toHaveLength(0);
  });

  it("comments without a command and comments on issues are ignored", async () => {
    await command("LGTM", "anyone");
    const payload = example("issue_comment", "created");
    payload.comment.body = "/no-patch recheck"; // an issue, not a pull request
    await probot.receive({ id: "delivery-i", name: "issue_comment", payload });
    expect(fake.requests).toEqual([]);
  });
});

describe("re-runs and merge queues", () => {
  it("check_run.rerequested re-runs for the pull request of that commit", async () => {
    const payload = example("check_run", "rerequested");
    payload.check_run.name = "no-patch";
    payload.check_run.head_sha = HEAD;
    payload.check_run.pull_requests = [];
    payload.repository = example("pull_request", "opened").repository;
    await probot.receive({ id: "delivery-r", name: "check_run", payload });
    expect(fake.log).toContain(`GET /repos/Codertocat/Hello-World/commits/${HEAD}/pulls`);
    expect(lastRun()).toMatchObject({ head_sha: HEAD, conclusion: "failure" });
  });

  it("a fork's re-run finds its pull request in the run's external_id, where GitHub's lookup answers nothing", async () => {
    await pullOpened();
    expect(fake.requests[1]!.body).toMatchObject({ external_id: "2" });
    const payload = example("check_run", "rerequested");
    payload.check_run.name = "no-patch";
    payload.check_run.head_sha = HEAD;
    payload.check_run.pull_requests = []; // a fork's commit: GitHub lists no pull request
    payload.check_run.external_id = "2";
    payload.repository = example("pull_request", "opened").repository;
    fake.pulls.get(`${REPO}#2`)!.head = HEAD;
    const before = fake.checkRuns.length;
    await probot.receive({ id: "delivery-fork", name: "check_run", payload });
    expect(fake.log).not.toContain(`GET /repos/Codertocat/Hello-World/commits/${HEAD}/pulls`);
    expect(fake.checkRuns.length).toBe(before + 1);
    expect(lastRun()).toMatchObject({ head_sha: HEAD, conclusion: "failure" });
  });

  it("check_suite.rerequested re-runs too", async () => {
    const payload = example("check_suite", "rerequested");
    payload.check_suite.head_sha = HEAD;
    payload.check_suite.pull_requests = [{ number: 2 }];
    await probot.receive({ id: "delivery-cs", name: "check_suite", payload });
    expect(lastRun()).toMatchObject({ head_sha: HEAD, conclusion: "failure" });
  });

  it("a merge group of 300 files or more (all GitHub's compare lists) fails closed", async () => {
    const head: Record<string, string> = {};
    for (let i = 0; i < 300; i++) head[`src/f${String(i).padStart(3, "0")}.ts`] = `export const a${i} = 1;\n`;
    fake.addCommit(BASE, {}).addCommit(HEAD, head);
    const payload = example("merge_group", "checks_requested");
    payload.repository = example("pull_request", "opened").repository;
    Object.assign(payload.merge_group, {
      base_sha: BASE,
      head_sha: HEAD,
      base_ref: "refs/heads/master",
      head_ref: `refs/heads/gh-readonly-queue/master/pr-2-${HEAD}`,
    });
    await probot.receive({ id: "delivery-mg", name: "merge_group", payload });
    expect(lastRun().conclusion).toBe("failure");
    expect(lastRun().output.summary).toContain("GitHub's compare lists at most 300 files");
  });

  it("merge_group.checks_requested checks the group against its base, with no comment", async () => {
    const payload = example("merge_group", "checks_requested");
    payload.repository = example("pull_request", "opened").repository;
    payload.merge_group.base_sha = BASE;
    payload.merge_group.head_sha = HEAD;
    payload.merge_group.head_ref = `refs/heads/gh-readonly-queue/master/pr-2-${HEAD}`;
    payload.merge_group.base_ref = "refs/heads/master";
    await probot.receive({ id: "delivery-m", name: "merge_group", payload });
    expect(fake.log).toContain(`GET /repos/Codertocat/Hello-World/compare/${BASE}...${HEAD}?per_page=100`);
    expect(lastRun()).toMatchObject({ head_sha: HEAD, conclusion: "failure" });
    expect(fake.log.some((l) => l.startsWith("POST") && l.includes("comments"))).toBe(false);
  });
});

describe("gate integrity on GitHub", () => {
  const FUDGE = "export const k = (x: number) => x * 1.002;\n";
  const annotated = () => lastRun().annotations.map((a) => `${(a as { path: string }).path}:${(a as { start_line: number }).start_line}`);

  it("a link into ignored vendored code is checked as its target's text", async () => {
    fake
      .addCommit(BASE, { "src/ept.ts": EPT_BASE })
      .addCommit(HEAD, { "src/ept.ts": EPT_BASE, "src/k.ts": "../vendor/k.ts", "vendor/k.ts": FUDGE });
    fake.symlinks.add(`${HEAD}:src/k.ts`);
    await pullOpened();
    expect(lastRun().conclusion).toBe("failure");
    expect(annotated()).toEqual(["src/k.ts:1"]);
  });

  it("a link out of the repository is unverified, never passed", async () => {
    fake.addCommit(BASE, { "src/ept.ts": EPT_BASE }).addCommit(HEAD, { "src/ept.ts": EPT_BASE, "src/k.ts": "../../../etc/passwd" });
    fake.symlinks.add(`${HEAD}:src/k.ts`);
    await pullOpened();
    expect(lastRun().conclusion).toBe("failure");
    expect(String(lastRun().output.summary)).toContain("outside the repository: not followed");
  });

  it("a source file with a NUL byte (binary to GitHub) is unverified", async () => {
    fake.addCommit(BASE, { "src/ept.ts": EPT_BASE }).addCommit(HEAD, { "src/ept.ts": EPT_HEAD + "\u0000" });
    await pullOpened();
    expect(lastRun().conclusion).toBe("failure");
    expect(lastRun().output.title).toBe("1 file not verified");
  });

  it(".gitattributes on the base marks generated code; the pull request's own cannot", async () => {
    fake.addCommit(BASE, { "src/ept.ts": EPT_BASE, ".gitattributes": "src/gen/** linguist-generated\n" });
    fake.addCommit(HEAD, {
      "src/ept.ts": EPT_HEAD,
      "src/gen/table.ts": FUDGE,
      ".gitattributes": "src/gen/** linguist-generated\nsrc/*.ts linguist-vendored\n",
    });
    await pullOpened();
    expect(annotated()).toEqual(["src/ept.ts:2"]);
    expect(String(lastRun().output.summary)).toContain("marked linguist-generated or linguist-vendored in .gitattributes | 1 |");
  });
});

describe("a Python pull request", () => {
  it("adds the case study's fudge and gets a failing check, in Python's comment syntax", async () => {
    const base = "import jax.numpy as jnp\n\n\ndef tree_pk(k, plin, sigma2):\n    return plin\n";
    const head =
      "import jax.numpy as jnp\n\n# Empirically alpha=0.27 minimises max error across all 9 RSD spectra\n_TREE_ALPHA = 0.27\n\n\ndef tree_pk(k, plin, sigma2):\n    return plin / (1.0 + _TREE_ALPHA * sigma2 * k ** 2)\n";
    fake.addCommit(BASE, { "clax/ept.py": base }).addCommit(HEAD, { "clax/ept.py": head });
    await pullOpened();
    expect(lastRun().conclusion).toBe("failure");
    expect(lastRun().annotations).toEqual([
      expect.objectContaining({
        path: "clax/ept.py",
        start_line: 4,
        title: "no-patch: untagged initializer",
        message: "0.27 has a comment but no @physics tag",
      }),
    ]);
    expect(String(lastRun().output.summary)).toContain(
      "```python\n# @physics: velocity dispersion σ_v² of the linear field, Eq. 3.4\nSIGMA_V2 = 0.27\n```",
    );
    expect(botComments()[0]!.body).toContain("`# @physics: velocity dispersion σ_v², Eq. 3.4`");
  });
});

describe("bounded runs (SPEC section 6: every run concludes, whatever GitHub does)", () => {
  const withLimits = async (limits: { requestTimeoutMs: number; deadlineMs: number }) => {
    probot = new Probot({
      appId: 123,
      privateKey: PRIVATE_KEY,
      logLevel: "fatal",
      Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
    });
    await probot.load(noPatchApp({ appId: 123, stateKey: "state-key", limits }));
  };

  it("a request that never answers ends the run as a failure naming it, with how to re-run", async () => {
    await withLimits({ requestTimeoutMs: 300, deadlineMs: 5000 });
    fake.hangs.push(/^POST \/graphql/);
    await pullOpened();
    expect(lastRun()).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(String(lastRun().output.summary)).toContain("no-patch stopped: GitHub did not answer POST /graphql within 0.3 s.");
    expect(String(lastRun().output.summary)).toContain("/no-patch recheck");
  });

  it("a run past its deadline is concluded, naming what it waited for", async () => {
    await withLimits({ requestTimeoutMs: 10_000, deadlineMs: 400 });
    fake.hangs.push(/^GET \/repos\/Codertocat\/Hello-World\/pulls\/2\/files/);
    const started = Date.now();
    await pullOpened();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(lastRun()).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(String(lastRun().output.summary)).toContain(
      "the run passed its deadline of 0.4 s waiting for GitHub (GET /repos/{owner}/{repo}/pulls/{pull_number}/files)",
    );
  });

  it("a newer push supersedes an older run that hangs: the older is cancelled at once, the newer gets its verdict", async () => {
    await withLimits({ requestTimeoutMs: 60_000, deadlineMs: 60_000 });
    const NEWER = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    fake.addCommit(NEWER, { "src/ept.ts": EPT_BASE });
    fake.hangs.push(/^GET \/repos\/Codertocat\/Hello-World\/pulls\/2\/files/);
    const started = Date.now();
    const older = pullOpened();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the older run is waiting on GitHub
    const payload = example("pull_request", "synchronize");
    payload.pull_request.head.sha = NEWER;
    const newer = probot.receive({ id: "delivery-newer", name: "pull_request", payload });
    await Promise.all([older, newer]);
    expect(Date.now() - started).toBeLessThan(5000); // neither deadline nor request timeout was waited for
    const byHead = (sha: string) => fake.checkRuns.filter((r) => r.head_sha === sha);
    expect(byHead(HEAD)).toEqual([expect.objectContaining({ status: "completed", conclusion: "cancelled" })]);
    expect(String(byHead(HEAD)[0]!.output.summary)).toContain("moved on to `aaaaaaa`");
    expect(byHead(NEWER)).toEqual([expect.objectContaining({ status: "completed", conclusion: "success" })]);
  });

  it("a recheck of the same head is not superseded by itself", async () => {
    await withLimits({ requestTimeoutMs: 60_000, deadlineMs: 60_000 });
    await Promise.all([pullOpened(), pullOpened()]);
    expect(fake.checkRuns.map((r) => r.conclusion)).toEqual(["failure", "failure"]);
  });
});

describe("what the app does not take on trust", () => {
  it("a payload whose changed_files says 1 while 150 files changed: every file is read", async () => {
    const base: Record<string, string> = {};
    const head: Record<string, string> = {};
    for (let i = 0; i < 150; i++) {
      const path = `src/f${String(i).padStart(3, "0")}.ts`;
      base[path] = "export const v = 1;\n";
      head[path] = i === 140 ? "export const v = x * 1.002;\n" : "export const v = 2;\n";
    }
    fake.addCommit(BASE, base).addCommit(HEAD, head);
    const payload = example("pull_request", "opened");
    payload.pull_request.changed_files = 1;
    await probot.receive({ id: "delivery-trust", name: "pull_request", payload });
    expect(fake.log.filter((l) => l.includes("/pulls/2/files"))).toHaveLength(2);
    expect(lastRun().conclusion).toBe("failure");
    expect(lastRun().annotations).toEqual(expect.arrayContaining([expect.objectContaining({ path: "src/f140.ts", start_line: 1 })]));
  });
});

describe("a value's history (issue 10)", () => {
  const OLDER = "1111111111111111111111111111111111111111";
  const OLDEST = "2222222222222222222222222222222222222222";
  const model = (value: string, note: string) =>
    `// @physics: IR damping amplitude of the BAO wiggles, Baldauf et al. 2015 Eq. 2.7 (${note})\nexport const ALPHA = ${value};\n`;

  beforeEach(() => {
    fake
      .addCommit(OLDEST, { "src/tree.ts": model("0.35", "Table 1") }, { date: "2026-04-30T10:00:00Z" })
      .addCommit(OLDER, { "src/tree.ts": model("0.30", "Table 2") }, { parent: OLDEST, date: "2026-05-02T10:00:00Z" })
      .addCommit(BASE, { "src/tree.ts": model("0.30", "Table 2") }, { parent: OLDER, date: "2026-05-03T10:00:00Z" })
      .addCommit(HEAD, { "src/tree.ts": model("0.27", "Table 3") }, { parent: BASE, date: "2026-05-04T10:00:00Z" });
  });

  it("reads it in bounded GETs and shows it in the check run and the comment", async () => {
    fake.addCommit(`${BASE}`, { "src/tree.ts": model("0.30", "Table 2"), ".github/no-patch.yml": "comment: always\n" }, { parent: OLDER });
    await pullOpened();
    const run = lastRun();
    expect(run.conclusion).toBe("success");
    expect(fake.log.filter((l) => l.startsWith("GET") && /\/commits\?/.test(l))).toHaveLength(1);
    expect(String(run.output.text ?? "") + String(run.output.summary)).toContain("earlier values here: 0.30 on 2026-05-02");
    const comment = fake.comments.at(-1)!.body;
    expect(comment).toContain("Values that keep moving");
    expect(comment).toContain("█▄▁");
  });

  it("a policy limit on the base branch blocks a value that keeps moving", async () => {
    fake.addCommit(
      BASE,
      { "src/tree.ts": model("0.30", "Table 2"), ".github/no-patch.yml": "history:\n  maxRetunes: 2\n  windowDays: 3650\n" },
      { parent: OLDER },
    );
    await pullOpened();
    expect(lastRun().conclusion).toBe("failure");
    expect(JSON.stringify(lastRun().annotations)).toMatch(/moved 2 times within 3650 days/);
  });

  it("a history GitHub will not give is a warning, not a failed run", async () => {
    fake.failures.push({ method: "GET", pattern: /\/commits\?/, status: 500 });
    await pullOpened();
    expect(lastRun().conclusion).toBe("success");
    expect(String(lastRun().output.summary)).toContain("could not be read from GitHub");
  });
});
