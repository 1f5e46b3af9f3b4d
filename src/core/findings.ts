/**
 * Findings and their statuses (SPEC section 4), built from a located literal and what the
 * change did to it. One function decides a literal's status and its severity; every report
 * renders from them (`src/report`), none decides again.
 */
import type { Config } from "./config.js";
import { isPowerOfTen, valueExemption } from "./exemptions.js";
import {
  admitsFit,
  CALIBRATED_TAG,
  addedByEdit,
  editExplains,
  judgeJustification,
  numbersAsValues,
  substance,
  type Calibration,
  type Justification,
  type JustificationVerdict,
  type JudgedLiteral,
} from "./justification.js";
import { constantIdentity, matchKnownConstant, matchKnownValue, UNIT_SOURCE, type KnownConstant } from "./known-constants.js";
import type { LanguageAdapter } from "./literal.js";
import type { ValueChange } from "./history.js";
import type { Role } from "./roles.js";
import type { AttachedComment, Literal } from "./source-file.js";

export type Status =
  "unjustified" | "untagged" | "weak" | "retuned" | "calibrated" | "justified" | "known-constant" | "allowed" | "overridden";

/** Statuses that block whatever the policy; `calibrated` blocks unless `calibration: allow`. */
export const BLOCKING_STATUSES: readonly Status[] = ["unjustified", "untagged", "weak", "retuned"];
export const STATUSES: readonly Status[] = [...BLOCKING_STATUSES, "calibrated", "justified", "known-constant", "allowed", "overridden"];

/**
 * How a finding is shown, decided once: `blocking` fails the check (a warning in `mode: warn`),
 * `notice` is reported without blocking (a known constant to name, a maintainer's exception),
 * `hidden` is counted but not listed (justified and allowed values).
 */
export type Severity = "blocking" | "notice" | "hidden";

export const severityOf = (status: Status, calibration: Config["calibration"] = "review"): Severity =>
  BLOCKING_STATUSES.includes(status) || (status === "calibrated" && calibration !== "allow")
    ? "blocking"
    : status === "known-constant" || status === "overridden" || status === "calibrated"
      ? "notice"
      : "hidden";

/** A maintainer's recorded exception for one literal (granted through the GitHub App). */
export interface Override {
  path: string;
  /** The literal as written when the exception was granted; it lapses when this changes. */
  literal: string;
  /** The line's shape when granted, so the exception follows the code if lines shift. */
  shape?: string;
  line: number;
  by: string;
  at: string;
  reason: string;
}

export interface Finding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  literal: string;
  value: number;
  role: Role;
  status: Status;
  severity: Severity;
  /** `severity === "blocking"`, kept as the SPEC's JSON field. */
  blocking: boolean;
  /** The accepted or rejected justification text; null when there is none. */
  justification: string | null;
  /** Why the justification was not accepted (status `weak`). */
  problems: string[];
  /** Why the value needs no justification (status `allowed`). */
  exemption: string | null;
  /** Old source text of a retuned literal (with its operator when the operator changed: `* 0.93`). */
  previous: string | null;
  /** The operator the literal is an operand of changed at the same place (`*` → `/`): a retune. */
  operatorChange: { from: string; to: string } | null;
  /** Whether the covering justification changed along with a retuned value. */
  justificationChanged: boolean | null;
  /** Line of the comment the justification was read from; null without one. */
  justificationLine: number | null;
  /**
   * The justification predates the value: it was neither written nor edited in substance by
   * the change that added or retuned the literal, so it does not cover it (SPEC section 2).
   */
  stale: boolean;
  knownConstant: { key: string; name: string; source: string; named: string | null } | null;
  /** A declared fit (status `calibrated`, or a `weak` declaration lacking its data or range). */
  calibration: Calibration | null;
  /**
   * Earlier values at the same place, newest first, with the commit that wrote each; null when
   * the history was not read (it is read for findings with a previous value only).
   */
  history: ValueChange[] | null;
  /** A maintainer's exception, and the status it overrides. */
  override: { by: string; at: string; reason: string; status: Status } | null;
  /** Shape of the literal's line (lets an exception follow the code). */
  shape: string;
}

/** What the change did to a literal that stands on an added line. */
export interface Previous {
  literal: Literal;
  justification: Justification | null;
}

/**
 * What the change did around a new or retuned literal: which head lines it added, and what the
 * base version of the file said in comments (substances, see `substance`). Null in whole-file
 * mode, where nothing predates anything.
 */
export interface History {
  added: ReadonlySet<number>;
  /** Substances of every comment and comment block of the base file (computed on demand). */
  baseSubstances(): ReadonlySet<string>;
  /** The base file's comments and comment blocks that hold a removed line: what the change rewrote. */
  baseComments(): readonly string[];
  /** The file's retuned values, now and before (12 → 13), all pairing done. */
  retunes(): ReadonlyMap<number, number>;
  /**
   * Whether the base file already had this value under this justification as many times as the
   * head has: then the statement was reshaped (a renamed variable, a reflowed line), and the
   * unchanged comment still covers what it covered before (SPEC section 2).
   */
  coveredBefore(justification: string, value: number): boolean;
}

