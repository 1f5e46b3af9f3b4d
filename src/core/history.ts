/**
 * A value's history (issue 10): the case study's signature was one coefficient retuned again
 * and again while the physics was missing. Given earlier versions of a file, newest first,
 * this finds the value that stood at a retuned literal's place in each, and lists the earlier
 * values with the commit that wrote each. "The same place" is the literal's anchor, the same
 * structure that tells a retune from a new value (SPEC section 3). Pure: callers read the
 * versions (`git log`, the GitHub API) and pass them in.
 */
import { summarise, type Analysis } from "./analyze.js";
import type { Config } from "./config.js";
import { severityOf, type Finding } from "./findings.js";
import { loadedAdapter, languageOf } from "./languages/index.js";
import { SourceFile, type Literal } from "./source-file.js";

/** One version of a file: its text after `commit`. */
export interface FileVersion {
  commit: string;
  /** ISO 8601 date of the commit. */
  date: string;
  /** Null when the file did not exist at that commit: the history ends there. */
  text: string | null;
}

/** An earlier value at the literal's place, and the commit that wrote it. */
export interface ValueChange {
  literal: string;
  value: number;
  commit: string;
  date: string;
}

/** How a history bears on the finding under the policy's `history` keys. */
export interface HistoryVerdict {
  /** Changes of the value inside the window, this change included. */
  retunes: number;
  /** The policy's limit was reached: the finding blocks even when justified. */
  exceeded: boolean;
}

function sourceOf(path: string, text: string): SourceFile | null {
  const language = languageOf(path);
  const adapter = language && loadedAdapter(language);
  if (!adapter) return null;
  try {
    return new SourceFile(text, adapter.extract(path, text));
  } catch {
    return null;
  }
}

/** The literal at the same place in another version: same statement structure and path, else same declared name and path. */
function samePlace(target: Literal, file: SourceFile): Literal | undefined {
  const anchor = target.site.anchor;
  const near = (a: Literal, b: Literal) => (Math.abs(a.line - target.line) <= Math.abs(b.line - target.line) ? a : b);
  const exact = file.literals.filter((l) => l.site.anchor.statement === anchor.statement && l.site.anchor.path === anchor.path);
  if (exact.length > 0) return exact.reduce(near);
  if (anchor.identity === null) return undefined;
  const named = file.literals.filter((l) => l.site.anchor.identity === anchor.identity && l.site.anchor.path === anchor.path);
  return named.length > 0 ? named.reduce(near) : undefined;
}

/**
 * The earlier values of the finding's literal, newest first: each distinct value that stood
 * at its place before, with the oldest commit of its run (the one that wrote it). `versions`
 * are the file after each commit that touched it, newest first, starting before the change
 * (the base) or at the head (a commit's own version repeats the current value and is skipped).
 */
export function valueHistory(finding: Finding, headText: string, versions: readonly FileVersion[]): ValueChange[] {
  return fileHistories([finding], headText, versions).get(placeOf(finding)) ?? [];
}

/**
 * The histories of several findings of one file, by place (`placeOf`): the head and each
 * earlier version are parsed once, however many of its literals are traced.
 */
export function fileHistories(
  findings: readonly Finding[],
  headText: string,
  versions: readonly FileVersion[],
): Map<string, ValueChange[]> {
  const result = new Map<string, ValueChange[]>();
  const path = findings[0]?.path;
  const head = path === undefined ? null : sourceOf(path, headText);
  if (!head || path === undefined) return result;
  const parsed = new Map<number, SourceFile | null>();
  const versionFile = (index: number): SourceFile | null => {
    if (!parsed.has(index)) parsed.set(index, versions[index]!.text === null ? null : sourceOf(path, versions[index]!.text!));
    return parsed.get(index)!;
  };
  for (const finding of findings) {
    const target = head.literals.find((l) => l.line === finding.line && l.column === finding.column);
    if (target) result.set(placeOf(finding), trace(target, versions, versionFile));
  }
  return result;
}

