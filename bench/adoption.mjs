/**
 * Adoption mode (requireTag: false) measured on a labelled set of literals from the history of
 * public scientific repositories (bench/labelled/adoption.json): for each, the commit's change
 * to that file is analysed as a pull request would be, and the literal's finding is compared
 * with the label a careful reviewer gave it ("block": an unexplained new factor or retune;
 * "pass": explained, a known value, or not a quantity). Prints recall and precision of blocking
 * per language.
 *
 *   node bench/adoption.mjs [--repos DIR] [--labels FILE[,FILE…]] [--policy init|init-at-change] [--verbose]
 *
 * `--labels bench/labelled/heldout.json`: literals sampled at random after the rules were
 * designed (a held-out check that they generalise), labelled before the check was run on them.
 * Several files (comma-separated) are pooled.
 *
 * Each literal's whole commit is analysed, as its pull request would be: a statement moved
 * from another file of the same change is seen moving.
 *
 * Repositories are read from DIR/<owner>+<name> (a bare clone or a `.git` directory), cloned
 * from GitHub on first use.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  analyzeChange,
  createFileSelector,
  DEFAULT_IGNORE,
  languageOf,
  loadLanguages,
  wantsText,
  proposeIgnores,
  validateConfig,
} from "../dist/core/index.js";
import { readBlobs } from "../dist/cli/git.js";
import { OPENING_BYTES } from "../dist/cli/init.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const reposDir = args.includes("--repos") ? args[args.indexOf("--repos") + 1] : join(here, ".repos");
const verbose = args.includes("--verbose");
const labelFiles = args.includes("--labels") ? args[args.indexOf("--labels") + 1].split(",") : [join(here, "labelled", "adoption.json")];
const labels = labelFiles.flatMap((file) => JSON.parse(readFileSync(file, "utf8")));
const adoptionPolicy = args.includes("--policy") ? args[args.indexOf("--policy") + 1] : null;
if (adoptionPolicy !== null && adoptionPolicy !== "init" && adoptionPolicy !== "init-at-change")
  throw new Error(`--policy ${adoptionPolicy}: expected init or init-at-change`);
const config = validateConfig({ requireTag: false });
await loadLanguages();

function gitDir(repo) {
  const name = repo.replace("/", "+");
  for (const candidate of [join(reposDir, name, "repo"), join(reposDir, name)]) if (existsSync(join(candidate, "HEAD"))) return candidate;
  const target = join(reposDir, name);
  mkdirSync(reposDir, { recursive: true });
  execFileSync("git", ["clone", "--quiet", "--bare", `https://github.com/${repo}.git`, target], { stdio: "inherit" });
  return target;
}

const show = (dir, spec) => {
  try {
    return execFileSync("git", ["--git-dir", dir, "show", spec], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return null;
  }
};

/**
 * `--policy init`: each repository judged with the policy `no-patch init` proposes for it
 * today (its default branch's tree), as a team adopting no-patch would commit it.
 * `--policy init-at-change`: the policy `no-patch init` proposes for the tree the change is
 * made on (its parent commit), as a team that adopted no-patch just before it would have it:
 * files moved or deleted since are still named as they were.
 */
const policies = new Map();
function policyFor(repo, dir, commit) {
  if (!adoptionPolicy) return config;
  // A root commit has no parent: the tree it creates stands for the one it is made on.
  const tree = adoptionPolicy === "init-at-change" ? (show(dir, `${commit}^`) === null ? commit : `${commit}^`) : "HEAD";
  const key = `${repo}@${tree}`;
  let policy = policies.get(key);
  if (policy) return policy;
  const defaults = validateConfig({});
  const select = createFileSelector(defaults);
  const paths = execFileSync("git", ["--git-dir", dir, "ls-tree", "-r", "--name-only", tree], { encoding: "utf8", maxBuffer: 1 << 28 })
    .split("\n")
    .filter(Boolean);
  const wanted = paths.filter((path) => wantsText(path, select(path).read));
  const texts = readOpenings(dir, tree, wanted);
  const files = paths.map((path) => (texts.has(path) ? { path, text: texts.get(path) } : { path }));
  const proposals = proposeIgnores(files, defaults);
  policy = validateConfig({ requireTag: false, ignore: [...DEFAULT_IGNORE, ...proposals.map((p) => p.glob)] });
  if (verbose) console.log(`${key}: ${proposals.map((p) => p.glob).join(", ") || "(nothing proposed)"}`);
  policies.set(key, policy);
  return policy;
}