/**
 * Whether the change wrote or edited a justification in substance (else it predates the value).
 * An edit that only writes retuned values where their old values stood (`degree : int,
 * default=13` → `default=12`), in whatever notation (`100` → `1e2`), says nothing new: the
 * comment is also read with its numbers as values and the file's old values put back.
 */
function isFresh(justification: Justification, history: History): boolean {
  let touched = false;
  for (let line = justification.line; line <= justification.endLine && !touched; line++) touched = history.added.has(line);
  if (!touched) return false;
  const base = history.baseSubstances();
  if (base.has(substance(justification.text))) return false;
  const retunes = history.retunes();
  return retunes.size === 0 || !base.has(substance(numbersAsValues(justification.text, retunes)));
}

/**
 * Whether an edited justification's edit says something (see `editExplains`): a typo fixed, a
 * word added ("fast") or words reordered in an old comment do not make it cover a new value. A
 * new comment, and a declared fit (a refit names new data), are read whole.
 */
function editSaysMore(justification: Justification, history: History, config: Config): boolean {
  if (justification.tag?.toLowerCase() === CALIBRATED_TAG) return true;
  // One comment (a function's doc, a table's head) speaks for many literals: judged once per file.
  let judged = editsJudged.get(history);
  if (!judged) editsJudged.set(history, (judged = new Map()));
  let says = judged.get(justification.text);
  if (says === undefined) {
    // Read with the retuned values' old numbers put back: writing the new value is no edit (see `isFresh`).
    const added = addedByEdit(
      numbersAsValues(justification.text, history.retunes()),
      history.baseComments().map((text) => numbersAsValues(text)),
    );
    // As the justification itself is judged: explained when untagged in adoption mode, or always.
    const explain =
      config.justification.explain === "always" || (config.justification.explain === "untagged" && justification.tag === null);
    judged.set(justification.text, (says = added === null || editExplains(added, config.justification, explain)));
  }
  return says;
}
const editsJudged = new WeakMap<History, Map<string, boolean>>();

/** Whether the change wrote or edited this comment in substance. */
function isFreshComment(comment: AttachedComment, history: History): boolean {
  return isFresh({ tag: null, text: comment.text, line: comment.line, endLine: comment.endLine }, history);
}

/**
 * The justification of a literal the change adds or retunes, and whether it predates the value.
 * An unchanged comment covers only what it covered before (SPEC section 2): unless the base had
 * the value under it as often (a reshaped statement), a comment that predates the value is
 * stale. Then a comment the change wrote over the value (a cited function doc, a new block head)
 * is read instead; an old comment admitting calibration is never passed over.
 */
function freshVerdict(
  literal: Literal,
  previous: Previous | null,
  config: Config,
  history: History | null,
  judged: JudgedLiteral,
): { verdict: JustificationVerdict; stale: boolean } {
  const isStale = (justification: Justification | null): boolean =>
    justification !== null &&
    history !== null &&
    (!isFresh(justification, history) || !editSaysMore(justification, history, config)) &&
    !(previous === null && history.coveredBefore(justification.text, literal.value));
  const verdict = judgeJustification(literal.comments, config, judged);
  if (!isStale(verdict.justification)) return { verdict, stale: false };
  if (admitsFit(verdict)) return { verdict, stale: true };
  const fresh = literal.comments.filter((c) => isFreshComment(c, history!));
  if (fresh.length === 0 || fresh.length === literal.comments.length) return { verdict, stale: true };
  const alternative = judgeJustification(fresh, config, judged);
  const usable = alternative.justification !== null && alternative.problems.length === 0;
  return usable ? { verdict: alternative, stale: isStale(alternative.justification) } : { verdict, stale: true };
}

interface Judgement {
  status: Status;
  problems?: string[];
  exemption?: string;
}

/** Roles of a coefficient in a formula. */
const COEFFICIENT_ROLES = new Set<Role>(["scale", "offset", "exponent"]);

/** Whether a literal is one of several coefficients of a formula on its line (values other than the allowed ones). */
function inFormula(literal: Literal, role: Role, config: Config): boolean {
  if (!COEFFICIENT_ROLES.has(role)) return false;
  const coefficients = literal.onSameLine().filter((l) => !config.allowValues.includes(l.value));
  return coefficients.length >= 2;
}

/** Known constants already matched: pairing and judging ask about the same literals. */
const knownCache = new WeakMap<Literal, KnownConstant | null>();

