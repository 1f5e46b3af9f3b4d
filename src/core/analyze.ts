/**
 * The analysis: a change's files in, findings and a verdict out. Pure: no git, no file
 * system, no network. The CLI, the GitHub App and the ESLint rule all come through here.
 */
import type { Config } from "./config.js";
import { diffTexts, parseHunks, type LineChanges } from "./diff.js";
import { RETUNABLE_EXEMPTIONS, structuralExemption } from "./exemptions.js";
import { createFileSelector, generatedGlobs } from "./file-selector.js";
import { isUnitLabel } from "./justification.js";
import {
  applyOverride,
  classify,
  isUnitFactor,
  severityOf,
  type Finding,
  type History,
  type Override,
  type Previous,
  type Status,
} from "./findings.js";
import { judgeJustification, numbersAsValues, parseAnnotation, substance, withoutParameterDocs } from "./justification.js";
import { languageOf, loadedAdapter, loadLanguages, type Language } from "./languages/index.js";
import type { LanguageAdapter } from "./literal.js";
import { roleOf, type Role } from "./roles.js";
import { SourceFile, type Literal } from "./source-file.js";

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
  /** Git calls the file binary (a `-diff` attribute, a NUL byte): its text is read anyway, or it is unverified. */
  binary?: boolean;
  /** A symbolic link: `headText` is its target's text, checked whole, or null (unverified). */
  symlink?: boolean;
  /** Why the file could not be read, when headText is null. */
  unreadable?: string;
}

export type FileOutcome = "checked" | "ignored" | "unsupported" | "deleted" | "binary" | "unverified";

export interface FileReport {
  path: string;
  outcome: FileOutcome;
  reason: string | null;
  /** For a file the check does not read: how many numbers its added lines hold (null: unknown). */
  numbersChanged?: number | null;
}

/** Files of a change that no list names: beyond GitHub's 3000-file list, or a compare cut at 300. */
export interface Unlisted {
  /** How many; null when GitHub does not say. */
  count: number | null;
  reason: string;
}

/** What every report needs to know of the policy that judged the analysis. */
export interface ReportPolicy {
  /** The first tag: the one the fix advice tells authors to write. */
  tag: string;
  mode: Config["mode"];
  requireTag: boolean;
  minWords: number;
  requireReference: boolean;
  unverified: Config["unverified"];
  calibration: Config["calibration"];
}

export const reportPolicy = (config: Config): ReportPolicy => ({
  tag: config.tags[0] ?? "@physics",
  mode: config.mode,
  requireTag: config.requireTag,
  minWords: config.justification.minWords,
  requireReference: config.justification.requireReference,
  unverified: config.unverified,
  calibration: config.calibration,
});

export interface Analysis {
  conclusion: "success" | "failure" | "neutral";
  policy: ReportPolicy;
  findings: Finding[];
  /** Every file of the change, with what the check did with it. */
  files: FileReport[];
  /** The files that could not be verified; they fail the check unless `unverified: warn`. */
  unverified: FileReport[];
  unlisted: Unlisted | null;
  /** What a reader should know about how the check ran (a policy file the change edits). */
  warnings: string[];
  counts: Record<Status, number> & {
    blocking: number;
    /** Files not verified, the unlisted ones included (at least 1 when their count is unknown). */
    unverified: number;
  };
}

export interface AnalyzeOptions {
  unlisted?: Unlisted | null;
  /** The base's `.gitattributes`: files it marks generated or vendored are not checked. */
  gitattributes?: string | null;
  warnings?: readonly string[];
  /** Told after each file is judged: files done, files in all (for a progress display). */
  onProgress?: (done: number, total: number) => void;
}

interface Candidate {
  literal: Literal;
  role: Role;
  /** Exempt unless the change retuned it (a small exponent). */
  exemptIfNew: boolean;
}

