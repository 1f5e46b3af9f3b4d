/**
 * The analysis: a change's files in, findings and a verdict out. Pure: no git, no file
 * system, no network. The CLI, the GitHub App and the ESLint rule all come through here.
 */
import picomatch from "picomatch";
import type { Config } from "./config.js";
import { diffTexts, parseHunks, type LineChanges } from "./diff.js";
import { structuralExemption } from "./exemptions.js";
import { applyOverride, classify, type Finding, type Override, type Previous } from "./findings.js";
import { judgeJustification } from "./justification.js";
import { adapterFor } from "./languages/index.js";
import type { LanguageAdapter, LiteralSite } from "./literal.js";
import { roleOf, type Role } from "./roles.js";

export interface FileChange {
  /** Head path, relative to the repository root with `/` separators. */
  path: string;
  previousPath?: string | null;
  status: "added" | "modified" | "renamed" | "deleted";
  /** Base text; null for an added file or when not fetched. */
  baseText: string | null;
  /** Head text; null when it could not be read (the file is then unverified). */
  headText: string | null;
  /** The file's changed lines, as a patch (GitHub `files[].patch`) or already parsed. */
  patch?: string | LineChanges | null;
  binary?: boolean;
  /** Why the file could not be read, when headText is null. */
  unreadable?: string;
}

export type FileOutcome = "checked" | "ignored" | "unsupported" | "deleted" | "binary" | "unverified";

export interface FileReport {
  path: string;
  outcome: FileOutcome;
  reason: string | null;
}

export interface Analysis {
  conclusion: "success" | "failure" | "neutral";
  mode: Config["mode"];
  findings: Finding[];
  files: FileReport[];
  /** Files that could not be verified; they fail the check unless `unverified: warn`. */
  unverified: FileReport[];
  counts: Record<Finding["status"], number> & { blocking: number };
}

export interface AnalyzeOptions {
  overrides?: readonly Override[];
}

/** Does the config select this path for checking? */
export function createPathFilter(config: Config): (path: string) => boolean {
  const include = picomatch(config.paths, { dot: true });
  const exclude = config.ignore.length ? picomatch(config.ignore, { dot: true }) : () => false;
  return (path) => include(path) && !exclude(path);
}

interface SiteWithRole {
  site: LiteralSite;
  role: Role;
}

function candidates(sites: LiteralSite[], lines: Set<number> | null): SiteWithRole[] {
  const result: SiteWithRole[] = [];
  for (const site of sites) {
    if (lines && !lines.has(site.line)) continue;
    const role = roleOf(site);
    if (structuralExemption(site, role)) continue;
    result.push({ site, role });
  }
  return result;
}

/**
 * Pair each literal on an added line with what it replaced. Same line shape and position:
 * unchanged when the value is the same (reformatted), retuned when it differs. Otherwise
 * the same value and role on a removed line means the literal only moved.
 */
