/**
 * Adoption mode (requireTag: false) measured on a labelled set of literals from the history of
 * public scientific repositories (bench/labelled/adoption.json): for each, the commit's change
 * to that file is analysed as a pull request would be, and the literal's finding is compared
 * with the label a careful reviewer gave it ("block": an unexplained new factor or retune;
 * "pass": explained, a known value, or not a quantity). Prints recall and precision of blocking
 * per language.
 *
 *   node bench/adoption.mjs [--repos DIR] [--labels FILE] [--policy init] [--verbose]
 *
 * `--labels bench/labelled/heldout.json`: literals sampled at random after the rules were
 * designed (a held-out check that they generalise), labelled before the check was run on them.
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
  needsText,
  proposeIgnores,
  validateConfig,
} from "../dist/core/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const reposDir = args.includes("--repos") ? args[args.indexOf("--repos") + 1] : join(here, ".repos");
const verbose = args.includes("--verbose");
const labelFile = args.includes("--labels") ? args[args.indexOf("--labels") + 1] : join(here, "labelled", "adoption.json");
const labels = JSON.parse(readFileSync(labelFile, "utf8"));
const adoptionPolicy = args.includes("--policy") && args[args.indexOf("--policy") + 1] === "init";
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
 */
const policies = new Map();
function policyFor(repo, dir) {
  if (!adoptionPolicy) return config;
  let policy = policies.get(repo);
  if (policy) return policy;
  const defaults = validateConfig({});
  const select = createFileSelector(defaults);
  const paths = execFileSync("git", ["--git-dir", dir, "ls-tree", "-r", "--name-only", "HEAD"], { encoding: "utf8", maxBuffer: 1 << 28 })
    .split("\n")
    .filter(Boolean);
  const files = paths.map((path) => (select(path).read && needsText(path) ? { path, text: show(dir, `HEAD:${path}`) } : { path }));
  const proposals = proposeIgnores(files, defaults);
  policy = validateConfig({ requireTag: false, ignore: [...DEFAULT_IGNORE, ...proposals.map((p) => p.glob)] });
  if (verbose) console.log(`${repo}: ${proposals.map((p) => p.glob).join(", ") || "(nothing proposed)"}`);
  policies.set(repo, policy);
  return policy;
}

const tally = new Map();
const misses = [];
for (const entry of labels) {
  const dir = gitDir(entry.repo);
  const head = show(dir, `${entry.commit}:${entry.path}`);
  if (head === null) throw new Error(`${entry.repo}@${entry.commit}: ${entry.path} not found`);
  const base = show(dir, `${entry.commit}^:${entry.path}`);
  const analysis = analyzeChange(
    [{ path: entry.path, status: base === null ? "added" : "modified", baseText: base, headText: head }],
    policyFor(entry.repo, dir),
  );
  const finding = analysis.findings.find((f) => f.line === entry.line && f.literal === entry.literal);
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