/**
 * The literals on these lines that may need a justification. A small exponent stays a
 * candidate when `retunable`, so that pairing can see it retuned (`k ** 2` → `k ** 2.5`).
 */
function candidates(literals: readonly Literal[], lines: Set<number> | null, retunable = false): Candidate[] {
  const result: Candidate[] = [];
  for (const literal of literals) {
    if (lines && !lines.has(literal.line)) continue;
    const role = roleOf(literal);
    const exemption = structuralExemption(literal, role);
    if (exemption && !(retunable && RETUNABLE_EXEMPTIONS.has(exemption))) continue;
    result.push({ literal, role, exemptIfNew: exemption !== undefined });
  }
  return result;
}

/** A literal on an added line, and what it replaced: null when it is new. */
interface Pairing {
  entry: Candidate;
  previous: Literal | null;
}

/** Pairing keys, most specific first: a literal's exact place; its place with operators masked; its statement's name. */
const exactKey = (c: Candidate): string => `${c.literal.site.anchor.statement}|${c.literal.site.anchor.path}`;
const looseKey = (c: Candidate): string => `${c.literal.site.anchor.loose}|${c.literal.site.anchor.path}`;
const identityKey = (c: Candidate, by: "value" | "role", withOperator = false): string | null => {
  const identity = c.literal.site.anchor.identity;
  if (identity === null) return null;
  const key = `${identity}|${by === "value" ? c.literal.value : c.role}`;
  return withOperator ? `${key}|${operatorFamily(c.literal.site.anchor.operator)}` : key;
};

/** Floor division divides by the same factor as division: `floor(x / 12.0)` → `x // 12.0` is no retune. */
const operatorFamily = (operator: string | null): string | null => (operator === null ? null : operator.replace("//", "/"));

/**
 * Pair each literal on an added line with the literal it replaced, by syntactic place, never by
 * the line's text (SPEC section 3): the same place and value is unchanged (reformatted, or its
 * statement moved); the same place with another value or operator is a retune. Places are tried
 * most specific first: the statement's structure and the path in it; the same with operators
 * masked; within the statement of the same name, the same value under the same operator, then
 * under any (unchanged); the same statement assigning another name, the same value at the same
 * place in it (unchanged); on a modified line (`replaced`: head line → the base line it replaced),
 * the same value (unchanged); within the statement of the same name, the same role in order
 * (retuned), except one unit factor for another (a rewritten conversion); last, a whole line
 * that moved (its code and the value at the same position), which is unchanged. What stays
 * unpaired is new, unless another file's removed lines hold its statement (`pairAcrossFiles`).
 * Linear: each base list is consumed from the front.
 */
