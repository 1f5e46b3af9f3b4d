/** `no-patch check`: gather a local change from git, run the core, report. */
import { existsSync, readFileSync, readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { analyze, type Analysis, type FileChange } from "../core/analyze.js";
import { CONFIG_PATH, parseConfig, type Config } from "../core/config.js";
import { parseUnifiedDiff } from "../core/diff.js";
import { createFileSelector, generatedGlobs } from "../core/file-selector.js";
import { applyHistories, fileHistories, tracedFindings, type FileVersion, type ValueChange } from "../core/history.js";
import { UsageError } from "./errors.js";
import { commitsTouching, diffText, GitFailure, readBlobs, repositoryRoot, resolveCommit } from "./git.js";

export interface CheckOptions {
  base?: string;
  head?: string;
  /** Judge what is staged for commit: the index against HEAD (pre-commit hooks). */
  staged?: boolean;
  /** Files judged so far, of how many (a progress display on a terminal). */
  onProgress?: (done: number, total: number) => void;
  config?: string;
  paths: string[];
  cwd: string;
}

export interface CheckResult {
  analysis: Analysis;
  /** Head texts by repository path, for the text report's source lines. */
  sources: Map<string, string>;
  /** Where the policy came from, for the report. */
  configSource: string;
}

/** Git's empty tree: the base of everything staged before the first commit. */
const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

const toRepoPath = (path: string): string => path.split(sep).join("/");

function readConfigFile(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read the configuration file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    );
  }
  return parseConfig(text, file);
}

/**
 * The policy: `--config FILE`, else `.github/no-patch.yml` as it stands on the base commit
 * (so a change cannot relax the check that judges it), else in the working tree when
 * whole files are checked; defaults when there is none.
 */
function loadConfig(options: CheckOptions, root: string | null, baseCommit: string | null): { config: Config; source: string } {
  if (options.config) return { config: readConfigFile(resolve(options.cwd, options.config)), source: options.config };
  if (root && baseCommit) {
    const blob = readBlobs(root, [`${baseCommit}:${CONFIG_PATH}`], 1_000_000).get(`${baseCommit}:${CONFIG_PATH}`);
    if (blob?.content)
      return {
        config: parseConfig(blob.content.toString("utf8"), `${CONFIG_PATH} at ${options.base}`),
        source: `${CONFIG_PATH} at ${options.base}`,
      };
    return { config: parseConfig("", "defaults"), source: `defaults (no ${CONFIG_PATH} at ${options.base})` };
  }
  const local = join(root ?? options.cwd, CONFIG_PATH);
  if (existsSync(local)) return { config: readConfigFile(local), source: CONFIG_PATH };
  return { config: parseConfig("", "defaults"), source: "defaults" };
}

/** A file's text. NUL bytes are kept: the core reports such a file unverified, never skips it. */
const decode = (buffer: Buffer): string => buffer.toString("utf8");

function tooLarge(path: string, size: number, config: Config): never {
  throw new UsageError(
    `${path} is ${size} bytes, over the limit of ${config.limits.maxFileBytes} bytes (limits.maxFileBytes). ` +
      `no-patch does not skip files silently: exclude it with an ignore glob, or raise limits.maxFileBytes (at most 10000000).`,
  );
}

