/**
 * Justifications: finding the annotation among a literal's attached comments, and the
 * quality rules it must pass (SPEC section 2). The whole attached comment block is judged,
 * after normalising its text, so calibration words cannot hide before the tag, on the next
 * line, after another JSDoc tag, behind zero-width characters or in look-alike letters.
 */
import { functionDocCover, type Config } from "./config.js";
import type { AttachedComment } from "./source-file.js";

export interface Justification {
  /** The tag that introduced it, or null when an untagged comment serves (requireTag: false). */
  tag: string | null;
  /** Text after the tag, to the end of its block or the next JSDoc tag (the whole comment when untagged). */
  text: string;
  /** Lines of the comment block it stands in. */
  line: number;
  endLine: number;
}

/** An honestly declared fit (SPEC section 2, `@calibrated`): what was fitted, against what, where it holds. */
export interface Calibration {
  fitted: string;
  against: string | null;
  valid: string | null;
}

/** The tag that declares a fitted value; it is a tag of its own, beside the policy's `tags`. */
export const CALIBRATED_TAG = "@calibrated";

export interface JustificationVerdict {
  /** The comment chosen: tagged when one is attached, else the nearest comment. */
  justification: Justification | null;
  /** The chosen comment declares a fit (`@calibrated`, or in adoption mode a comment admitting one). */
  calibration: Calibration | null;
  /** A comment is attached but carries no tag. */
  untagged: boolean;
  /** Quality problems of the chosen comment; empty when it is acceptable. */
  problems: string[];
}

type Rules = Config["justification"];

/** How many judgements or texts a memo keeps before it starts over: bounded memory on a huge change. */
const MEMO_ENTRIES = 4096;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Text as a reader sees it: compatibility forms folded (NFKC: full-width letters, ligatures),
 * format characters removed (zero-width spaces and joiners, bidirectional marks, soft hyphens).
 */
export const normaliseText = (text: string): string => text.normalize("NFKC").replace(/\p{Cf}/gu, "");

/** Words that carry no content: a justification edited only in these was not edited. */
const FILLER = new Set([
  "a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "with", "and", "or", "is", "are", "was", "be", "this", "that",
  "these", "it", "its", "as", "from", "see", "here", "value", "factor", "constant", "number", "note", "nb", "also", "just", "very",
  // Words that describe the edit, not the physics: "updated", "(v2)" do not make an old justification new.
  "updated", "update", "revised", "revision", "new", "now", "changed", "change", "fixed", "fix", "version", "again", "latest",
  "current", "currently", "slightly", "ok", "okay", "wip",
]); // prettier-ignore

/**
 * What a justification says, for comparing two of them: case, spacing, punctuation and filler
 * words removed. Two texts with the same substance are the same justification.
 */
export function substance(text: string): string {
  return remember(substances, text, () => substanceOf(text));
}
const substances = new Map<string, string>();

/**
 * The value of `compute` for a key, remembered in `cache` for the run: a comment is read once
 * per literal it covers, a module's docstring hundreds of times. A full cache (`MEMO_ENTRIES`)
 * starts over, so a huge change cannot grow it without limit.
 */
function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let result = cache.get(key);
  if (result === undefined) {
    if (cache.size >= MEMO_ENTRIES) cache.clear();
    cache.set(key, (result = compute()));
  }
  return result;
}