/** Walk back through the versions from a literal, following its place. */
function trace(target: Literal, versions: readonly FileVersion[], versionFile: (index: number) => SourceFile | null): ValueChange[] {
  const changes: ValueChange[] = [];
  let current = target;
  let currentValue = target.value;
  for (let index = 0; index < versions.length; index++) {
    const version = versions[index]!;
    const file = versionFile(index);
    const found = file && samePlace(current, file);
    if (!found) break;
    if (found.value === currentValue) {
      // The same value one commit further back: it was written earlier than we thought.
      const last = changes.at(-1);
      if (last && last.value === found.value) Object.assign(last, { commit: version.commit, date: version.date });
    } else {
      changes.push({ literal: found.text, value: found.value, commit: version.commit, date: version.date });
      currentValue = found.value;
    }
    current = found;
  }
  return changes;
}

/**
 * Under `history.maxRetunes`, whether the value moved too often: this change and every earlier
 * change inside the window count (the oldest value's commit may be where the value was first
 * written, so it is not counted as a retune).
 */
export function judgeHistory(history: readonly ValueChange[], config: Config, now: Date): HistoryVerdict {
  const windowMs = config.history.windowDays * 86_400_000;
  // Each earlier value but the oldest was written by a commit that replaced the value before it.
  const dates = history.slice(0, -1).map((change) => Date.parse(change.date));
  const retunes = 1 + dates.filter((date) => Number.isFinite(date) && now.getTime() - date <= windowMs).length;
  const limit = config.history.maxRetunes;
  return { retunes, exceeded: limit !== null && retunes >= limit };
}

/** A finding with its history, blocking when the policy's retune limit is reached. */
export function withHistory(finding: Finding, history: readonly ValueChange[], config: Config, now: Date): Finding {
  if (history.length === 0) return { ...finding, history: [] };
  const verdict = judgeHistory(history, config, now);
  if (!verdict.exceeded || finding.blocking) {
    // A value retuned before is shown, even when justified: the reviewer sees it keep moving.
    const severity = finding.severity === "hidden" && history.length >= 2 ? "notice" : finding.severity;
    return { ...finding, severity, history: [...history] };
  }
  const problem = `its value moved ${verdict.retunes} times within ${config.history.windowDays} days (${historyText(finding.literal, history)}): a coefficient that keeps moving needs the missing physics, not another value`;
  return {
    ...finding,
    history: [...history],
    status: "weak",
    severity: severityOf("weak"),
    blocking: true,
    problems: [...finding.problems, problem],
  };
}

/** `0.27, was 0.30 on 2026-05-02, 0.35 on 2026-04-30`. */
export function historyText(literal: string, history: readonly ValueChange[]): string {
  return `${literal}, was ${history.map((h) => `${h.literal} on ${h.date.slice(0, 10)}`).join(", ")}`;
}

/** The values oldest first as a sparkline (▁▂▃▄▅▆▇█), the current value last. */
export function sparkline(current: number, history: readonly ValueChange[]): string {
  const values = [...history.map((h) => h.value)].reverse().concat(current);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const bars = "▁▂▃▄▅▆▇█";
  return values.map((v) => bars[high === low ? 3 : Math.round(((v - low) / (high - low)) * (bars.length - 1))]).join("");
}

/**
 * The analysis with the histories read for its findings: each finding keyed by its place
 * (`path:line:column`) gets its earlier values, and the verdict is summed up again (a retune
 * limit can make a finding blocking).
 */
export function applyHistories(
  analysis: Analysis,
  histories: ReadonlyMap<string, ValueChange[]>,
  config: Config,
  now = new Date(),
  warnings: readonly string[] = [],
): Analysis {
  if (histories.size === 0 && warnings.length === 0) return analysis;
  const findings = analysis.findings.map((f) => {
    const history = histories.get(placeOf(f));
    return history ? withHistory(f, history, config, now) : f;
  });
  return summarise(findings, analysis.files, config, analysis.unlisted, [...analysis.warnings, ...warnings]);
}

/** The key a finding's history is filed under. */
export const placeOf = (f: Pick<Finding, "path" | "line" | "column">): string => `${f.path}:${f.line}:${f.column}`;

/** The findings whose history is worth reading: a value that replaced another at its place. */
export const tracedFindings = (analysis: Analysis): Finding[] => analysis.findings.filter((f) => f.previous !== null);
