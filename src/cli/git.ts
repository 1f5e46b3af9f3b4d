/** The CLI's only window on git: run it as a subprocess, never through a shell. */
import { spawnSync } from "node:child_process";
import { UsageError } from "./errors.js";

const MAX_OUTPUT = 1024 * 1024 * 1024;

function git(cwd: string, args: string[], input?: string): Buffer {
  const result = spawnSync("git", ["-c", "core.quotePath=false", ...args], {
    cwd,
    input,
    maxBuffer: MAX_OUTPUT,
    env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === "ENOENT"
        ? "git was not found on PATH; no-patch check needs git to read the change."
        : `git could not run: ${result.error.message}`,
    );
  }
  if (result.status !== 0) {
    const stderr = result.stderr.toString("utf8").trim().split("\n")[0] ?? "";
    throw new GitFailure(args, stderr);
  }
  return result.stdout;
}

export class GitFailure extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(`git ${args[0]} failed: ${stderr}`);
    this.name = "GitFailure";
  }
}

export function repositoryRoot(cwd: string): string {
  try {
    return git(cwd, ["rev-parse", "--show-toplevel"]).toString("utf8").trim();
  } catch (error) {
    if (error instanceof GitFailure) {
      throw new UsageError(
        `${cwd} is not inside a git repository. Run no-patch check from a repository's working tree, or pass files without --base to check them whole.`,
      );
    }
    throw error;
  }
}

/** Resolve a ref to a commit id, or explain that it does not exist. */
export function resolveCommit(root: string, ref: string, flag: string): string {
  if (ref.startsWith("-")) throw new UsageError(`${flag} ${JSON.stringify(ref)} is not a git ref.`);
  try {
    return git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`])
      .toString("utf8")
      .trim();
  } catch (error) {
    if (error instanceof GitFailure) {
      throw new UsageError(
        `${flag} ${ref}: no such commit in this repository. Check the name (git log --oneline), or fetch it first (in CI, a shallow clone may need fetch-depth: 0).`,
      );
    }
    throw error;
  }
}

/** `git diff` of base against head, the index (`--cached`) or the working tree (null), limited to pathspecs. */
export function diffText(root: string, base: string, head: string | null, pathspecs: string[]): string {
  const args = ["diff", "--no-color", "--no-ext-diff", "--no-textconv", "-M", "--unified=0"];
  if (head === "--cached") args.push("--cached", base);
  else {
    args.push(base);
    if (head) args.push(head);
  }
  args.push("--", ...pathspecs);
  return git(root, args).toString("utf8");
}

export interface Blob {
  spec: string;
  /** null when the object does not exist. */
  content: Buffer | null;
  size: number;
}

/**
 * Read many `rev:path` objects with one `git cat-file --batch` process. Objects larger
 * than `maxBytes` are reported by size and not kept.
 */
export function readBlobs(root: string, specs: string[], maxBytes: number): Map<string, Blob> {
  const result = new Map<string, Blob>();
  if (specs.length === 0) return result;
  // Newlines cannot appear in a batch line; such a path is read as missing.
  const safe = specs.filter((spec) => !spec.includes("\n"));
  const output = git(root, ["cat-file", "--batch"], safe.map((s) => s + "\n").join(""));
  let at = 0;
  for (const spec of safe) {
    const newline = output.indexOf(10, at);
    const header = output.subarray(at, newline).toString("utf8");
    at = newline + 1;
    const parts = header.split(" ");
    if (parts[parts.length - 1] === "missing" || parts[1] !== "blob") {
      result.set(spec, { spec, content: null, size: 0 });
      continue;
    }
    const size = Number(parts[2]);
    result.set(spec, { spec, content: size > maxBytes ? null : output.subarray(at, at + size), size });
    at += size + 1;
  }
  return result;
}

/** Commits that touched a path, newest first, from `start`: id and committer date (ISO 8601). */
export function commitsTouching(root: string, start: string, path: string, depth: number): Array<{ commit: string; date: string }> {
  if (depth <= 0) return [];
  try {
    const out = git(root, ["log", `-n${depth}`, "--format=%H%x09%cI", start, "--", path]).toString("utf8");
    return out
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [commit = "", date = ""] = line.split("\t");
        return { commit, date };
      });
  } catch (error) {
    if (error instanceof GitFailure) return []; // a repository without commits: no history
    throw error;
  }
}

/** The files git tracks in the working tree, relative to the root with `/` separators. */
export function trackedFiles(root: string): string[] {
  return git(root, ["ls-files", "-z", "--cached"])
    .toString("utf8")
    .split("\0")
    .filter((path) => path !== "");
}