function pairWithBase(
  head: Candidate[],
  base: Candidate[],
  replaced: ReadonlyMap<number, number> = new Map(),
): { pairings: Pairing[]; unmatched: Candidate[] } {
  const used = new Set<Candidate>();
  const fromBase = new Set(base);
  const pairings: Pairing[] = head.map((entry) => ({ entry, previous: null }));
  const open = new Set(pairings);
  const pass = (key: (c: Candidate) => string | null, accept: (head: Candidate, base: Candidate) => boolean = () => true): void => {
    const lists = groupBy(
      base.filter((c) => !used.has(c)),
      (c) => key(c) ?? "",
    );
    for (const pairing of [...open]) {
      const k = key(pairing.entry);
      if (k === null) continue;
      const list = lists.get(k);
      while (list && list.length > 0) {
        const candidate = list.shift()!;
        if (used.has(candidate) || !accept(pairing.entry, candidate)) continue;
        used.add(candidate);
        open.delete(pairing);
        pairing.previous = candidate.literal; // unchanged ones are filtered out below
        break;
      }
    }
  };
  pass(exactKey);
  pass(looseKey);
  // The same value under the same operator first: `2 * c` is the old `2 * a`, not the old `b ** 2`.
  pass((c) => identityKey(c, "value", true));
  pass((c) => identityKey(c, "value"));
  // The same statement assigning another name (`constant_forcing = -4 * cos(4 * y)` → `f = …`):
  // the same value at the same place in it is that value kept.
  pass((c) => {
    const anchor = c.literal.site.anchor;
    return anchor.renamed === null ? null : `${anchor.renamed}|${anchor.path}|${c.literal.value}`;
  });
  // A modified line (one line of a diff replaced by one): the same value on the line it replaced
  // is that value kept, whatever was rewritten around it (`a >= 1 <= 2` → `(a >= 1) && (a <= 2)`).
  pass(
    (c) => {
      const line = c.literal.line;
      return fromBase.has(c) ? `${line}|${c.literal.value}` : `${replaced.get(line) ?? "-"}|${c.literal.value}`;
    },
    (head, base) => head.literal.value === base.literal.value && !operatorChanged(base.literal, head.literal),
  );
  // By role in order, a rewritten statement's conversion is not paired with another conversion:
  // `ns / 1e9 / 60 / 60` → `s / 3600` changed the units the statement converts, not a coefficient.
  // A statement already paired with a base statement (by its other literals) is rewritten from
  // that one: its new literals are not paired with another statement of the same name.
  const statementOf = new Map<number, number>();
  for (const p of pairings) if (p.previous) statementOf.set(p.entry.literal.site.statementStart, p.previous.site.statementStart);
  const notConversions = (head: Candidate, base: Candidate): boolean => !(isUnitFactor(head.literal) && isUnitFactor(base.literal));
  pass((c) => {
    const key = identityKey(c, "role");
    const start = c.literal.site.statementStart;
    if (key === null) return null;
    if (fromBase.has(c)) return `${key}|${start}`;
    return statementOf.has(start) ? `${key}|${statementOf.get(start)}` : null;
  }, notConversions);
  pass((c) => (!fromBase.has(c) && statementOf.has(c.literal.site.statementStart) ? null : identityKey(c, "role")), notConversions);
  // Last, a line that moved whole: the same code around the same value at the same position in it.
  pass(
    (c) => `${c.literal.shape}|${c.literal.ordinal}|${c.literal.value}`,
    (head, base) => head.literal.value === base.literal.value,
  );
  return {
    pairings: pairings.filter((p) => p.previous === null || isChanged(p.entry.literal, p.previous)),
    unmatched: base.filter((c) => !used.has(c)),
  };
}

/** A paired literal is changed when its value is, or the operator it is an operand of (both having one). */
const isChanged = (head: Literal, base: Literal): boolean =>
  (head.value !== base.value && !onlyConstantsRenamed(head, base)) || operatorChanged(base, head);

/** The numbers a literal writes: its own, or each literal of a folded expression. */
const writtenNumbers = (l: Literal): number[] =>
  l.site.folded ? l.site.parts.map((part) => Number(part.replace(/_/g, "").replace(/n$/, ""))) : [l.value];