function pairWithBase(head: SiteWithRole[], base: SiteWithRole[]): Array<{ entry: SiteWithRole; previous: LiteralSite | null }> {
  const byShape = groupBy(base, (e) => `${e.site.shape}\u0000${e.site.ordinal}`);
  const byValue = groupBy(base, (e) => `${e.site.value}\u0000${e.role}`);
  const used = new Set<SiteWithRole>();
  const take = (list: SiteWithRole[] | undefined): SiteWithRole | undefined => {
    // Each list is consumed from the front: pairing stays linear in the number of literals.
    while (list && list.length > 0) {
      const candidate = list.shift()!;
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
    return undefined;
  };
  const firstPass = head.map((entry) => ({ entry, match: take(byShape.get(`${entry.site.shape}\u0000${entry.site.ordinal}`)) }));
  const result: Array<{ entry: SiteWithRole; previous: LiteralSite | null }> = [];
  for (const { entry, match } of firstPass) {
    if (match) {
      if (match.site.value !== entry.site.value) result.push({ entry, previous: match.site });
      continue; // same place, same value: reformatted, not new
    }
    if (take(byValue.get(`${entry.site.value}\u0000${entry.role}`))) continue; // moved, not new
    result.push({ entry, previous: null });
  }
  return result;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A change whose added lines hold no digit adds no literal: the file need not be parsed. */
function anyLineHasDigit(text: string, lines: Set<number>): boolean {
  if (lines.size === 0) return false;
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (lines.has(line) && /\d/.test(text.slice(start, end))) return true;
    line++;
    start = end + 1;
  }
  return false;
}

function changedLines(change: FileChange): LineChanges {
  if (change.patch && typeof change.patch !== "string") return change.patch;
  if (typeof change.patch === "string" && change.patch.length > 0) return parseHunks(change.patch);
  return diffTexts(change.baseText, change.headText);
}

/** Findings for one file of a change; an added file with no patch and no base is checked whole. */
export function analyzeFile(change: FileChange, config: Config, adapter: LanguageAdapter, options: AnalyzeOptions = {}): Finding[] {
  const overrides = options.overrides ?? [];
  if (change.status === "added" && !change.patch && change.baseText === null) {
    return candidates(adapter.extract(change.path, change.headText ?? ""), null).map(({ site, role }) =>
      classify(change.path, site, role, null, config, adapter, overrides),
    );
  }
  const lines = changedLines(change);
  if (!anyLineHasDigit(change.headText ?? "", lines.added)) return [];
  const head = candidates(adapter.extract(change.path, change.headText ?? ""), lines.added);
  if (head.length === 0) return [];
  const base =
    change.baseText !== null && lines.removed.size > 0
      ? candidates(adapter.extract(change.previousPath ?? change.path, change.baseText), lines.removed)
      : [];
  return pairWithBase(head, base).map(({ entry, previous }) => {
    const prev: Previous | null = previous
      ? { site: previous, justification: judgeJustification(previous.comments, config).justification }
      : null;
    return classify(change.path, entry.site, entry.role, prev, config, adapter, overrides);
  });
}

/** Check every literal of whole files (CLI paths without --base; the ESLint rule). */
export function analyzeSource(path: string, text: string, config: Config, options: AnalyzeOptions = {}): Finding[] {
  const adapter = adapterFor(path);
  if (!adapter) return [];
  return analyzeFile({ path, status: "added", baseText: null, headText: text }, config, adapter, options);
}

export function analyzeChange(changes: readonly FileChange[], config: Config, options: AnalyzeOptions = {}): Analysis {
  const selected = createPathFilter(config);
  const files: FileReport[] = [];
  const findings: Finding[] = [];
  let considered = 0;
  for (const change of changes) {
    const path = change.path;
    if (change.status === "deleted") {
      files.push({ path, outcome: "deleted", reason: "deleted files add nothing" });
      continue;
    }
    if (change.binary) {
      files.push({ path, outcome: "binary", reason: "binary file" });
      continue;
    }
    if (!selected(path)) {
      files.push({ path, outcome: "ignored", reason: "not selected by paths/ignore" });
      continue;
    }
    const adapter = adapterFor(path);
    if (!adapter) {
      files.push({ path, outcome: "unsupported", reason: "no language adapter for this file type" });
      continue;
    }
    considered++;
    if (considered > config.limits.maxFiles) {
      files.push({
        path,
        outcome: "unverified",
        reason: `beyond the limit of ${config.limits.maxFiles} files per change (limits.maxFiles)`,
      });
      continue;
    }
    if (change.headText === null) {
      files.push({ path, outcome: "unverified", reason: change.unreadable ?? "the file could not be read" });
      continue;
    }
    const size = Math.max(Buffer.byteLength(change.headText, "utf8"), change.baseText ? Buffer.byteLength(change.baseText, "utf8") : 0);
    if (size > config.limits.maxFileBytes) {
      files.push({
        path,
        outcome: "unverified",
        reason: `${size} bytes is over the limit of ${config.limits.maxFileBytes} bytes (limits.maxFileBytes)`,
      });
      continue;
    }
    try {
      findings.push(...analyzeFile(change, config, adapter, options));
    } catch (error) {
      // Hostile input (say, nesting deep enough to exhaust the parser's stack) is not passed:
      // the file is unverified, which fails the check unless `unverified: warn`.
      const why =
        error instanceof RangeError
          ? "too deeply nested to parse"
          : `could not be analysed (${error instanceof Error ? error.message : String(error)})`;
      files.push({ path, outcome: "unverified", reason: `the file is ${why}` });
      continue;
    }
    files.push({ path, outcome: "checked", reason: null });
  }
  return summarise(findings, files, config);
}

export function summarise(findings: Finding[], files: FileReport[], config: Config): Analysis {
  const counts = {
    unjustified: 0,
    untagged: 0,
    weak: 0,
    retuned: 0,
    justified: 0,
    "known-constant": 0,
    allowed: 0,
    overridden: 0,
    blocking: 0,
  };
  for (const finding of findings) {
    counts[finding.status]++;
    if (finding.blocking) counts.blocking++;
  }
  const unverified = files.filter((f) => f.outcome === "unverified");
  const failing = counts.blocking > 0 || (unverified.length > 0 && config.unverified === "fail");
  const conclusion = !failing ? "success" : config.mode === "warn" ? "neutral" : "failure";
  return { conclusion, mode: config.mode, findings, files, unverified, counts };
}

/** The analysis with maintainers' exceptions applied to its blocking findings. */
export function withOverrides(analysis: Analysis, overrides: readonly Override[], config: Config): Analysis {
  if (overrides.length === 0) return analysis;
  const findings = analysis.findings.map((f) => (f.blocking ? applyOverride(f, overrides) : f));
  return summarise(findings, analysis.files, config);
}