/** A number standing alone in prose (`default=12`, not the 12 of `x12` or the digits of `v1.2.3`). */
const WRITTEN_NUMBER = /(?<![\w.])[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(?![\w]|\.\d)/g;

/**
 * A text with its numbers written as their values (`1e2` and `100.0` are `100`), each value in
 * `replace` written as what it maps to: how a comment reads with a retune's old values put back.
 */
export function numbersAsValues(text: string, replace?: ReadonlyMap<number, number>): string {
  return text.replace(WRITTEN_NUMBER, (written) => {
    const value = Number(written.replace(/_/g, ""));
    return Number.isFinite(value) ? String(replace?.get(value) ?? value) : written;
  });
}

function substanceOf(text: string): string {
  return normaliseText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .split(/\s+/)
    .filter((word) => word !== "" && !FILLER.has(word) && !/^v\d+$/.test(word))
    .join(" ");
}

const tagPatterns = new Map<string, RegExp>();

function tagPattern(tag: string): RegExp {
  let pattern = tagPatterns.get(tag);
  if (!pattern) {
    pattern = new RegExp(`(^|[^\\w@])${escapeRegExp(tag)}(?![\\w-])[ \\t]*:?`, "i");
    tagPatterns.set(tag, pattern);
  }
  return pattern;
}

/**
 * The annotation in a comment (block): the text after the tag up to the next JSDoc tag on its
 * own line or the end of the block, and what stands before the tag on its line.
 */
export function parseAnnotation(comment: string, tags: readonly string[]): { tag: string; text: string; before: string } | null {
  for (const tag of tags) {
    const match = tagPattern(tag).exec(comment);
    if (!match) continue;
    const at = match.index + match[1]!.length;
    const rest = comment.slice(match.index + match[0].length);
    const nextTag = /\n\s*@\w/.exec(rest);
    const text = (nextTag ? rest.slice(0, nextTag.index) : rest).replace(/\s+/g, " ").trim();
    const lineStart = comment.lastIndexOf("\n", at - 1) + 1;
    return { tag, text, before: comment.slice(lineStart, at).trim() };
  }
  return null;
}

/**
 * A phrase of the vocabulary as a pattern's source, matched without regard to case and ending on
 * a word boundary (the list's pattern puts the boundary before it): `*` inside a word stands for
 * any letters (`tun*`), `…` (or `...`) for a gap of up to six words.
 */
function phraseSource(phrase: string): string {
  const tokens = phrase.trim().split(/\s+/);
  let source = "";
  tokens.forEach((token, index) => {
    const gap = token === "…" || token === "...";
    if (gap) source += "(?:\\S+\\s+){0,6}?";
    else source += token.split("*").map(escapeRegExp).join(`[${WORD_CHARS}'-]*`);
    const next = tokens[index + 1];
    if (!gap && next !== undefined) source += next === "…" || next === "..." ? "\\s+" : "[\\s-]+";
  });
  return `${source}(?![${WORD_CHARS}])`;
}

/**
 * The letters and digits a word of a comment is made of, as ranges: Latin with its accented
 * letters, Greek and Cyrillic (comments are NFKC-normalised first, so mathematical letters are
 * plain ones). Unicode property classes (`\p{L}`) in a case-insensitive list of two hundred
 * phrases cost V8 about ten times as much to compile and run: 0.2 s of every process that
 * judged a comment.
 */
const WORD_CHARS = "A-Za-z0-9\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF";

/**
 * A list of phrases as one pattern, compiled once per list: one pass over the text finds every
 * phrase of the vocabulary, however long the list.
 */
const compiled = new Map<string, RegExp>();
function listPattern(phrases: readonly string[]): RegExp | null {
  if (phrases.length === 0) return null;
  const key = phrases.join("\u0000");
  let pattern = compiled.get(key);
  if (!pattern) {
    // The word boundary before a phrase is the same for all of them: written once.
    pattern = new RegExp(`(?<![${WORD_CHARS}])(?:${phrases.map((phrase) => `(?:${phraseSource(phrase)})`).join("|")})`, "gi");
    compiled.set(key, pattern);
  }
  return pattern;
}

/** The phrases of a list found in a text, as written there. */
function findPhrases(text: string, phrases: readonly string[]): string[] {
  const pattern = listPattern(phrases);
  if (!pattern) return [];
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].map((match) => match[0].replace(/\s+/g, " "));
}

/** What counts as a checkable reference (requireReference), and as naming a data source for a fit. */
const REFERENCE: readonly RegExp[] = [
  /\beqs?\.?\s*\(?\s*[A-Z]?\d/i,
  /\bequations?\s*\(?\s*[A-Z]?\d/i,
  /\b10\.\d{4,9}\/\S+/, // DOI
  /\barxiv\s*:?\s*(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})/i,
  /\bhttps?:\/\/\S+/i,
  /\b(table|tab\.|section|sec\.|fig\.|figure|appendix|app\.|chapter|ch\.|chap\.|pp?\.)\s*[A-Z]?\d/i,
  /§\s*\d/,
  /\b[A-Z][A-Za-z'-]+\s+(et\s+al\.?|&\s+[A-Z][A-Za-z'-]+|and\s+[A-Z][A-Za-z'-]+)?\s*\(?(19|20)\d{2}[a-z]?\)?/,
  /\b[\w/-]{1,100}\.(c|h|cc|cpp|hpp|f|f90|f95|py|pyx|ts|js|jl|m|r|rs|go|java)\s*:\s*\d+(\s*[-–]\s*\d+)?\b/i,
];

export const cites = (text: string): boolean => REFERENCE.some((pattern) => pattern.test(text));

/** Word pairs compared for typos in one edit, at most (a few long comments; a hostile one is read without). */
const MAX_RESPELLING_PAIRS = 250_000;

/** Two spellings of one word (`Implments`, `Implements`): a typo fixed, not a new word. */
function sameWordRespelled(a: string, b: string): boolean {
  // Words of letters only: a year or a number changed (2004 → 2016) is a new statement.
  if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 2 || !/^\p{L}+$/u.test(a) || !/^\p{L}+$/u.test(b)) return false;
  // Levenshtein distance, stopped once over 2.
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...current) > 2) return false;
    previous = current;
  }
  return previous[b.length]! <= 2;
}

/** What an edit of a comment added, and whether it dropped a number (see `addedByEdit`). */
export interface Edit {
  /** Runs of new words, with the two words before and after each. */
  runs: Array<{ run: string; before: string; after: string }>;
  /** A number the earlier version stated is gone (`4 hours` → `an hour`): what it says changed. */
  numberRemoved: boolean;
}

