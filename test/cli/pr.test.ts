/**
 * `no-patch pr`: a dry run on a live pull request, through the built CLI, against a loopback
 * GitHub (REST under /api/v3 and GraphQL, as GitHub Enterprise lays them out).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { FakeGitHub } from "../app/fake-github.js";
import { startLoopbackGitHub, type LoopbackGitHub } from "../app/loopback-github.js";
import { parsePullRequest } from "../../src/cli/pr.js";
import { cleanUp, requireBuild, runCliAsync, tempDir } from "./repo.js";

const REPO = "cosmo/ept";
const BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
const HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";

let fake: FakeGitHub;
let github: LoopbackGitHub;

beforeAll(async () => {
  requireBuild();
  fake = new FakeGitHub(123);
  fake.addCommit(BASE, { "clax/ept.py": "def tree_pk(k, plin):\n    return plin\n", ".github/no-patch.yml": 'tags: ["@source"]\n' });
  fake.addCommit(HEAD, {
    "clax/ept.py": "_TREE_ALPHA = 0.27\n\n\ndef tree_pk(k, plin):\n    return plin * 1.002\n",
    ".github/no-patch.yml": "mode: warn\n",
  });
  fake.addPull(REPO, { number: 7, head: HEAD, base: BASE, baseRef: "main" });
  github = await startLoopbackGitHub(fake);
});
afterAll(async () => {
  await github?.close();
  cleanUp();
});

const env = () => ({ GITHUB_API_URL: `http://${github.host}/api/v3`, GITHUB_TOKEN: "ghs_test" });

describe("no-patch pr", () => {
  it("reports what the App would, with the base branch's policy, and writes nothing", async () => {
    const result = await runCliWithEnv(["pr", `${REPO}#7`, "--format", "json"]);
    expect(result.status).toBe(1); // the pull request's own `mode: warn` does not apply: the base's policy does
    const doc = JSON.parse(result.stdout);
    expect(
      doc.findings.map(
        (f: { path: string; line: number; literal: string; status: string }) => `${f.path}:${f.line} ${f.literal} ${f.status}`,
      ),
    ).toEqual(["clax/ept.py:1 0.27 unjustified", "clax/ept.py:5 1.002 unjustified"]);
    expect(doc.findings[0].fix).toContain("# @source:");
    const writes = fake.requests.filter((r) => r.method !== "GET" && !(r.method === "POST" && r.path === "/graphql"));
    expect(writes).toEqual([]);
  });

  it("the markdown format links every location to the pull request's head", async () => {
    const result = await runCliWithEnv(["pr", `https://github.com/${REPO}/pull/7`, "--format", "markdown"]);
    expect(result.stdout).toContain(`https://github.com/${REPO}/blob/${HEAD}/clax/ept.py#L5`);
  });

  it("a pull request that does not exist is a clear error, exit 2", async () => {
    const result = await runCliWithEnv(["pr", `${REPO}#99`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`cannot read ${REPO}#99`);
  });
});

const runCliWithEnv = (args: string[]) => runCliAsync(tempDir(), args, env());

describe("parsePullRequest", () => {
  it.each([
    ["owner/repo#12", { owner: "owner", repo: "repo", number: 12 }],
    ["cosmo-lab/clax.jl#3", { owner: "cosmo-lab", repo: "clax.jl", number: 3 }],
    ["https://github.com/owner/repo/pull/12", { owner: "owner", repo: "repo", number: 12 }],
    ["https://github.com/owner/repo/pull/12/files", { owner: "owner", repo: "repo", number: 12 }],
    ["https://ghe.example.org/owner/repo/pull/4", { owner: "owner", repo: "repo", number: 4, apiUrl: "https://ghe.example.org/api/v3" }],
  ])("%s", (spec, expected) => {
    expect(parsePullRequest(spec)).toEqual(expected);
  });

  it.each(["owner/repo", "owner/repo#x", "https://github.com/owner/repo/issues/12", "ftp://github.com/owner/repo/pull/1"])(
    "refuses %s",
    (spec) => {
      expect(() => parsePullRequest(spec)).toThrow(/pull request/);
    },
  );
});
