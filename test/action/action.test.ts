/**
 * The GitHub Action as GitHub runs it: the committed bundle (action/index.mjs), the standard
 * Actions environment (GITHUB_EVENT_PATH, GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, INPUT_*), a
 * pull_request event file, a real git repository as the workspace, and no network.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanUp, Repo } from "../cli/repo.js";

const BUNDLE = fileURLToPath(new URL("../../action/index.mjs", import.meta.url));
afterAll(cleanUp);

function runAction(repo: Repo, base: string, head: string, inputs: Record<string, string> = {}) {
  const event = join(repo.dir, "..", `${repo.dir.split("/").at(-1)}-event.json`);
  writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: base }, head: { sha: head } }, repository: { html_url: "https://github.com/cosmo/clax" } }));
  const summary = join(repo.dir, "..", `${repo.dir.split("/").at(-1)}-summary.md`);
  writeFileSync(summary, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_STEP_SUMMARY: summary,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [BUNDLE], { cwd: repo.dir, env, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summary, "utf8") };
}

describe("the GitHub Action", () => {
  const repo = new Repo();
  repo.write("src/ept.ts", "export const f = (p: number) => p;\n").write("clax/ept.py", "def f(p):\n    return p\n").commit("base");
  const base = repo.git("rev-parse", "HEAD").trim();
  repo
    .write("src/ept.ts", "export const f = (p: number) => p * 1.002;\n")
    .write("clax/ept.py", "# Empirically alpha=0.27 minimises max error across all 9 RSD spectra\n_TREE_ALPHA = 0.27\n\n\ndef f(p):\n    return p\n")
    .commit("fudge");
  const head = repo.git("rev-parse", "HEAD").trim();

  it("is committed, built, with the WebAssembly it loads beside it", () => {
    expect(existsSync(BUNDLE)).toBe(true);
    expect(existsSync(fileURLToPath(new URL("../../action/web-tree-sitter.wasm", import.meta.url)))).toBe(true);
    expect(existsSync(fileURLToPath(new URL("../../action/grammars/tree-sitter-python.wasm", import.meta.url)))).toBe(true);
    const action = readFileSync(fileURLToPath(new URL("../../action.yml", import.meta.url)), "utf8");
    expect(action).toContain("using: node24");
    expect(action).toContain("main: action/index.mjs");
  });

  it("annotates the pull request's findings, writes the full report to the step summary, and fails the step", () => {
    const result = runAction(repo, base, head);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error file=src\/ept\.ts,line=1,col=37,.*::1\.002 has no @physics justification/m);
    expect(result.stdout).toMatch(/^::error file=clax\/ept\.py,line=2,col=15,.*::0\.27 has a comment but no @physics tag/m);
    expect(result.summary).toContain("| where | literal | role | status | why |");
    expect(result.summary).toContain("https://github.com/cosmo/clax/blob/" + head + "/clax/ept.py#L2");
  });

  it("writes SARIF for code scanning when asked", () => {
    const sarif = join(repo.dir, "results.sarif");
    runAction(repo, base, head, { format: "sarif", "sarif-file": sarif });
    const log = JSON.parse(readFileSync(sarif, "utf8"));
    // In the diff's file order: clax/ before src/.
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(["no-patch/untagged", "no-patch/unjustified"]);
  });

  it("mode: warn reports without failing the step", () => {
    const result = runAction(repo, base, head, { mode: "warn" });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^::warning file=src\/ept\.ts/m);
  });

  it("a shallow clone without the base commit is a clear error", () => {
    const result = runAction(repo, "0".repeat(40), head);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("fetch-depth: 0");
  });
});