function readWorkingFile(root: string, path: string, config: Config): string {
  const full = join(root, path);
  let size: number;
  try {
    size = statSync(full).size;
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  if (size > config.limits.maxFileBytes) tooLarge(path, size, config);
  try {
    return decode(readFileSync(full));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

/** Check what the head adds relative to a base commit. */
async function checkDiff(options: CheckOptions, root: string): Promise<CheckResult> {
  const baseCommit = options.base === EMPTY_TREE ? EMPTY_TREE : resolveCommit(root, options.base!, "--base");
  // Where head texts are read: a commit (`sha:path`), the index (`:path`), or the working tree (null).
  const headCommit = options.staged ? "" : options.head ? resolveCommit(root, options.head, "--head") : null;
  const { config, source } = loadConfig(options, root, baseCommit);
  const pathspecs = options.paths.map((p) => toRepoPath(relative(root, resolve(options.cwd, p))) || ".");
  let diff: string;
  try {
    diff = diffText(root, baseCommit, options.staged ? "--cached" : headCommit, pathspecs);
  } catch (error) {
    if (error instanceof GitFailure) throw new UsageError(`git diff failed: ${error.stderr}`);
    throw error;
  }
  const files = parseUnifiedDiff(diff);
  // .gitattributes as it stands on the base, like the policy: a change cannot mark itself generated.
  const gitattributes =
    readBlobs(root, [`${baseCommit}:.gitattributes`], 1_000_000)
      .get(`${baseCommit}:.gitattributes`)
      ?.content?.toString("utf8") ?? null;
  const select = createFileSelector(config, { generated: generatedGlobs(gitattributes) });
  // Only files the policy selects are read: an ignored file is never opened, however large. A file
  // git calls binary, or a link, is read all the same (SPEC section 3).
  const relevant = new Set(files.filter((f) => f.newPath && f.status !== "deleted" && select(f.newPath).read));
  const specs: string[] = [];
  for (const file of relevant) {
    if (file.oldPath && file.status !== "added") specs.push(`${baseCommit}:${file.oldPath}`);
    if (headCommit !== null) specs.push(`${headCommit}:${file.newPath}`);
  }
  const blobs = readBlobs(root, specs, config.limits.maxFileBytes);
  /** A blob's text; an object over the size limit is an error, never a silent skip. */
  const blobText = (spec: string, label: string): string | null => {
    const blob = blobs.get(spec);
    if (blob && blob.content === null && blob.size > config.limits.maxFileBytes) tooLarge(label, blob.size, config);
    return blob?.content ? decode(blob.content) : null;
  };
  const sources = new Map<string, string>();
  const changes: FileChange[] = files.map((file) => {
    const path = file.newPath ?? file.oldPath ?? "";
    const change: FileChange = {
      path,
      previousPath: file.oldPath,
      status: file.status,
      baseText: null,
      headText: null,
      patch: { added: file.added, removed: file.removed, numbers: file.numbers },
      binary: file.binary,
      symlink: file.symlink,
    };
    if (!relevant.has(file)) return change;
    if (file.symlink) {
      const target = linkTarget(root, path, headCommit, blobs, config);
      change.headText = target.text;
      if (target.problem) change.unreadable = target.problem;
      if (target.text !== null) sources.set(path, target.text);
      return change;
    }
    if (file.oldPath && file.status !== "added") change.baseText = blobText(`${baseCommit}:${file.oldPath}`, `${file.oldPath} (at --base)`);
    if (headCommit !== null) {
      change.headText = blobText(`${headCommit}:${path}`, path);
      if (change.headText === null) throw new UsageError(`cannot read ${path} at ${options.staged ? "the index" : options.head}.`);
    } else {
      change.headText = readWorkingFile(root, path, config);
    }
    sources.set(path, change.headText);
    return change;
  });
  const warnings: string[] = [];
  if (options.config) {
    const policyPath = toRepoPath(relative(root, resolve(options.cwd, options.config)));
    if (files.some((f) => f.newPath === policyPath || f.oldPath === policyPath)) {
      warnings.push(`the policy file ${policyPath} (--config) is edited by this change: the change is judged by a policy it wrote itself`);
    }
  }
  const analysis = await analyze(changes, config, { gitattributes, warnings, onProgress: options.onProgress });
  return { analysis: readHistories(root, analysis, headCommit || "HEAD", sources, config), sources, configSource: source };
}

/**
 * The earlier values of every retuned literal, from `git log` of its file up to the head (the
 * working tree's and the index's history is HEAD's): one log and one batch read per file.
 */
function readHistories(root: string, analysis: Analysis, start: string, sources: Map<string, string>, config: Config): Analysis {
  const traced = tracedFindings(analysis);
  if (traced.length === 0 || config.history.depth === 0) return analysis;
  const histories = new Map<string, ValueChange[]>();
  for (const path of new Set(traced.map((f) => f.path))) {
    const headText = sources.get(path);
    if (headText === undefined) continue;
    const commits = commitsTouching(root, start, path, config.history.depth);
    const blobs = readBlobs(
      root,
      commits.map((c) => `${c.commit}:${path}`),
      config.limits.maxFileBytes,
    );
    const versions: FileVersion[] = commits.map(({ commit, date }) => {
      const content = blobs.get(`${commit}:${path}`)?.content;
      return { commit, date, text: content ? decode(content) : null };
    });
    for (const [place, history] of fileHistories(
      traced.filter((f) => f.path === path),
      headText,
      versions,
    ))
      histories.set(place, history);
  }
  return applyHistories(analysis, histories, config);
}

/**
 * A symbolic link's target, read as the file's text, only inside the repository: a link to
 * `/etc/passwd` or `../../secret` is not followed (the file is then unverified).
 */
function linkTarget(
  root: string,
  path: string,
  headCommit: string | null,
  blobs: Map<string, { content: Buffer | null }>,
  config: Config,
): { text: string | null; problem?: string } {
  let target: string;
  try {
    target = headCommit !== null ? (blobs.get(`${headCommit}:${path}`)?.content?.toString("utf8") ?? "") : readlinkSync(join(root, path));
  } catch {
    return { text: null, problem: "a symbolic link that could not be read" };
  }
  const resolved = posix.normalize(posix.join(posix.dirname(path), target.trim()));
  if (target.trim() === "" || posix.isAbsolute(target.trim()) || resolved.startsWith("../") || resolved === "..") {
    return { text: null, problem: `a symbolic link to ${JSON.stringify(target.trim())}, outside the repository: not followed` };
  }
  if (headCommit !== null) {
    const blob = readBlobs(root, [`${headCommit}:${resolved}`], config.limits.maxFileBytes).get(`${headCommit}:${resolved}`);
    if (!blob?.content) return { text: null, problem: `a symbolic link to ${resolved}, which could not be read at the head` };
    return { text: decode(blob.content) };
  }
  try {
    const real = realpathSync(join(root, resolved));
    if (!real.startsWith(realpathSync(root) + sep))
      return { text: null, problem: `a symbolic link to ${resolved}, which leads outside the repository: not followed` };
  } catch {
    return { text: null, problem: `a symbolic link to ${resolved}, which does not exist` };
  }
  return { text: readWorkingFile(root, resolved, config) };
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === ".git" || entry.name === "node_modules") continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

/** Check every literal of the named files (no --base); every file named or found gets an outcome. */
async function checkFiles(options: CheckOptions, root: string | null): Promise<CheckResult> {
  const { config, source } = loadConfig(options, root, null);
  const anchor = root ?? options.cwd;
  const files: string[] = [];
  for (const given of options.paths) {
    const full = isAbsolute(given) ? given : resolve(options.cwd, given);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new UsageError(`cannot read ${given}: no such file or directory.`);
    }
    if (stat.isDirectory()) walk(full, files);
    else files.push(full);
  }
  const attributesFile = join(anchor, ".gitattributes");
  const gitattributes = existsSync(attributesFile) ? readFileSync(attributesFile, "utf8") : null;
  const select = createFileSelector(config, { generated: generatedGlobs(gitattributes) });
  const sources = new Map<string, string>();
  const changes: FileChange[] = [];
  for (const full of files) {
    const path = toRepoPath(relative(anchor, full));
    // As in the diff mode, a file the policy does not select is listed with its outcome, never opened.
    const text = select(path).read ? readWorkingFile(anchor, path, config) : null;
    if (text !== null) sources.set(path, text);
    changes.push({ path, status: "added", baseText: null, headText: text, binary: text?.includes("\u0000") ?? false });
  }
  return { analysis: await analyze(changes, config, { gitattributes, onProgress: options.onProgress }), sources, configSource: source };
}

/** `no-patch check`: the local change (or the named files), analysed under the right policy. */
export async function checkRepository(options: CheckOptions): Promise<CheckResult> {
  if (options.staged && (options.head || options.base))
    throw new UsageError("--staged checks the index against HEAD: it takes no --base or --head.");
  if (options.staged) {
    const root = repositoryRoot(options.cwd);
    // Before the first commit there is no HEAD: everything staged is new (git's empty tree).
    let base = EMPTY_TREE;
    try {
      base = resolveCommit(root, "HEAD", "HEAD");
    } catch {
      // no commit yet
    }
    return checkDiff({ ...options, base }, root);
  }
  if (options.head && !options.base) throw new UsageError("--head needs --base: name the commit the change is measured against.");
  if (!options.base && options.paths.length > 0) {
    let root: string | null = null;
    try {
      root = repositoryRoot(options.cwd);
    } catch {
      root = null; // whole-file checks work outside a repository too
    }
    return checkFiles(options, root);
  }
  const root = repositoryRoot(options.cwd);
  // No --base and no paths: the uncommitted change against HEAD (what a pre-commit hook wants).
  return checkDiff({ ...options, base: options.base ?? "HEAD" }, root);
}