const CALL = /[\p{L}\p{N}_$]\s*\(/u;

/**
 * A folded expression whose other parts are named constants, now written with a name the fold
 * does not know (`2.0 * Math.PI` → `2.0 * math_PI`, `2 * math.pi` → `2 * pi`), or back: the
 * value the fold sees changes, but the numbers written are the same, so nothing was retuned.
 * One known constant for another (`2 * Math.PI` → `2 * Math.E`) changed the value, as does a
 * function applied to the numbers (`Math.sqrt(1.004)` → `cbrt(1.004)`).
 */
const onlyConstantsRenamed = (head: Literal, base: Literal): boolean => {
  if (head.site.folded === base.site.folded) return false;
  if (CALL.test(head.text) || CALL.test(base.text)) return false;
  const a = writtenNumbers(head);
  const b = writtenNumbers(base);
  return a.length === b.length && a.every((value, i) => value === b[i]);
};

const operatorChanged = (base: Literal, head: Literal): boolean => {
  const from = operatorFamily(base.site.anchor.operator);
  const to = operatorFamily(head.site.anchor.operator);
  return from !== null && to !== null && from !== to;
};

/**
 * Literals still new after pairing within their file, looked for in the removed lines of the
 * change's other files (a statement moved to another file): the exact place only.
 */
function pairAcrossFiles(plans: FilePlan[]): void {
  if (!plans.some((plan) => plan.pairings.some((p) => p.previous === null))) return;
  const pool = groupBy(
    plans.flatMap((plan) => plan.unmatched().map((candidate) => ({ candidate, path: plan.path }))),
    (e) => exactKey(e.candidate),
  );
  const used = new Set<Candidate>();
  for (const plan of plans) {
    plan.pairings = plan.pairings.filter((pairing) => {
      if (pairing.previous !== null) return true;
      const match = pool.get(exactKey(pairing.entry))?.find((e) => e.path !== plan.path && !used.has(e.candidate));
      if (!match) return true;
      used.add(match.candidate);
      pairing.previous = match.candidate.literal;
      return isChanged(pairing.entry.literal, match.candidate.literal);
    });
  }
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

const sourceOf = (adapter: LanguageAdapter, path: string, text: string): SourceFile => new SourceFile(text, adapter.extract(path, text));

/** Substances of everything a file says in comments, tagged or not. */
function commentSubstances(file: SourceFile, tags: readonly string[]): Set<string> {
  const result = new Set<string>();
  for (const text of file.commentTexts()) {
    // A function doc is read without its parameter docs: editing only those is no edit of what it says of the body.
    const annotation = parseAnnotation(text, tags);
    for (const read of annotation ? [text, withoutParameterDocs(text), annotation.text] : [text, withoutParameterDocs(text)]) {
      result.add(substance(read));
      // Also with its numbers read as values (`100` and `1e2` say the same), for `isFresh`.
      result.add(substance(numbersAsValues(read)));
    }
  }
  return result;
}

/**
 * The base of a changed file, read only to pair the head's literals with what they replaced:
 * a base the grammar cannot read as a whole (a file that was broken: "fix syntax problems")
 * offers the literals the parser recovered, and one it cannot read at all (nested too deep) is
 * empty, so that the head's literals on added lines are new. Either way the base can only take
 * findings away where it holds the same value at the same place, which it then did hold.
 */
function baseSource(adapter: LanguageAdapter, path: string, text: string): SourceFile {
  try {
    return new SourceFile(text, adapter.extract(path, text, { partial: true }));
  } catch {
    return sourceOf(adapter, path, "");
  }
}

/** One file's literals on added lines, paired with what they replaced, before they are judged. */
interface FilePlan {
  path: string;
  adapter: LanguageAdapter;
  pairings: Pairing[];
  /**
   * Literals on removed lines that nothing replaced: where a statement moved to another file
   * came from. Read only when another file of the change holds a new literal.
   */
  unmatched: () => Candidate[];
  /** Null when the file is checked whole: nothing predates anything. */
  history: History | null;
}

function planFile(change: FileChange, config: Config, adapter: LanguageAdapter): FilePlan {
  const plan: FilePlan = { path: change.path, adapter, pairings: [], unmatched: () => [], history: null };
  const headText = change.headText ?? "";
  const baseText = change.baseText;
  let baseFile: SourceFile | undefined;
  const base = (): SourceFile => (baseFile ??= baseSource(adapter, change.previousPath ?? change.path, baseText ?? ""));
  if (change.status === "deleted") {
    // Its literals may have moved into another file of the change.
    if (baseText !== null) plan.unmatched = () => candidates(base().literals, null, true);
    return plan;
  }
  if (change.status === "added" && !change.patch && baseText === null) {
    plan.pairings = candidates(sourceOf(adapter, change.path, headText).literals, null).map((entry) => ({ entry, previous: null }));
    return plan;
  }
  const lines = changedLines(change);
  const removed = (): Candidate[] => (baseText !== null && lines.removed.size > 0 ? candidates(base().literals, lines.removed, true) : []);
  // A file that adds no literal may still be where a moved statement came from (its removed lines).
  plan.unmatched = removed;
  if (!anyLineHasDigit(headText, lines.added)) return plan;
  const headFile = sourceOf(adapter, change.path, headText);
  const head = candidates(headFile.literals, lines.added, true);
  if (head.length === 0) return plan;
  const paired = pairWithBase(head, removed(), lines.replaced);
  plan.pairings = paired.pairings;
  plan.unmatched = () => paired.unmatched;
  let substances: Set<string> | undefined;
  let retuned: Map<number, number> | undefined;
  let baseComments: string[] | undefined;
  // How many literals of a value a justification covers in a file: a reshaped statement keeps them, a new factor adds one.
  const counts = new Map<string, number>();
  // What justifies each literal of a value, judged once however many justifications ask.
  const justifying = new Map<Literal, string>();
  const justificationOf = (literal: Literal): string => {
    let text = justifying.get(literal);
    if (text === undefined)
      justifying.set(literal, (text = substance(judgeJustification(literal.comments, config).justification?.text ?? "")));
    return text;
  };
  const covered = (file: SourceFile, text: string, value: number): number => {
    const key = `${file === headFile ? "head" : "base"}|${value}|${text}`;
    let count = counts.get(key);
    if (count === undefined) {
      count = file.literals.filter((l) => l.value === value && justificationOf(l) === text).length;
      counts.set(key, count);
    }
    return count;
  };
  plan.history = {
    added: lines.added,
    // An added file has no past: everything in it is new, comments included.
    baseSubstances: () => (substances ??= baseText === null ? new Set() : commentSubstances(base(), config.tags)),
    // The comments the change rewrote: those holding a removed line (a comment only added has no earlier version).
    baseComments: () => (baseComments ??= baseText === null || lines.removed.size === 0 ? [] : base().commentTextsTouching(lines.removed)),
    retunes: () =>
      (retuned ??= new Map(plan.pairings.flatMap((p) => (p.previous ? [[p.entry.literal.value, p.previous.value] as const] : [])))),
    coveredBefore: (text, value) => {
      if (baseText === null) return false;
      const key = substance(text);
      return key !== "" && covered(base(), key, value) >= covered(headFile, key, value);
    },
  };
  return plan;
}

function judgeFile(plan: FilePlan, config: Config): Finding[] {
  const findings: Finding[] = [];
  for (const { entry, previous } of plan.pairings) {
    if (!previous && entry.exemptIfNew) continue;
    const prev: Previous | null = previous
      ? { literal: previous, justification: judgeJustification(previous.comments, config).justification }
      : null;
    findings.push(classify(plan.path, entry.literal, entry.role, prev, config, plan.adapter, plan.history));
  }
  return findings;
}

/** Findings for one file of a change; an added file with no patch and no base is checked whole. */
export function analyzeFile(change: FileChange, config: Config, adapter: LanguageAdapter): Finding[] {
  return flagCopiedJustifications(judgeFile(planFile(change, config, adapter), config));
}

/** The adapter for a selected file, or why the file cannot be read now. */
function adapterOf(language: Language): LanguageAdapter | string {
  return loadedAdapter(language) ?? `the ${language.name} parser was not loaded (call loadLanguages before analyzing)`;
}

/** Every literal of one whole file (the ESLint rule; tests). Its language must be loaded. */
export function analyzeSource(path: string, text: string, config: Config): Finding[] {
  const language = languageOf(path);
  if (!language) return [];
  const adapter = adapterOf(language);
  if (typeof adapter === "string") throw new Error(`${path}: ${adapter}`);
  return analyzeFile({ path, status: "added", baseText: null, headText: text }, config, adapter);
}

/**
 * The analysis of a change: every file gets an outcome, every literal its finding. Synchronous
 * and pure; the languages of the change's files must be loaded (see `analyze`).
 */
export function analyzeChange(changes: readonly FileChange[], config: Config, options: AnalyzeOptions = {}): Analysis {
  const select = createFileSelector(config, { generated: generatedGlobs(options.gitattributes) });
  const files: FileReport[] = [];
  const plans: Array<{ plan: FilePlan; report: FileReport | null }> = [];
  /** Hostile input (say, nesting deep enough to exhaust the parser's stack) is not passed: the file is unverified. */
  const unverifiable = (report: FileReport, error: unknown): void => {
    report.outcome = "unverified";
    report.reason =
      error instanceof RangeError
        ? "the file is too deeply nested to parse"
        : `the file could not be analysed (${error instanceof Error ? error.message : String(error)})`;
  };
  /** How many numbers a file the check does not read adds (a reviewer's hint where a factor could hide). */
  const numbersIn = (change: FileChange): number | null => {
    try {
      if (change.patch || change.baseText !== null || change.headText !== null) return changedLines(change).numbers ?? null;
    } catch {
      // A malformed patch of an unread file: the count is unknown.
    }
    return null;
  };
  let considered = 0;
  for (const original of changes) {
    let change = original;
    const path = change.path;
    const selection = select(path);
    if (change.status === "deleted") {
      files.push({ path, outcome: "deleted", reason: "deleted files add nothing" });
      const adapter = selection.read ? loadedAdapter(selection.language) : undefined;
      if (adapter && change.baseText !== null) {
        try {
          plans.push({ plan: planFile(change, config, adapter), report: null });
        } catch {
          // A deleted file that cannot be parsed only offers no moved literals.
        }
      }
      continue;
    }
    if (!selection.read) {
      if (change.binary) files.push({ path, outcome: "binary", reason: "binary file", numbersChanged: null });
      else files.push({ path, outcome: selection.outcome, reason: selection.reason, numbersChanged: numbersIn(change) });
      continue;
    }
    if (change.binary) {
      // A file the policy selects is never skipped because git calls it binary (SPEC section 3).
      if (change.headText === null || change.headText.includes("\u0000")) {
        files.push({
          path,
          outcome: "unverified",
          reason: "git calls it binary (a NUL byte, or a -diff attribute) and its text could not be read as source",
        });
        continue;
      }
      change = { ...change, binary: false, patch: null };
    }
    if (change.symlink) {
      // A link is checked as its target's text, whole: its own content is only a path.
      if (change.headText === null) {
        files.push({ path, outcome: "unverified", reason: change.unreadable ?? "a symbolic link whose target could not be read" });
        continue;
      }
      change = { ...change, status: "added", baseText: null, patch: null };
    }
    if (change.previousPath && change.status !== "deleted" && change.previousPath !== path && !select(change.previousPath).read) {
      // Renamed from a path the check does not read (a test, vendored code): everything in it is new.
      change = { ...change, status: "added", baseText: null, patch: null };
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
    const adapter = adapterOf(selection.language);
    if (typeof adapter === "string") {
      files.push({ path, outcome: "unverified", reason: adapter });
      continue;
    }
    const report: FileReport = { path, outcome: "checked", reason: null };
    files.push(report);
    try {
      plans.push({ plan: planFile(change, config, adapter), report });
    } catch (error) {
      unverifiable(report, error);
    }
  }
  pairAcrossFiles(plans.map((p) => p.plan));
  const findings: Finding[] = [];
  const judged = plans.filter((p) => p.report);
  judged.forEach(({ plan, report }, index) => {
    try {
      findings.push(...judgeFile(plan, config));
    } catch (error) {
      unverifiable(report!, error);
    }
    options.onProgress?.(index + 1, judged.length);
  });
  return summarise(flagCopiedJustifications(findings), files, config, options.unlisted ?? null, options.warnings ?? []);
}

/**
 * One justification copied onto unrelated values: the same text (in substance), written in two
 * comments over literals of different values, explains neither (SPEC section 2). A value is
 * related to a copy when that copy covers the same value: a block copied whole with its
 * citation is a copy of the code, and only a value one copy has and another lacks is flagged.
 * Only comments the change wrote are compared: an old comment covers nothing new anyway.
 */
function flagCopiedJustifications(findings: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.justification === null || f.stale || f.justificationLine === null || (f.status !== "justified" && f.status !== "weak")) continue;
    const key = substance(f.justification);
    // A unit label (`# km`) is written over every value in that unit: it is not a copied explanation.
    if (key === "" || isUnitLabel(f.justification)) continue;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const copied = new Map<Finding, string>();
  const placeOf = (f: Finding): string => `${f.path}:${f.justificationLine}`;
  for (const group of groups.values()) {
    // The values each comment covers: a block copied whole with its citation (a port, a built
    // copy) covers the same values at each place, and is not copied onto unrelated ones.
    const covered = new Map<string, Set<number>>();
    for (const f of group) {
      const values = covered.get(placeOf(f));
      if (values) values.add(f.value);
      else covered.set(placeOf(f), new Set([f.value]));
    }
    if (covered.size < 2) continue;
    for (const f of group) {
      const other = group.find((g) => placeOf(g) !== placeOf(f) && !covered.get(placeOf(g))!.has(f.value));
      if (other) copied.set(f, `the same justification is written over ${other.literal} at ${other.path}:${other.justificationLine}`);
    }
  }
  if (copied.size === 0) return findings;
  return findings.map((f) => {
    const problem = copied.get(f);
    if (!problem) return f;
    return { ...f, status: "weak", severity: severityOf("weak"), blocking: true, problems: [...f.problems, problem] };
  });
}

/** Load the languages a change needs, then analyse it: the shorthand for callers that can wait. */
export async function analyze(changes: readonly FileChange[], config: Config, options: AnalyzeOptions = {}): Promise<Analysis> {
  const select = createFileSelector(config, { generated: generatedGlobs(options.gitattributes) });
  await loadLanguages(changes.filter((change) => select(change.path).read).map((change) => change.path));
  return analyzeChange(changes, config, options);
}

export function summarise(
  findings: Finding[],
  files: FileReport[],
  config: Config,
  unlisted: Unlisted | null = null,
  warnings: readonly string[] = [],
): Analysis {
  const counts: Analysis["counts"] = {
    unjustified: 0,
    untagged: 0,
    weak: 0,
    retuned: 0,
    calibrated: 0,
    justified: 0,
    "known-constant": 0,
    allowed: 0,
    overridden: 0,
    blocking: 0,
    unverified: 0,
  };
  for (const finding of findings) {
    counts[finding.status]++;
    if (finding.blocking) counts.blocking++;
  }
  const unverified = files.filter((f) => f.outcome === "unverified");
  counts.unverified = unverified.length + (unlisted ? (unlisted.count ?? 1) : 0);
  const failing = counts.blocking > 0 || (counts.unverified > 0 && config.unverified === "fail");
  const conclusion = !failing ? "success" : config.mode === "warn" ? "neutral" : "failure";
  return { conclusion, policy: reportPolicy(config), findings, files, unverified, unlisted, warnings: [...warnings], counts };
}

/** The analysis with maintainers' exceptions applied to its blocking findings. */
export function withOverrides(analysis: Analysis, overrides: readonly Override[], config: Config): Analysis {
  if (overrides.length === 0) return analysis;
  return summarise(
    analysis.findings.map((f) => applyOverride(f, overrides)),
    analysis.files,
    config,
    analysis.unlisted,
    analysis.warnings,
  );
}