/**
 * What an edit of a comment wrote that its earlier version did not say: the runs of words of
 * `text` that the most similar comment of the base lacks (punctuation between them kept, typos
 * fixed left out), each with the two words before and after it (`an` of "an hour long"). Null
 * when the comment has no earlier version (no base comment holds most of its words): it is
 * new, and read whole.
 */
export function addedByEdit(text: string, baseComments: readonly string[]): Edit | null {
  const tokens = text.split(/\s+/).filter((t) => t !== "");
  const keyOf = tokens.map((t) => substance(t));
  const keys = new Set(keyOf.filter((k) => k !== ""));
  if (keys.size === 0) return null;
  let earlier: Set<string> | null = null;
  let bestShared = 0;
  for (const comment of baseComments) {
    const words = new Set(
      comment
        .split(/\s+/)
        .map((t) => substance(t))
        .filter((k) => k !== ""),
    );
    let shared = 0;
    for (const key of keys) if (words.has(key)) shared++;
    if (shared > bestShared) [earlier, bestShared] = [words, shared];
  }
  if (!earlier || bestShared * 2 < keys.size) return null;
  const old = earlier;
  const removed = [...old].filter((word) => !keys.has(word));
  // Typos are looked for word against word: bounded, so that a huge rewritten comment stays linear.
  const respellings = removed.length * tokens.length <= MAX_RESPELLING_PAIRS;
  const novel = keyOf.map((key) => key !== "" && !old.has(key) && !(respellings && removed.some((word) => sameWordRespelled(key, word))));
  const runs: Array<{ run: string; before: string; after: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!novel[i]) continue;
    let end = i;
    while (end + 1 < tokens.length && (novel[end + 1] || keyOf[end + 1] === "")) end++;
    runs.push({
      run: tokens.slice(i, end + 1).join(" "),
      before: tokens.slice(Math.max(0, i - 2), i).join(" "),
      after: tokens.slice(end + 1, end + 3).join(" "),
    });
    i = end;
  }
  return { runs, numberRemoved: removed.some((word) => /\d/.test(word)) };
}

/**
 * Whether what an edit added says something about a value: a run of new words that explains
 * with the words after it (a source, a quantity, a unit, a derivation) does; where
 * justifications need not explain (`explain`: tagged ones, by default), new words reaching
 * `minWords` (filler left out) do too, as a tagged text is judged. Either way, changing
 * a number inside a citation, read with the words before it (`Eq. 3.4` → `3.5`, `Smith et al.
 * 2003` → `2005`), or removing a number the comment stated says something. A typo fixed
 * ("Implements" for "Implments"), "fast", "k" or "see also" say nothing.
 */
export function editExplains(edit: Edit, rules: Rules, explain: boolean): boolean {
  if (edit.numberRemoved) return true;
  if (edit.runs.some(({ run, before }) => /\d/.test(run) && cites(normaliseText(`${before} ${run}`)))) return true;
  if (edit.runs.some(({ run, after }) => explanationProblem(`${run} ${after}`, rules) === null)) return true;
  if (explain) return false;
  const words = new Set(edit.runs.flatMap(({ run }) => substance(run).split(" ")).filter((w) => w !== ""));
  return words.size >= Math.max(rules.minWords, 1);
}

/** Where a declared fit names its data ("against", "fitted to") and where it holds ("valid for"). */
const AGAINST =
  /(?<![\p{L}\p{N}])(?:against|(?:fitted|fit|calibrated|tuned|trained|regressed)\s+(?:to|on|against|with|from)|from\s+(?:a\s+|the\s+)?fits?\s+to)(?![\p{L}\p{N}])/iu;
const VALID =
  /(?<![\p{L}\p{N}])(?:(?:valid|holds|applies|accurate|good)(?:\s+(?:only\s+)?(?:for|in|over|between|at|when|where|within|up\s+to|below|above))?|in\s+the\s+range|over\s+the\s+range|for\s+the\s+range|range\s*:)(?![\p{L}\p{N}])/iu;

/**
 * The parts of a declared fit: `<what was fitted> against <data> valid <range>`. A part that
 * is missing is null; the order of the two markers does not matter.
 */
export function parseCalibration(text: string): Calibration {
  const clean = (part: string): string | null => {
    const trimmed = part.replace(/^[\s:;,.\-–—]+|[\s:;,\-–—]+$/g, "");
    return /[\p{L}\p{N}]/u.test(trimmed) ? trimmed : null;
  };
  const against = AGAINST.exec(text);
  const valid = VALID.exec(text);
  const marks = [against, valid].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index);
  const fitted = clean(text.slice(0, marks[0]?.index ?? text.length)) ?? "";
  const partOf = (mark: RegExpExecArray | null): string | null => {
    if (!mark) return null;
    const next = marks.find((m) => m.index > mark.index);
    return clean(text.slice(mark.index + mark[0].length, next?.index ?? text.length));
  };
  return { fitted, against: partOf(against), valid: partOf(valid) };
}

