/**
 * The built CLI as a subprocess, on real temporary git repositories.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { cleanUp, CLI, GIT_ENV, Repo, requireBuild, runCli, tempDir } from "./repo.js";

const BASE_EPT = `export function oneLoop(pLin: number, p22: number, p13: number): number {
  return pLin + p22 + p13;
}
`;
const PATCHED_EPT = `export function oneLoop(pLin: number, p22: number, p13: number): number {
  return (pLin + p22 + p13) * 1.002;
}
`;

beforeAll(requireBuild);
afterAll(cleanUp);

describe("the * 1.002 patch", () => {
  const repo = new Repo();
  repo.write("src/ept.ts", BASE_EPT).commit("base");
  repo.write("src/ept.ts", PATCHED_EPT).commit("patch");

  it("is exactly one blocking scale finding at the right line and column, exit 1", () => {
    const { status, stdout } = repo.check("--base", "HEAD~1", "--format", "json");
    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.conclusion).toBe("failure");
    const blocking = report.findings.filter((f: { blocking: boolean }) => f.blocking);
    expect(blocking).toEqual([
      expect.objectContaining({
        path: "src/ept.ts",
        line: 2,
        column: 31,
        literal: "1.002",
        value: 1.002,
        role: "scale",
        status: "unjustified",
        previous: null,
      }),
    ]);
  });

  it("passes once a proper @physics justification is written above it", () => {
    const fixed = new Repo();
    fixed.write("src/ept.ts", BASE_EPT).commit("base");
    fixed
      .write(
        "src/ept.ts",
        PATCHED_EPT.replace(
          "  return (",
          "  // @physics: two-loop UV counterterm amplitude at k_NL, Carrasco et al. 2014 Eq. 3.12\n  return (",
        ),
      )
      .commit("justified");
    const { status, stdout } = fixed.check("--base", "HEAD~1", "--format", "json");
    expect(JSON.parse(stdout).findings.map((f: { status: string }) => f.status)).toEqual(["justified"]);
    expect(status).toBe(0);
  });

  it("fails again, as weak, when the comment says the factor was tuned to match the reference", () => {
    const tuned = new Repo();
    tuned.write("src/ept.ts", BASE_EPT).commit("base");
    tuned
      .write(
        "src/ept.ts",
        PATCHED_EPT.replace("  return (", "  // @physics: factor tuned to match the reference output of CLASS\n  return ("),
      )
      .commit("tuned");
    const { status, stdout } = tuned.check("--base", "HEAD~1", "--format", "json");
    expect(status).toBe(1);
    expect(JSON.parse(stdout).findings).toEqual([expect.objectContaining({ line: 3, status: "weak", blocking: true, role: "scale" })]);
  });

  it("checks the working tree against --base when no --head is given", () => {
    const work = new Repo();
    work.write("src/ept.ts", BASE_EPT).commit("base");
    work.write("src/ept.ts", PATCHED_EPT);
    expect(work.check("--base", "HEAD", "--format", "json").status).toBe(1);
    expect(work.check("--format", "json").status).toBe(1); // default base: HEAD
    expect(work.check("--base", "HEAD", "--head", "HEAD").status).toBe(0);
  });

  it("text output shows the caret, role, fix and a total", () => {
    const { status, stdout } = repo.check("--base", "HEAD~1");
    expect(status).toBe(1);
    expect(stdout).toContain("src/ept.ts\n  2:31  error  1.002 has no @physics justification  [unjustified, scale]");
    expect(stdout).toContain("    2 |   return (pLin + p22 + p13) * 1.002;\n      |                               ^^^^^");
    expect(stdout).toMatch(/✖ no-patch: 1 blocking finding /);
    expect(stdout).not.toContain("\u001b[");
  });

  it("sarif and github formats", () => {
    const sarif = repo.check("--base", "HEAD~1", "--format", "sarif");
    expect(sarif.status).toBe(1);
    expect(JSON.parse(sarif.stdout).runs[0].results[0].ruleId).toBe("no-patch/unjustified");
    const github = repo.check("--base", "HEAD~1", "--format", "github");
    expect(github.stdout.split("\n")[0]).toMatch(/^::error file=src\/ept\.ts,line=2,col=31,/);
  });

  it("limits the check to the given paths", () => {
    const other = new Repo();
    other.write("src/ept.ts", BASE_EPT).write("lib/other.ts", "").commit("base");
    other.write("src/ept.ts", PATCHED_EPT).write("lib/other.ts", "export const k = 1.7;\n").commit("two files");
    const all = JSON.parse(other.check("--base", "HEAD~1", "--format", "json").stdout);
    expect(all.findings.map((f: { path: string }) => f.path)).toEqual(["lib/other.ts", "src/ept.ts"]);
    const some = JSON.parse(other.check("--base", "HEAD~1", "--format", "json", "lib").stdout);
    expect(some.findings.map((f: { path: string }) => f.path)).toEqual(["lib/other.ts"]);
  });
});

describe("policy", () => {
  it("comes from the base commit: a change cannot relax the check that judges it", () => {
    const repo = new Repo();
    repo.write("src/ept.ts", BASE_EPT).write(".github/no-patch.yml", "mode: fail\n").commit("base");
    repo.write("src/ept.ts", PATCHED_EPT).write(".github/no-patch.yml", "mode: warn\nignore: ['src/**']\n").commit("relax");
    const { status, stdout } = repo.check("--base", "HEAD~1");
    expect(status).toBe(1);
    expect(stdout).toContain("policy: .github/no-patch.yml at HEAD~1");
  });

  it("--config names a file explicitly", () => {
    const repo = new Repo();
    repo.write("src/ept.ts", BASE_EPT).commit("base");
    repo.write("src/ept.ts", PATCHED_EPT).write("warn.yml", "mode: warn\n").commit("patch");
    const { status, stdout } = repo.check("--base", "HEAD~1", "--config", "warn.yml", "--format", "json");
    expect(status).toBe(0);
    expect(JSON.parse(stdout).conclusion).toBe("neutral");
  });

  it("an invalid configuration is exit 2 with the key and what is allowed", () => {
    const repo = new Repo();
    repo.write("src/ept.ts", BASE_EPT).write("bad.yml", "mode: warning\njustification:\n  minLenght: 3\n").commit("base");
    const { status, stderr, stdout } = repo.check("--base", "HEAD", "--config", "bad.yml");
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain('mode: expected one of "fail"|"warn"');
    expect(stderr).toContain('justification: unknown key "minLenght"; allowed: minLength');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe("whole files (paths, no --base)", () => {
  it("checks every literal of the named files and directories", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "a.ts"), "export const k = 1.7;\nexport const pi = 3.14159;\n");
    writeFileSync(join(dir, "src", "b.js"), "module.exports = x => x * 1.002;\n");
    writeFileSync(join(dir, "src", "notes.txt"), "1.7\n");
    const { status, stdout } = runCli(dir, ["check", "--format", "json", "src"]);
    expect(status).toBe(1);
    expect(
      JSON.parse(stdout).findings.map((f: { path: string; literal: string; status: string }) => `${f.path} ${f.literal} ${f.status}`),
    ).toEqual(["src/a.ts 1.7 unjustified", "src/a.ts 3.14159 known-constant", "src/b.js 1.002 unjustified"]);
  });

  it("gives every file an outcome, as the diff mode does: unsupported and ignored files are listed, not dropped", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "src", "test"), { recursive: true });
    writeFileSync(join(dir, "src", "a.ts"), "export const k = 1.7;\n");
    writeFileSync(join(dir, "src", "model.jl"), "const ALPHA = 0.27\n");
    writeFileSync(join(dir, "src", "table.csv"), "1.002,0.27\n");
    writeFileSync(join(dir, "src", "test", "a.test.ts"), "expect(x).toBe(1.7);\n");
    const json = runCli(dir, ["check", "--format", "json", "src"]);
    const files = JSON.parse(json.stdout).files.map((f: { path: string; outcome: string }) => `${f.path} ${f.outcome}`);
    expect(files.sort()).toEqual([
      "src/a.ts checked",
      "src/model.jl unsupported",
      "src/table.csv unsupported",
      "src/test/a.test.ts ignored",
    ]);
    const text = runCli(dir, ["check", "src"]);
    expect(text.stdout).toContain("4 files: 1 checked, 1 ignored by the policy, 2 in a language no-patch does not parse; policy: defaults");
  });
});

describe("files that need care", () => {
  it("a non-ASCII path, CRLF text and a rename", () => {
    const repo = new Repo();
    repo
      .write("src/σ_v.ts", "export const a = 1;\r\n")
      .write("src/old.ts", "export const b = x * 1.7;\nexport const c = 2;\n")
      .commit("base");
    repo.git("mv", "src/old.ts", "src/new.ts");
    repo
      .write("src/σ_v.ts", "export const a = 1;\r\nexport const s = v * 1.3;\r\n")
      .write("src/new.ts", "export const b = x * 1.7;\nexport const c = 2;\nexport const d = y * 0.8;\n")
      .commit("change");
    const { stdout } = repo.check("--base", "HEAD~1", "--format", "json");
    const findings = JSON.parse(stdout).findings.map(
      (f: { path: string; line: number; literal: string }) => `${f.path}:${f.line} ${f.literal}`,
    );
    expect(findings).toEqual(["src/new.ts:3 0.8", "src/σ_v.ts:2 1.3"]);
  });

  it("binary and deleted files are skipped, not failed", () => {
    const repo = new Repo();
    repo
      .write("img.png", Buffer.from([0, 1, 2, 3]))
      .write("gone.ts", "export const a = 1.7;\n")
      .commit("base");
    repo.write("img.png", Buffer.from([0, 9, 9, 9]));
    rmSync(join(repo.dir, "gone.ts"));
    repo.commit("change");
    const { status, stdout } = repo.check("--base", "HEAD~1", "--format", "json");
    expect(status).toBe(0);
    expect(
      JSON.parse(stdout)
        .files.map((f: { path: string; outcome: string }) => `${f.path} ${f.outcome}`)
        .sort(),
    ).toEqual(["gone.ts deleted", "img.png binary"]);
  });
});

describe("bad input: one clear paragraph, exit 2, never a stack trace", () => {
  const cases: Array<[string, (dir: string) => string[], RegExp]> = [
    ["not a git repository", () => ["check", "--base", "main"], /is not inside a git repository/],
    ["an unknown ref", (dir) => (new RepoAt(dir), ["check", "--base", "no-such-branch"]), /--base no-such-branch: no such commit/],
    ["--head without --base", () => ["check", "--head", "HEAD"], /--head needs --base/],
    ["an unknown format", () => ["check", "--format", "xml"], /--format xml: expected one of text, json, sarif, github/],
    ["an unknown option", () => ["check", "--bsae", "main"], /Unknown option '--bsae'/],
    ["an unknown command", () => ["chekc"], /unknown command "chekc"/],
    ["a missing file", () => ["check", "nope.ts"], /cannot read nope\.ts: no such file or directory/],
    [
      "a missing config file",
      (dir) => (new RepoAt(dir), ["check", "--config", "missing.yml"]),
      /cannot read the configuration file .*missing\.yml: ENOENT/,
    ],
    [
      "a file over the size limit",
      (dir) => {
        writeFileSync(join(dir, "big.ts"), "export const a = 1.7;\n" + "// padding\n".repeat(200));
        writeFileSync(join(dir, "small.yml"), "limits:\n  maxFileBytes: 100\n");
        return ["check", "--config", "small.yml", "big.ts"];
      },
      /big\.ts is \d+ bytes, over the limit of 100 bytes \(limits\.maxFileBytes\)/,
    ],
  ];
  it.each(cases)("%s", (_name, setup, message) => {
    const dir = tempDir();
    const { status, stderr } = runCli(dir, setup(dir));
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

class RepoAt {
  constructor(dir: string) {
    execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir, env: { ...process.env, ...GIT_ENV } });
    execFileSync("git", ["commit", "-q", "--allow-empty", "-m", "init"], { cwd: dir, env: { ...process.env, ...GIT_ENV } });
  }
}

describe("the package's entry points", () => {
  it("no-patch, no-patch/eslint and no-patch/app resolve through package.json exports to the build", () => {
    const script = `
      const core = await import("no-patch");
      const eslint = (await import("no-patch/eslint")).default;
      const app = await import("no-patch/app");
      console.log(JSON.stringify({
        analyze: typeof core.analyzeChange,
        rules: Object.keys(eslint.rules),
        recommended: eslint.configs.recommended.rules,
        app: typeof app.default,
      }));`;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: join(dirname(CLI), "../.."),
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      analyze: "function",
      rules: ["require-justification", "prefer-named-constant"],
      recommended: { "no-patch/require-justification": "error", "no-patch/prefer-named-constant": "warn" },
      app: "function",
    });
  });
});

describe("other commands", () => {
  it("demo shows a real report and exits 0", () => {
    const { status, stdout } = runCli(tempDir(), ["demo"]);
    expect(status).toBe(0);
    expect(stdout).toContain("1.002 has no @physics justification");
    expect(stdout).toContain("0.95 was 0.93 here");
    expect(stdout).toContain("clax/ept.py\n  5:15  error  0.27 has a comment but no @physics tag");
    expect(stdout).toContain("add a comment on the line above: `# @physics:"); // Python's comment syntax for the .py file
    expect(stdout).toMatch(/5 blocking findings/);
  });
  it("schema prints the JSON Schema", () => {
    const { status, stdout } = runCli(tempDir(), ["schema"]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).properties.mode.default).toBe("fail");
  });
  it("--version and --help", () => {
    expect(runCli(tempDir(), ["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(runCli(tempDir(), ["--help"]).stdout).toContain("no-patch check [--base REF]");
  });
});

describe("gate integrity: files that try to hide", () => {
  const FUDGE = "export const k = (x: number) => x * 1.002;\n";
  const findingsOf = (stdout: string) =>
    JSON.parse(stdout).findings.map((f: { path: string; literal: string; status: string }) => `${f.path} ${f.literal} ${f.status}`);
  const outcomes = (stdout: string) =>
    JSON.parse(stdout).files.map(
      (f: { path: string; outcome: string; numbersChanged?: number | null }) =>
        `${f.path} ${f.outcome}${f.numbersChanged ? ` ${f.numbersChanged}` : ""}`,
    );

  it("a `*.ts -diff` attribute does not make the source binary to the check", () => {
    const repo = new Repo();
    repo.write("src/ept.ts", "export const k = (x: number) => x;\n").commit("base");
    repo.write(".gitattributes", "*.ts -diff\n").write("src/ept.ts", FUDGE).commit("hide");
    const { status, stdout } = repo.check("--base", "HEAD~1", "--head", "HEAD", "--format", "json");
    expect(status).toBe(1);
    expect(findingsOf(stdout)).toEqual(["src/ept.ts 1.002 unjustified"]);
  });

  it("a NUL byte in a source file leaves it unverified, failing the check", () => {
    const repo = new Repo();
    repo.write("src/ept.ts", "export const k = 1;\n").commit("base");
    repo.write("src/ept.ts", Buffer.from("export const k = x * 1.002;\n\u0000\n")).commit("nul");
    const { status, stdout } = repo.check("--base", "HEAD~1", "--format", "json");
    expect(status).toBe(1);
    expect(outcomes(stdout)).toEqual(["src/ept.ts unverified"]);
  });

  it("a symbolic link is checked as its target's text; one leading outside the repository is unverified", () => {
    const repo = new Repo();
    repo.write("lib/real.txt", "placeholder\n").commit("base");
    repo.write("lib/real.txt", FUDGE);
    symlinkSync("lib/real.txt", join(repo.dir, "src-link.ts"));
    symlinkSync("/etc/hostname", join(repo.dir, "outside.ts"));
    repo.commit("links");
    const { status, stdout } = repo.check("--base", "HEAD~1", "--head", "HEAD", "--format", "json");
    expect(status).toBe(1);
    expect(findingsOf(stdout)).toEqual(["src-link.ts 1.002 unjustified"]);
    expect(outcomes(stdout)).toEqual(expect.arrayContaining(["outside.ts unverified", "src-link.ts checked"]));
    expect(stdout).not.toContain(readFileSync("/etc/hostname", "utf8").trim() || "never-empty");
  });

  it("a file renamed out of an ignored test folder brings every literal in as new", () => {
    const repo = new Repo();
    repo.write("test/helpers/model.ts", "export const damping = (k: number) => k * 1.37;\n").commit("base");
    mkdirSync(join(repo.dir, "src"));
    repo.git("mv", "test/helpers/model.ts", "src/model.ts");
    repo.commit("promote");
    const { status, stdout } = repo.check("--base", "HEAD~1", "--format", "json");
    expect(status).toBe(1);
    expect(findingsOf(stdout)).toEqual(["src/model.ts 1.37 unjustified"]);
  });

  it("build/ and vendor/ are ignored only at the root; .gitattributes from the base marks generated code", () => {
    const repo = new Repo();
    repo.write(".gitattributes", "src/gen/** linguist-generated\n").write("src/gen/a.ts", "").commit("base");
    repo
      .write("build/out.ts", FUDGE)
      .write("src/physics/build/model.ts", FUDGE)
      .write("src/gen/a.ts", FUDGE)
      .write(".gitattributes", "src/gen/** linguist-generated\nsrc/physics/** linguist-vendored\n")
      .commit("change");
    const { status, stdout } = repo.check("--base", "HEAD~1", "--format", "json");
    expect(status).toBe(1);
    // The change's own .gitattributes cannot exempt src/physics: the base's is read.
    expect(findingsOf(stdout)).toEqual(["src/physics/build/model.ts 1.002 unjustified"]);
    expect(outcomes(stdout)).toEqual(expect.arrayContaining(["build/out.ts ignored 1", "src/gen/a.ts ignored 1"]));
  });

  it("--config naming a file the change edits is a warning in the report", () => {
    const repo = new Repo();
    repo.write("src/ept.ts", "export const k = 1;\n").write("policy.yml", "mode: fail\n").commit("base");
    repo.write("src/ept.ts", FUDGE).write("policy.yml", "mode: warn\n").commit("relax");
    const text = repo.check("--base", "HEAD~1", "--config", "policy.yml");
    expect(text.stdout).toContain("warning  the policy file policy.yml (--config) is edited by this change");
    expect(JSON.parse(repo.check("--base", "HEAD~1", "--config", "policy.yml", "--format", "json").stdout).warnings).toHaveLength(1);
  });

  it("data files with changed numbers are listed with how many numbers changed", () => {
    const repo = new Repo();
    repo.write("data/params.json", '{"alpha": 0.25}\n').write("src/ept.ts", "export const k = 1;\n").commit("base");
    repo.write("data/params.json", '{"alpha": 0.27, "beta": 1.002}\n').commit("retune in data");
    const json = repo.check("--base", "HEAD~1", "--format", "json");
    expect(json.status).toBe(0);
    expect(outcomes(json.stdout)).toEqual(["data/params.json unsupported 2"]);
    const text = repo.check("--base", "HEAD~1");
    expect(text.stdout).toContain("data/params.json  a data file (json): its numbers are not checked; 2 numbers changed");
  });
});

describe("--staged (pre-commit)", () => {
  const PLAIN = "export const k = (x: number) => x;\n";
  const FUDGE = "export const k = (x: number) => x * 1.002;\n";
  const JUSTIFIED =
    "// @physics: two-loop counterterm amplitude, Carrasco et al. 2014 Eq. 3.12\nexport const k = (x: number) => x * 1.002;\n";

  it("judges the index, not the working tree: a staged fudge fails even when the working tree justifies it", () => {
    const repo = new Repo();
    repo.write("src/k.ts", PLAIN).commit("base");
    repo.write("src/k.ts", FUDGE);
    repo.git("add", "src/k.ts");
    repo.write("src/k.ts", JUSTIFIED); // not staged
    const { status, stdout } = repo.check("--staged", "--format", "json");
    expect(status).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { literal: string; status: string }) => `${f.literal} ${f.status}`)).toEqual([
      "1.002 unjustified",
    ]);
  });

  it("a justified change staged passes, whatever the working tree holds", () => {
    const repo = new Repo();
    repo.write("src/k.ts", PLAIN).commit("base");
    repo.write("src/k.ts", JUSTIFIED);
    repo.git("add", "src/k.ts");
    repo.write("src/k.ts", FUDGE); // not staged
    expect(repo.check("--staged").status).toBe(0);
  });

  it("works before the first commit", () => {
    const repo = new Repo();
    repo.write("src/k.ts", FUDGE);
    repo.git("add", "src/k.ts");
    expect(repo.check("--staged").status).toBe(1);
  });

  it("takes no --base", () => {
    const repo = new Repo();
    repo.write("src/k.ts", PLAIN).commit("base");
    const { status, stderr } = repo.check("--staged", "--base", "HEAD");
    expect(status).toBe(2);
    expect(stderr).toContain("--staged checks the index against HEAD");
  });

  it("the pre-commit hook definition runs exactly that command", () => {
    const hooks = readFileSync(join(dirname(CLI), "../../.pre-commit-hooks.yaml"), "utf8");
    expect(hooks).toContain("entry: no-patch check --staged");
    expect(hooks).toContain("language: node");
    expect(hooks).toContain("pass_filenames: false");
  });
});