/** The opening of many files of a tree, as `no-patch init` reads them, with the CLI's one `git cat-file --batch`. */
function readOpenings(dir, tree, paths) {
  const blobs = readBlobs(
    dir,
    paths.map((path) => `${tree}:${path}`),
    1 << 30,
  );
  const texts = new Map();
  for (const path of paths) {
    const content = blobs.get(`${tree}:${path}`)?.content;
    if (content) texts.set(path, content.subarray(0, OPENING_BYTES).toString("utf8"));
  }
  return texts;
}

/**
 * The commit's changes as its pull request would show them: every changed source file, so that
 * a statement moved to another file of the same change is seen moving (SPEC section 3).
 */
function changesOf(dir, commit, path, head) {
  let listing = "";
  try {
    listing = execFileSync(
      "git",
      ["--git-dir", dir, "diff-tree", "-r", "-M", "-z", "--no-commit-id", "--name-status", `${commit}^`, commit],
      {
        encoding: "utf8",
        maxBuffer: 1 << 28,
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
  } catch {
    // A root commit: everything in it is new.
  }
  const entries = [];
  const fields = listing.split("\0").filter(Boolean);
  for (let i = 0; i < fields.length;) {
    const status = fields[i++][0];
    const from = fields[i++];
    entries.push({ status, from, to: status === "R" || status === "C" ? fields[i++] : from });
  }
  if (!entries.some((e) => e.to === path)) entries.push({ status: "A", from: path, to: path });
  const changes = [];
  for (const { status, from, to } of entries) {
    if (to !== path && !languageOf(to) && !languageOf(from)) continue;
    const headText = to === path ? head : status === "D" ? null : show(dir, `${commit}:${to}`);
    const baseText = status === "A" || status === "C" ? null : show(dir, `${commit}^:${from}`);
    if (status === "D") changes.push({ path: from, status: "deleted", baseText, headText: null });
    else if (status === "R") changes.push({ path: to, previousPath: from, status: "renamed", baseText, headText });
    else changes.push({ path: to, status: baseText === null ? "added" : "modified", baseText, headText });
  }
  return changes;
}

const tally = new Map();
const misses = [];
for (const entry of labels) {
  const dir = gitDir(entry.repo);
  const head = show(dir, `${entry.commit}:${entry.path}`);
  if (head === null) throw new Error(`${entry.repo}@${entry.commit}: ${entry.path} not found`);
  const analysis = analyzeChange(changesOf(dir, entry.commit, entry.path, head), policyFor(entry.repo, dir, entry.commit));
  // The labelled literal, or the constant expression it is part of (`np.log(1.0 / (1.0 + 100.0))`
  // is one value, SPEC section 3: judged as a whole).
  const onLine = analysis.findings.filter((f) => f.path === entry.path && f.line === entry.line);
  const part = new RegExp(`(?<![\\w.])${entry.literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w.])`);
  const finding =
    onLine.find((f) => f.literal === entry.literal) ?? onLine.find((f) => /[\s()*/+]/.test(f.literal) && part.test(f.literal));
  // A literal the check does not report (an index, a counter) passes.
  const blocked = finding?.blocking ?? false;
  const language = languageOf(entry.path)?.id ?? "other";
  const t = tally.get(language) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
  const wanted = entry.label === "block";
  if (wanted && blocked) t.tp++;
  else if (!wanted && blocked) t.fp++;
  else if (wanted && !blocked) t.fn++;
  else t.tn++;
  tally.set(language, t);
  if (wanted !== blocked)
    misses.push({
      ...entry,
      got: finding ? `${finding.status}${finding.problems.length ? `: ${finding.problems.join("; ")}` : ""}` : "not reported",
    });
}

const ratio = (a, b) => (b === 0 ? 1 : a / b);
const rows = [...tally.entries()].map(([language, t]) => ({
  language,
  literals: t.tp + t.fp + t.fn + t.tn,
  block: t.tp + t.fn,
  recall: ratio(t.tp, t.tp + t.fn).toFixed(2),
  precision: ratio(t.tp, t.tp + t.fp).toFixed(2),
}));
const all = [...tally.values()].reduce((a, t) => ({ tp: a.tp + t.tp, fp: a.fp + t.fp, fn: a.fn + t.fn, tn: a.tn + t.tn }), {
  tp: 0,
  fp: 0,
  fn: 0,
  tn: 0,
});
rows.push({
  language: "all",
  literals: labels.length,
  block: all.tp + all.fn,
  recall: ratio(all.tp, all.tp + all.fn).toFixed(2),
  precision: ratio(all.tp, all.tp + all.fp).toFixed(2),
});
console.table(rows);
if (verbose || misses.length)
  for (const m of misses)
    console.log(
      `${m.label === "block" ? "missed" : "false alarm"}: ${m.repo} ${m.commit} ${m.path}:${m.line} ${m.literal} (${m.reason}) -> ${m.got}`,
    );