/** What a declared fit lacks (SPEC section 2: without its data or its range it is weak). */
function calibrationProblems(calibration: Calibration): string[] {
  const problems: string[] = [];
  if (!calibration.against) problems.push('it does not say what the value was fitted against ("against <the data or reference output>")');
  if (!calibration.valid) problems.push('it does not say where the fit holds ("valid <the range>")');
  return problems;
}

/** Longer texts are judged on their opening: bounds the rules' work on hostile text. */
const JUDGED_LENGTH = 2000;

/** A negation and the word it negates ("not tuned", "not a fudge", "never fitted"). */
const NEGATED_WORD = /(?<![\p{L}\p{N}])(?:not|never|without|non)\s+(?:(?:a|an|the|any|been|being)\s+)?[\p{L}-]+/giu;

/** Words before the tag on its line that take the assertion back: "no @physics", "TODO @physics". */
const NOT_ASSERTED = /(?<![\p{L}\p{N}])(no|not|without|missing|lacks?|needs?|todo|fixme|xxx|tbd|add|pending)(?![\p{L}\p{N}])[\s:;,.-]*$/iu;

/** A word mixing Latin letters with Cyrillic ones, the look-alikes that hide "tunеd" from a filter. */
function mixedScriptWords(text: string): string[] {
  return (text.match(/[\p{L}\p{M}]+/gu) ?? []).filter((word) => /\p{Script=Latin}/u.test(word) && /\p{Script=Cyrillic}/u.test(word));
}

/**
 * Quality problems of a justification; empty when acceptable. `text` is what follows the tag
 * (lengths, placeholders and references are judged on it); `block` is the whole comment block
 * (calibration language and look-alike letters are judged on all of it); `before` is what
 * precedes the tag on its line.
 */
export function qualityProblems(text: string, rules: Rules, block: string = text, before = "", declaredFit = false): string[] {
  // One comment covers many literals (a table's head, a module's docstring): judged once per run.
  const key = `${declaredFit ? 1 : 0}\u0000${before}\u0000${text}\u0000${block}`;
  return [...remember(cacheFor(qualityMemo, rules), key, () => judgeQuality(text, rules, block, before, declaredFit))];
}

/** Judgements by the rules they were made under. */
const qualityMemo = new WeakMap<Rules, Map<string, string[]>>();
const explanationMemo = new WeakMap<Rules, Map<string, string | null>>();
function cacheFor<T>(memo: WeakMap<Rules, Map<string, T>>, rules: Rules): Map<string, T> {
  let cache = memo.get(rules);
  if (!cache) memo.set(rules, (cache = new Map()));
  return cache;
}

function judgeQuality(text: string, rules: Rules, block: string, before: string, declaredFit: boolean): string[] {
  const problems: string[] = [];
  const trimmed = normaliseText(text).trim().slice(0, JUDGED_LENGTH);
  const whole = normaliseText(block).slice(0, JUDGED_LENGTH * 2);
  const opening = trimmed.replace(/^[\s:;,.\-–—]+/, "").toLowerCase();
  const placeholder = rules.placeholders.find((p) => {
    const word = p.toLowerCase();
    return opening === word || new RegExp(`^${escapeRegExp(word)}(\\b|$)`).test(opening);
  });
  if (placeholder) problems.push(`it is a placeholder ("${placeholder}")`);
  const negation = NOT_ASSERTED.exec(normaliseText(before));
  if (negation) problems.push(`it is not asserted ("${negation[1]}" before the tag)`);
  // Physics usages are taken out before the calibration vocabulary is looked for.
  const physics = listPattern(rules.physicsPhrases);
  // A calibration word negated is no admission ("not a fudge factor", "not tuned"): the negation
  // and the word after it are left out, and whatever else the text admits is still read.
  const judged = (physics ? whole.replace(physics, " ") : whole).replace(NEGATED_WORD, " ");
  // The words as the author wrote them, not the vocabulary's patterns.
  // A declared fit admits calibration by design: its words are not held against it.
  const calibration = declaredFit ? [] : findPhrases(judged, rules.calibrationPhrases);
  if (!declaredFit && !cites(whole)) calibration.push(...findPhrases(judged, rules.unsourcedFitPhrases));
  if (!declaredFit)
    for (const phrase of rules.rejectPhrases) if (judged.toLowerCase().includes(phrase.toLowerCase())) calibration.push(phrase);
  if (calibration.length > 0)
    problems.push(`it describes calibration, not physics (${[...new Set(calibration)].map((c) => `"${c}"`).join(", ")})`);
  const mixed = mixedScriptWords(whole);
  if (mixed.length > 0) problems.push(`it mixes Latin and Cyrillic letters in a word (${mixed.map((w) => `"${w}"`).join(", ")})`);
  if (trimmed.length < rules.minLength) problems.push(`it is too short (${trimmed.length} characters, at least ${rules.minLength})`);
  // Different words: a phrase repeated to pass the length rule ("velocity dispersion velocity dispersion") is still two.
  const words = new Set(
    trimmed
      .toLowerCase()
      .split(/\s+/)
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
      .filter((w) => w !== ""),
  ).size;
  if (words < rules.minWords) problems.push(`it has too few words (${words}, at least ${rules.minWords})`);
  if (rules.requireReference && !cites(trimmed)) {
    problems.push("it cites no reference (an equation, DOI, arXiv id, URL, table or section, Author et al. YEAR, or file.c:10-20)");
  }
  return problems;
}

