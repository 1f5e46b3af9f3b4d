/**
 * Justifications: finding the annotation among a literal's attached comments, and the
 * quality rules it must pass (SPEC section 2). The whole attached comment block is judged,
 * after normalising its text, so calibration words cannot hide before the tag, on the next
 * line, after another JSDoc tag, behind zero-width characters or in look-alike letters.
 */
import type { Config } from "./config.js";
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

export interface JustificationVerdict {
  /** The comment chosen: tagged when one is attached, else the nearest comment. */
  justification: Justification | null;
  /** A comment is attached but carries no tag. */
  untagged: boolean;
  /** Quality problems of the chosen comment; empty when it is acceptable. */
  problems: string[];
}

type Rules = Config["justification"];

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
 * A phrase of the vocabulary as a pattern, matched on word boundaries without regard to case:
 * `*` inside a word stands for any letters (`tun*`), `…` (or `...`) for a gap of up to six words.
 */
function phrasePattern(phrase: string): RegExp {
  const tokens = phrase.trim().split(/\s+/);
  let source = "";
  tokens.forEach((token, index) => {
    const gap = token === "…" || token === "...";
    if (gap) source += "(?:\\S+\\s+){0,6}?";
    else source += token.split("*").map(escapeRegExp).join("[\\p{L}\\p{N}'-]*");
    const next = tokens[index + 1];
    if (!gap && next !== undefined) source += next === "…" || next === "..." ? "\\s+" : "[\\s-]+";
  });
  return new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, "iu");
}

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
    pattern = new RegExp(phrases.map((phrase) => `(?:${phrasePattern(phrase).source})`).join("|"), "giu");
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
  /\b(table|tab\.|section|sec\.|fig\.|figure|appendix|app\.)\s*[A-Z]?\d/i,
  /§\s*\d/,
  /\b[A-Z][A-Za-z'-]+\s+(et\s+al\.?|&\s+[A-Z][A-Za-z'-]+|and\s+[A-Z][A-Za-z'-]+)?\s*\(?(19|20)\d{2}[a-z]?\)?/,
  /\b[\w/-]{1,100}\.(c|h|cc|cpp|hpp|f|f90|f95|py|pyx|ts|js|jl|m|r|rs|go|java)\s*:\s*\d+(\s*[-–]\s*\d+)?\b/i,
];

const cites = (text: string): boolean => REFERENCE.some((pattern) => pattern.test(text));

/** Longer texts are judged on their opening: bounds the rules' work on hostile text. */
const JUDGED_LENGTH = 2000;

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
export function qualityProblems(text: string, rules: Rules, block: string = text, before = ""): string[] {
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
  const judged = physics ? whole.replace(physics, " ") : whole;
  // The words as the author wrote them, not the vocabulary's patterns.
  const calibration = findPhrases(judged, rules.calibrationPhrases);
  if (!cites(whole)) calibration.push(...findPhrases(judged, rules.unsourcedFitPhrases));
  for (const phrase of rules.rejectPhrases) if (judged.toLowerCase().includes(phrase.toLowerCase())) calibration.push(phrase);
  if (calibration.length > 0)
    problems.push(`it describes calibration, not physics (${[...new Set(calibration)].map((c) => `"${c}"`).join(", ")})`);
  const mixed = mixedScriptWords(whole);
  if (mixed.length > 0) problems.push(`it mixes Latin and Cyrillic letters in a word (${mixed.map((w) => `"${w}"`).join(", ")})`);
  if (trimmed.length < rules.minLength) problems.push(`it is too short (${trimmed.length} characters, at least ${rules.minLength})`);
  const words = trimmed.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words < rules.minWords) problems.push(`it has too few words (${words}, at least ${rules.minWords})`);
  if (rules.requireReference && !cites(trimmed)) {
    problems.push("it cites no reference (an equation, DOI, arXiv id, URL, table or section, Author et al. YEAR, or file.c:10-20)");
  }
  return problems;
}

/** Choose and judge the justification among a literal's attached comments. */
export function judgeJustification(comments: readonly AttachedComment[], config: Config): JustificationVerdict {
  const usable = comments.filter((c) => c.placement !== "function-doc" || config.justification.functionDocCoversBody);
  for (const comment of usable) {
    const annotation = parseAnnotation(normaliseText(comment.text), config.tags);
    if (annotation) {
      return {
        justification: { tag: annotation.tag, text: annotation.text, line: comment.line, endLine: comment.endLine },
        untagged: false,
        problems: qualityProblems(annotation.text, config.justification, comment.text, annotation.before),
      };
    }
  }
  const nearest = usable[0];
  if (!nearest) return { justification: null, untagged: false, problems: [] };
  const text = normaliseText(nearest.text).replace(/\s+/g, " ").trim();
  return {
    justification: { tag: null, text, line: nearest.line, endLine: nearest.endLine },
    untagged: true,
    problems: config.requireTag ? [] : qualityProblems(text, config.justification, nearest.text),
  };
}
