/**
 * `no-patch init` as a user runs it, on a real temporary git repository: it prints a policy
 * the check accepts, writes it with --write, and never replaces one without --force.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { parseConfig } from "../../src/core/index.js";
import { cleanUp, Repo, requireBuild, runCli, tempDir } from "./repo.js";

beforeAll(requireBuild);
afterAll(cleanUp);

const RENDER = "const c = canvas.getContext('2d');\ndocument.body.appendChild(canvas);\nrequestAnimationFrame(draw);\n";

function repository(): Repo {
  return new Repo()
    .write("src/physics/body.js", "export const G = 6.674e-11;\n")
    .write("src/render/Render.js", RENDER)
    .write("demo/js/Demo.js", "Bodies.rectangle(400, 600, 800, 50);\n")
    .write("examples/cloth.js", "const stiffness = 0.2;\n")
    .write("Gruntfile.js", "module.exports = { port: 8000 };\n")
    .write("tests/body.test.js", "expect(1).toBe(1);\n")
    .commit("base");
}

describe("no-patch init", () => {
  it("prints the proposed policy, writes nothing, exit 0", () => {
    const repo = repository();
    const { status, stdout, stderr } = runCli(repo.dir, ["init"]);
    expect(status).toBe(0);
    const config = parseConfig(stdout);
    expect(config.requireTag).toBe(false);
    expect(config.ignore).toEqual(expect.arrayContaining(["demo/**", "examples/**", "Gruntfile.js", "src/render/Render.js"]));
    expect(config.ignore).not.toContain("src/physics/body.js");
    expect(stderr).toContain("4 ignore globs proposed (4 files the check would otherwise read)");
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("writes .github/no-patch.yml with --write, and the check then reads it", () => {
    const repo = repository();
    const { status, stderr } = runCli(repo.dir, ["init", "--write"]);
    expect(status).toBe(0);
    expect(stderr).toContain("written to .github/no-patch.yml");
    const written = readFileSync(join(repo.dir, ".github/no-patch.yml"), "utf8");
    expect(parseConfig(written).ignore).toContain("demo/**");
    repo.commit("adopt no-patch");
    repo
      .write("demo/js/Demo.js", "Bodies.rectangle(400, 620, 800, 50);\n")
      .write("src/physics/body.js", "export const G = 6.674e-11;\nexport const k = 1.07;\n");
    repo.commit("change");
    const check = repo.check("--base", "HEAD~1", "--format", "json");
    const report = JSON.parse(check.stdout);
    expect(report.findings.map((f: { path: string; literal: string }) => `${f.path} ${f.literal}`)).toEqual(["src/physics/body.js 1.07"]);
  });

  it("never replaces a policy without --force", () => {
    const repo = repository();
    repo.write(".github/no-patch.yml", "requireTag: true\n").commit("policy");
    const refused = runCli(repo.dir, ["init", "--write"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(".github/no-patch.yml exists; run with --force");
    expect(readFileSync(join(repo.dir, ".github/no-patch.yml"), "utf8")).toBe("requireTag: true\n");
    const forced = runCli(repo.dir, ["init", "--write", "--force"]);
    expect(forced.status).toBe(0);
    expect(parseConfig(readFileSync(join(repo.dir, ".github/no-patch.yml"), "utf8")).requireTag).toBe(false);
  });

  it("never writes through a symbolic link out of the repository", () => {
    const repo = repository();
    const outside = tempDir();
    symlinkSync(outside, join(repo.dir, ".github"));
    const { status, stderr } = runCli(repo.dir, ["init", "--write"]);
    expect(status).toBe(2);
    expect(stderr).toContain("leads outside the repository through a symbolic link");
    expect(existsSync(join(outside, "no-patch.yml"))).toBe(false);
  });

  it.each([
    [["init", "--force"], "--force only applies with --write"],
    [["init", "--write", "--output", "../outside.yml"], "give a path inside the repository"],
    [["init", "extra"], "Unexpected argument"],
  ])("refuses %j with exit 2", (args, message) => {
    const repo = repository();
    const { status, stderr } = runCli(repo.dir, args);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
  });
});