/**
 * A derivation written out: an equality (`= sqrt(3)/2`, `0.2 rad = 11.46 deg`), a ratio of
 * numbers (`4 / 29`, `360/86400`), or words that say where the value follows from ("derived
 * from", "defined as"), or a unit conversion written with a units library (astropy's
 * `(1 * u.m / u.s).to(u.Rsun / u.day)`, pint's `(1 * ureg.au).to(ureg.km)`). A comment
 * restating the code (`1.07 * base`) is none.
 */
const DERIVATION =
  /(=\s*[-+(]*\s*(sqrt|√|ln|log|exp|sin|cos|tan|atan|pi|π|\d)|\b\d+(\.\d+)?\s*\/\s*\d|\b(derived|follows|computed|obtained|calculated)\s+from\b|\bdefined\s+(as|by|in)\b|\bby\s+definition\b|\bdefinition\s+of\b|\b(?:u|units|ureg|unit_registry)\.[a-z_]\w*[^\n]{0,120}?\.(?:to|to_value|m_as|in_units)\s*\()/iu;

/** Standards bodies, reference systems and named theories or catalogues that a value comes from. */
const STANDARD =
  /\b(IAU|CODATA|NIST|WGS[- ]?\d*|GRS[- ]?\d*|IERS|IUGG|ISO|IEC|IEEE|SI|IUPAC|JPL|DE\d{3}|VSOP\d*|ELP\d*|SGP4|SDP4|NORAD|AFSPC|Spacetrack|NOAA|ESA|NASA|USNO|Meeus|Explanatory Supplement|Astronomical Almanac|Numerical Recipes|Abramowitz|Stegun|DLMF|CIE|sRGB|Rec\.?\s*\d+|BT\.\d+|ITU|ICC|EBU|AES|MIDI|A440|ANSI|ASTM)\b/u;

/** Words that name a convention ("standard gravity", "nominal radius"): evidence, but not against narration. */
const CONVENTION = /\b(standard|nominal|conventional|convention)\b/iu;

/** A measured or published source: "measured", "observed", "from the … catalogue". */
const SOURCE =
  /\b(measured|observed|observations?|published|catalog(ue)?|survey|data release|experiment(al|ally)?|laboratory|lab value|mission|spacecraft|ephemeris)\b/iu;
/** A kind of document: a source only when the comment says which ("the paper" names none). */
const DOCUMENT = /\b(papers?|article|thesis|datasheet|data sheet|handbook|textbook|technical report)\b/iu;
/** What tells one document from another: a name or title word in capitals past the first word, a year or a number. */
const IDENTIFIES = /(?<=\S.*)(?<![.!?]\s)\b\p{Lu}[\p{L}'-]+|\b\d{2,}\b|["“][^"”]{3,}["”]/u;
const EVERY_DOCUMENT = new RegExp(DOCUMENT.source, "giu");
/** A measured source, or a document the comment identifies (not by its own capitalised word: "the Paper"). */
const namesSource = (judged: string): boolean =>
  SOURCE.test(judged) || (DOCUMENT.test(judged) && IDENTIFIES.test(judged.replace(EVERY_DOCUMENT, " ")));

/** A unit: bracketed (`[km/s]`, `(m/s^2)`), after a number (`30 km`), after "in"/"per"/"units of", or a compound (`km/s`). */
const UNIT_TOKENS =
  "(?:m|km|cm|mm|nm|um|μm|µm|pm|s|ms|us|μs|ns|min|h|hr|d|yr|kg|g|mg|K|Hz|kHz|MHz|GHz|rad|mrad|deg|°|arcsec|arcmin|mas|AU|au|pc|kpc|Mpc|Gpc|ly|eV|keV|MeV|GeV|TeV|J|kJ|erg|W|kW|mW|N|Pa|hPa|kPa|bar|mbar|atm|mol|dB|dBFS|mag|Jy|sr|T|V|A|C|Ω|ohm|lx|cd|lm|nit|nits|ppm|ppb|kB|KB|MB|GB|TB|KiB|MiB|GiB|TiB)(?:\\^?[-−]?[0-9]|[²³¹⁻]+)?";
const UNIT_WORDS =
  "(?:met(?:re|er)s?|kilomet(?:re|er)s?|centimet(?:re|er)s?|millimet(?:re|er)s?|nanomet(?:re|er)s?|seconds?|minutes?|hours?|days?|years?|kelvins?|degrees?|radians?|arc ?seconds?|arc ?minutes?|hertz|joules?|watts?|newtons?|pascals?|decibels?|magnitudes?|kilograms?|grams?|astronomical units?|parsecs?|light ?years?|electron ?volts?|volts?|amperes?|ohms?|lux|candelas?|steradians?|moles?|bars?|millibars?|atmospheres?|samples?|semitones?|octaves?|cents|pixels?|bytes?|kilobytes?|megabytes?|gigabytes?|bits?)";
const UNIT = new RegExp(
  [
    `[\\[(]\\s*${UNIT_TOKENS}(?:\\s*[/*·^]\\s*(?:${UNIT_TOKENS}|\\d))*\\s*[\\])]`,
    `\\d\\s*${UNIT_TOKENS}(?![\\p{L}\\p{N}])`,
    `(?<![\\p{L}])${UNIT_TOKENS}\\s*/\\s*${UNIT_TOKENS}(?![\\p{L}])`,
    `\\b(?:in|per|units? of)\\s+${UNIT_TOKENS}(?![\\p{L}\\p{N}])`,
    `\\b(?:in|per|units? of)\\s+${UNIT_WORDS}\\b`,
    `\\b\\d[\\d.]*\\s*${UNIT_WORDS}\\b`,
    // A comment that is only a unit: `# nm`, `// W/m^2/nm`, `// [km/s]`.
    `^\\s*[\\[(]?\\s*${UNIT_TOKENS}(?:\\s*[/*·.]?\\s*${UNIT_TOKENS})*\\s*[\\])]?\\s*$`,
    // A duration or amount in words: "an hour", "one day", "a degree".
    `\\b(?:a|an|one|half an?)\\s+${UNIT_WORDS}\\b`,
  ].join("|"),
  "u",
);

/** A reference, a derivation or a standard (in normalised text): what makes even a short comment explain a value. */
const strongEvidence = (judged: string): boolean => cites(judged) || DERIVATION.test(judged) || STANDARD.test(judged);

/** A label that only names a unit (`# km`, `in km3 / s2`, `[W m^-2]`): written over every value in that unit. */
const UNIT_LABEL = new RegExp(
  `^\\s*(?:in\\s+|units?:?\\s+)?[\\[(]?\\s*${UNIT_TOKENS}(?:\\s*[/*·.]?\\s*${UNIT_TOKENS})*\\s*[\\])]?\\s*$`,
  "u",
);
export const isUnitLabel = (text: string): boolean => UNIT_LABEL.test(normaliseText(text).replace(/'s\b/g, "").slice(0, 200));

/** One line of code: an assignment of a number (`n = 0.2306`, `self.k = 3;`, `const a = -1.5e-3`). */
const ASSIGNMENT_OF_NUMBER =
  /^\s*(?:(?:const|let|var)\s+)?[\p{L}_$][\w$.]*(?:\[[^\]\n]{0,40}\])?\s*(?::\s*[\w.]+\s*)?[-+*/]?=\s*[-+]?(?:\d[\d_]*\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*;?\s*$/iu;

/** A comment that is code put aside (`# n = 0.230605479`, the value before a retune): it explains nothing. */
export const isCommentedOutCode = (text: string): boolean => {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return lines.length > 0 && lines.every((line) => ASSIGNMENT_OF_NUMBER.test(line));
};

/**
 * Whether a comment explains a value (SPEC section 4, adoption mode): it states what the value
 * is or where it comes from. A reference, a derivation, a standard or a measured source always
 * does; a quantity word or a unit does unless the comment narrates the code ("Use a wider bracket
 * so the root finder converges", "Look for the crossing near the start").
 */
export function explanationProblem(text: string, rules: Rules): string | null {
  return remember(cacheFor(explanationMemo, rules), text, () => judgeExplanation(text, rules));
}

function judgeExplanation(text: string, rules: Rules): string | null {
  const judged = normaliseText(text).slice(0, JUDGED_LENGTH);
  if (isCommentedOutCode(judged)) return "it is commented-out code (an old value kept as a comment), not an explanation";
  if (strongEvidence(judged) || namesSource(judged)) return null;
  // A quantity word, a unit or a named convention says what the value is, unless the comment narrates the code.
  const quantity = UNIT.test(judged) || CONVENTION.test(judged) ? ["unit"] : findPhrases(judged, rules.quantityWords);
  const opening = /^[\s\-–—*#:;,.]*([\p{L}]+)/u.exec(judged)?.[1]?.toLowerCase() ?? "";
  const narrating =
    rules.narrationVerbs.some((verb) => verb.toLowerCase() === opening) || findPhrases(judged, rules.narrationPhrases).length > 0;
  if (quantity.length > 0 && !narrating) return null;
  return "it describes what the code does, not what the value is or where it comes from (name the quantity, its unit, a derivation or its source)";
}

/**
 * Whether a comment may cover a literal from where it stands: a block's head only in adoption
 * mode and when it cites (SPEC section 4), a function's doc as the policy says.
 */
function usableFor(comment: AttachedComment, config: Config): boolean {
  if (comment.placement === "block") return !config.requireTag && cites(normaliseText(comment.text));
  if (comment.placement === "argument-text") return !config.requireTag;
  if (comment.placement !== "function-doc") return true;
  const cover = functionDocCover(config);
  return cover === "cited" ? cites(normaliseText(comment.text)) : cover;
}

/** A licence or copyright banner (a `/*!` comment naming the project, its version and licence). */
const BANNER = /^\s*!|\b(licen[cs]e[ds]?|copyright|SPDX-License-Identifier|@preserve|all rights reserved)\b|\(c\)\s*\d{4}|©/i;
/** A blank line inside a comment (` *`, `//`, `#` alone): paragraphs end there. */
const PARAGRAPH_BREAK = /\n[\s*#/!]*\n/;

/**
 * A comment without its licence and copyright paragraphs: they name the project, not the
 * source of a value, while a paragraph beside them may cite one ("based on the formulas of
 * the APCA-1.0.98G specification, at https://…"). Null when nothing else is left.
 */
function withoutLicence(comment: AttachedComment): AttachedComment | null {
  if (comment.placement === "same-line" || !BANNER.test(comment.text)) return comment;
  const kept = comment.text
    .split(PARAGRAPH_BREAK)
    .filter((paragraph) => !BANNER.test(paragraph))
    .join("\n\n");
  return /\p{L}{3}/u.test(kept) ? { ...comment, text: kept } : null;
}

interface Reading {
  justification: Justification;
  calibration: Calibration | null;
  untagged: boolean;
  problems: string[];
}

/**
 * A function's documentation without the parts that document its parameters (a numpydoc
 * `Parameters` section, Google `Args:`, JSDoc `@param`, Sphinx `:param x:`): they describe what
 * a caller passes in ("coefficients to fine tune the correction to a module"), not the
 * constants of the body the documentation covers.
 */
export function withoutParameterDocs(text: string): string {
  return remember(parameterless, text, () => stripParameterDocs(text));
}
const parameterless = new Map<string, string>();

function stripParameterDocs(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  let skipping: "numpy" | "google" | "tag" | null = null;
  let indent = 0;
  const indentOf = (line: string): number => /^\s*/.exec(line)![0].length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const underline = /^\s*-{3,}\s*$/.test(lines[i + 1] ?? "");
    if (skipping === "numpy" && underline && line.trim() !== "") skipping = null;
    else if (skipping === "google" && line.trim() !== "" && indentOf(line) <= indent) skipping = null;
    else if (skipping === "tag" && (/^\s*(@|:\w)/.test(line) || line.trim() === "")) skipping = null;
    if (skipping === null) {
      if (/^\s*(parameters|other parameters|arguments)\s*$/i.test(line) && underline) {
        skipping = "numpy";
        i++; // its underline
        continue;
      }
      if (/^\s*(args|arguments|parameters|params|keyword args|kwargs):\s*$/i.test(line)) {
        skipping = "google";
        indent = indentOf(line);
        continue;
      }
      if (/^\s*(@param|@arg|@argument|:param\b|:type\b|:arg\b|:keyword\b)/i.test(line)) {
        skipping = "tag";
        continue;
      }
      kept.push(line);
    }
  }
  return kept.join("\n");
}

/** What the judgement needs to know of the literal a comment would justify. */
export interface JudgedLiteral {
  /**
   * One of several coefficients of a formula written on its line (`1.000140612 - 0.016708617 *
   * cos(M) - 0.000139589 * cos(2M)`): a unit label then names what the formula computes, not
   * where this coefficient comes from.
   */
  inFormula?: boolean;
}

const UNIT_OF_FORMULA =
  "it only names a unit: the unit of what the formula computes, not where its coefficients come from (name the series or its source)";

/** One comment read as a justification: its annotation (or the whole text, untagged), and its problems. */
function read(comment: AttachedComment, config: Config, literal: JudgedLiteral = {}): Reading {
  const rules = config.justification;
  if (comment.placement === "function-doc") comment = { ...comment, text: withoutParameterDocs(comment.text) };
  const normalised = normaliseText(comment.text);
  const place = { line: comment.line, endLine: comment.endLine };
  const declared = parseAnnotation(normalised, [CALIBRATED_TAG]);
  if (declared) {
    const calibration = parseCalibration(declared.text);
    const problems = [...qualityProblems(declared.text, rules, comment.text, declared.before, true), ...calibrationProblems(calibration)];
    return { justification: { tag: declared.tag, text: declared.text, ...place }, calibration, untagged: false, problems };
  }
  const annotation = parseAnnotation(normalised, config.tags);
  if (annotation) {
    const problems = qualityProblems(annotation.text, rules, comment.text, annotation.before);
    const unexplained = rules.explain === "always" && problems.length === 0 ? explanationProblem(annotation.text, rules) : null;
    if (unexplained) problems.push(unexplained);
    return { justification: { tag: annotation.tag, text: annotation.text, ...place }, calibration: null, untagged: false, problems };
  }
  const text = normalised.replace(/\s+/g, " ").trim();
  const justification = { tag: null, text, ...place };
  if (config.requireTag) return { justification, calibration: null, untagged: true, problems: [] };
  // A comment that explains the value is substance enough, however short: a reference, a
  // derivation or a standard (`// 4 / 29`), or a unit or quantity named without narrating the code (`# nm`).
  const unexplained = explanationProblem(text, rules);
  const problems = qualityProblems(text, rules, comment.text).filter((p) => !(LENGTH_PROBLEM.test(p) && unexplained === null));
  // A comment that admits a fit and names its data and its range declares it honestly.
  if (problems.some(admitsCalibration)) {
    const calibration = parseCalibration(text);
    if (calibration.against && calibration.valid) {
      const rest = qualityProblems(text, rules, comment.text, "", true);
      return { justification, calibration, untagged: true, problems: rest };
    }
  }
  if (literal.inFormula && OWN.has(comment.placement) && isUnitLabel(comment.text)) problems.push(UNIT_OF_FORMULA);
  // Commented-out code is named first, whatever else is wrong with it: that is what the author must see.
  if (unexplained && rules.explain !== "off" && (problems.length === 0 || isCommentedOutCode(text))) problems.unshift(unexplained);
  return { justification, calibration: null, untagged: true, problems };
}

const CALIBRATION_PROBLEM = "it describes calibration";
/** Whether a problem is an admission of calibration (held against the value wherever the comment stands). */
export const admitsCalibration = (problem: string): boolean => problem.startsWith(CALIBRATION_PROBLEM);
const LENGTH_PROBLEM = /^it (is too short|has too few words)/;

/**
 * Choose and judge the justification among a literal's attached comments. A tagged comment
 * wins; else (adoption mode) a comment admitting calibration is held against the value, else
 * the first comment that explains it serves, else the nearest one is reported with its problems.
 */
export function judgeJustification(
  comments: readonly AttachedComment[],
  config: Config,
  literal: JudgedLiteral = {},
): JustificationVerdict {
  const usable = comments.flatMap((c) => {
    const comment = withoutLicence(c);
    return comment && usableFor(comment, config) ? [comment] : [];
  });
  let chosen: Reading | undefined;
  if (config.requireTag) {
    // The first tagged comment speaks; without one, the nearest comment is reported untagged.
    for (const comment of usable) {
      const reading = read(comment, config);
      if (!reading.untagged) {
        chosen = reading;
        break;
      }
      chosen ??= reading;
    }
  } else {
    // The strings of a call speak only when they explain the value or admit a fit: a log message is no comment.
    const heard = usable
      .map((comment) => ({ comment, reading: read(comment, config, literal) }))
      .filter(({ comment, reading }) => comment.placement !== "argument-text" || reading.problems.length === 0 || admitsFit(reading));
    const readings = heard.map((h) => h.reading);
    chosen =
      readings.find((r) => !r.untagged) ??
      chooseUntagged(
        heard.map((h) => h.comment),
        readings,
      );
  }
  if (!chosen) return { justification: null, calibration: null, untagged: false, problems: [] };
  return { justification: chosen.justification, calibration: chosen.calibration, untagged: chosen.untagged, problems: chosen.problems };
}

/** Whether a reading or verdict admits a fit (a `@calibrated` declaration, or calibration words). */
export const admitsFit = (reading: { calibration: Calibration | null; problems: readonly string[] }): boolean =>
  reading.calibration !== null || reading.problems.some(admitsCalibration);

/**
 * Adoption mode: a comment admitting calibration anywhere it is attached is held against the
 * value; else the literal's own nearest comment (same line, above, trailing) speaks for it; the
 * strings of its call, a cited head of its block or its function's doc serve when that comment
 * does not explain it.
 */
function chooseUntagged(usable: readonly AttachedComment[], readings: readonly Reading[]): Reading | undefined {
  const admitting = readings.find(admitsFit);
  if (admitting) return admitting;
  const own = readings.find((_, i) => OWN.has(usable[i]!.placement));
  if (own && own.problems.length === 0) return own;
  const cited = readings.find((r, i) => r !== own && r.problems.length === 0 && !OWN.has(usable[i]!.placement));
  return cited ?? own ?? readings[0];
}

const OWN = new Set<AttachedComment["placement"]>(["same-line", "leading", "trailing"]);
