// Start-up: `no-patch check` on a change that touches no source file and on a one-line
// TypeScript change, as ratios to a bare `node -e 0` in the same run (means of 15 runs each).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../dist/cli/bin.js", import.meta.url));
const RUNS = 15;
const env = { ...process.env, GIT_AUTHOR_NAME: "b", GIT_AUTHOR_EMAIL: "b@b", GIT_COMMITTER_NAME: "b", GIT_COMMITTER_EMAIL: "b@b" };

function repo(files) {
  const dir = mkdtempSync(join(tmpdir(), "no-patch-startup-"));
  const git = (...args) => execFileSync("git", args, { cwd: dir, env });
  git("init", "-q", "-b", "main");
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "README.md"), "# notes\n");
  writeFileSync(join(dir, "src/k.ts"), "export const k = (x: number) => x;\n");
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

function mean(command, args, cwd) {
  spawnSync(command, args, { cwd }); // warm the file cache
  const start = process.hrtime.bigint();
  for (let i = 0; i < RUNS; i++) spawnSync(command, args, { cwd, env });
  return Number(process.hrtime.bigint() - start) / 1e6 / RUNS;
}

const markdown = repo({ "README.md": "# notes\n\nmore\n" });
const typescript = repo({ "src/k.ts": "export const k = (x: number) => x * 1.002;\n" });
try {
  const bare = mean(process.execPath, ["-e", "0"], markdown);
  const noSource = mean(process.execPath, [CLI, "check"], markdown);
  const oneLine = mean(process.execPath, [CLI, "check"], typescript);
  console.log(
    `start-up: node -e 0 ${bare.toFixed(0)} ms; no source file changed ${noSource.toFixed(0)} ms (${(noSource / bare).toFixed(1)}x, target <= 3x); one-line TS change ${oneLine.toFixed(0)} ms (${(oneLine / bare).toFixed(1)}x, target <= 6x)`,
  );
  const checks = [
    ["a change with no source file <= 3x node -e 0", noSource / bare <= 3],
    ["a one-line TypeScript change <= 6x node -e 0", oneLine / bare <= 6],
  ];
  for (const [label, ok] of checks) console.log(`${ok ? "met   " : "MISSED"} ${label}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  rmSync(markdown, { recursive: true, force: true });
  rmSync(typescript, { recursive: true, force: true });
}