/** The known constant a literal writes (or its expression folds to), read in its statement and comments. */
export function knownConstantOf(l: Literal): KnownConstant | undefined {
  let known = knownCache.get(l);
  if (known === undefined) {
    let text: string | undefined;
    const comments = () => (text ??= l.comments.map((c) => c.text).join("\n"));
    known =
      (l.site.folded
        ? matchKnownValue(l.value, l.site.parts, l.statementText, comments)
        : matchKnownConstant(l.text, l.value, l.statementText, comments)) ?? null;
    knownCache.set(l, known);
  }
  return known ?? undefined;
}

/**
 * A unit factor: a power of ten, or a known constant that converts units (3600 seconds per
 * hour, 21600 arcminutes per turn, `1000 * 60` milliseconds per minute).
 */
export const isUnitFactor = (l: Literal): boolean => isPowerOfTen(Math.abs(l.value)) || knownConstantOf(l)?.source === UNIT_SOURCE;

const sameIdentity = (a: string | undefined, b: string): boolean => a !== undefined && constantIdentity(a) === constantIdentity(b);

export function classify(
  path: string,
  literal: Literal,
  role: Role,
  previous: Previous | null,
  config: Config,
  adapter: LanguageAdapter,
  history: History | null = null,
): Finding {
  let knownConstant: Finding["knownConstant"] = null;
  let justificationChanged: boolean | null = null;
  let justification: Justification | null = null;
  let calibration: Calibration | null = null;
  let stale = false;
  let judgement: Judgement;

  const constant = config.knownConstants ? knownConstantOf(literal) : undefined;
  // A retune is recognised before every exemption: only a move between two writings of the same
  // known constant (3.14 → 3.14159, c in m/s → c in km/s) is not one.
  const sameConstant =
    constant && previous && config.knownConstants ? sameIdentity(knownConstantOf(previous.literal)?.key, constant.key) : false;
  if (constant && (!previous || sameConstant)) {
    knownConstant = {
      key: constant.key,
      name: constant.name,
      source: constant.source,
      named: adapter.namedForm(constant.key) ?? constant.constantName ?? null,
    };
    judgement = { status: "known-constant" };
  } else {
    // Only an untagged comment is read as a unit label (adoption mode): the formula test is for it alone.
    const judged = { inFormula: !config.requireTag && inFormula(literal, role, config) };
    const fresh = freshVerdict(literal, previous, config, history, judged);
    const verdict = fresh.verdict;
    stale = fresh.stale;
    justification = verdict.justification;
    calibration = verdict.calibration;
    if (previous) justificationChanged = substance(previous.justification?.text ?? "") !== substance(justification?.text ?? "");
    // Retuned under a justification the change did not edit in substance (only the value's digits in it, say).
    if (previous && (!justificationChanged || stale)) judgement = { status: "retuned" };
    else {
      const accepted = justification !== null && !stale && verdict.problems.length === 0 && (!verdict.untagged || !config.requireTag);
      const exemption = accepted || previous ? undefined : valueExemption(literal, role, config);
      if (accepted) judgement = { status: calibration ? "calibrated" : "justified" };
      else if (exemption) judgement = { status: "allowed", exemption };
      else if (justification === null || stale) judgement = { status: "unjustified" };
      else if (verdict.untagged && config.requireTag) judgement = { status: "untagged" };
      else judgement = { status: "weak", problems: verdict.problems };
    }
  }

  const severity = severityOf(judgement.status, config.calibration);
  const from = previous?.literal.site.anchor.operator ?? null;
  const to = previous ? literal.site.anchor.operator : null;
  const operatorChange = from !== null && to !== null && from !== to ? { from, to } : null;
  return {
    path,
    line: literal.line,
    column: literal.column,
    endLine: literal.endLine,
    endColumn: literal.endColumn,
    literal: literal.text,
    value: literal.value,
    role,
    status: judgement.status,
    severity,
    blocking: severity === "blocking",
    justification: justification?.text ?? null,
    problems: judgement.problems ?? [],
    exemption: judgement.exemption ?? null,
    previous: previous ? (operatorChange ? `${operatorChange.from} ${previous.literal.text}` : previous.literal.text) : null,
    operatorChange,
    justificationChanged,
    justificationLine: justification?.line ?? null,
    stale: stale && judgement.status === "unjustified",
    knownConstant,
    calibration,
    history: null,
    override: null,
    // The shape is only needed to match exceptions and fingerprints: read it for findings that report.
    shape: severity === "hidden" && judgement.status !== "justified" ? "" : literal.shape,
  };
}

/** A blocking finding that a recorded exception matches becomes `overridden`. */
export function applyOverride(finding: Finding, overrides: readonly Override[]): Finding {
  if (!finding.blocking) return finding;
  const match = overrides.find(
    (o) => o.path === finding.path && o.literal === finding.literal && (o.shape ? o.shape === finding.shape : o.line === finding.line),
  );
  if (!match) return finding;
  return {
    ...finding,
    status: "overridden",
    severity: severityOf("overridden"),
    blocking: false,
    override: { by: match.by, at: match.at, reason: match.reason, status: finding.status },
  };
}
