/**
 * Justifications: finding the annotation among a literal's attached comments, and the
 * quality rules its text must pass (SPEC section 2).
 */
import type { Config } from "./config.js";
import type { AttachedComment } from "./source-file.js";

export interface Justification {
  /** The tag that introduced it, or null when an untagged comment serves (requireTag: false). */
  tag: string | null;
  /** Text after the tag (or the whole comment when untagged). */
  text: string;
  line: number;
}

export interface JustificationVerdict {
  /** The comment chosen: tagged when one is attached, else the nearest comment. */
  justification: Justification | null;
  /** A comment is attached but carries no tag. */
  untagged: boolean;
  /** Quality problems of the chosen text; empty when it is acceptable. */
  problems: string[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const tagPatterns = new Map<string, RegExp>();

function tagPattern(tag: string): RegExp {
  let pattern = tagPatterns.get(tag);
  if (!pattern) {
    pattern = new RegExp(`(^|[^\\w@])${escapeRegExp(tag)}(?![\\w-])[ \\t]*:?`, "i");
    tagPatterns.set(tag, pattern);
  }
  return pattern;
}

/** Text after a tag in one comment, up to the next JSDoc tag on its own line or the end. */
export function parseAnnotation(comment: string, tags: readonly string[]): { tag: string; text: string } | null {
  for (const tag of tags) {
    const match = tagPattern(tag).exec(comment);
    if (!match) continue;
    const rest = comment.slice(match.index + match[0].length);
    const nextTag = /\n\s*@\w/.exec(rest);
    const text = (nextTag ? rest.slice(0, nextTag.index) : rest).replace(/\s+/g, " ").trim();
    return { tag, text };
  }
  return null;
}

interface Rule {
  pattern: RegExp;
  says: string;
}

/** Language that describes calibration instead of physics. */
const CALIBRATION: readonly Rule[] = [
  { pattern: /\bfudge/i, says: "fudge" },
  { pattern: /\b(re-?|hand-?|fine-?)?tun(ed|ing|e)\b/i, says: "tuned" },
  { pattern: /\btweak/i, says: "tweak" },
  { pattern: /\bhack/i, says: "hack" },
  { pattern: /\bempirically\b/i, says: "empirically" },
  { pattern: /\bempirical(ly)?\s+fit/i, says: "empirical fit" },
  {
    pattern:
      /\b(to|so as to|in order to|until it|so it|so that it)\s+(match|matches|reproduce|agree with|fit)\b.{0,40}\b(tests?|reference|expected|outputs?|results?|baseline|benchmark|snapshot|golden)\b/i,
    says: "to match the tests or a reference output",
  },
  {
    pattern: /\b(make|makes|making|made|get|gets|getting|so|so that)\s+(the\s+|all\s+|all\s+the\s+)?tests?\s+(to\s+)?pass/i,
    says: "makes the tests pass",
  },
  { pattern: /\buntil\s+(the\s+|all\s+)?tests?\s+pass/i, says: "until the tests pass" },
  { pattern: /\bminimi[sz](e|es|ed|ing)\b.{0,30}\b(error|residual|loss|difference|mismatch|deviation|chi)/i, says: "minimises the error" },
  { pattern: /\bgrid[- ]?search/i, says: "grid search" },
  { pattern: /\btrial[- ]and[- ]error\b/i, says: "trial and error" },
];

/** What counts as a checkable reference (requireReference). */
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

/** Longer justifications are judged on their opening: bounds the rules' work on hostile text. */
const JUDGED_LENGTH = 2000;

/** Quality problems of a justification text; empty when acceptable. */
export function qualityProblems(text: string, rules: Config["justification"]): string[] {
  const problems: string[] = [];
  const trimmed = text.trim().slice(0, JUDGED_LENGTH);
  const normalised = trimmed.replace(/^[\s:;,.\-–—]+/, "").toLowerCase();
  const placeholder = rules.placeholders.find((p) => {
    const word = p.toLowerCase();
    return normalised === word || new RegExp(`^${escapeRegExp(word)}(\\b|$)`).test(normalised);
  });
  if (placeholder) problems.push(`it is a placeholder ("${placeholder}")`);
  const calibration = CALIBRATION.filter((rule) => rule.pattern.test(trimmed)).map((rule) => rule.says);
  for (const phrase of rules.rejectPhrases) {
    if (trimmed.toLowerCase().includes(phrase.toLowerCase())) calibration.push(phrase);
  }
  if (calibration.length > 0) {
    problems.push(`it describes calibration, not physics (${calibration.map((c) => `"${c}"`).join(", ")})`);
  }
  if (trimmed.length < rules.minLength) problems.push(`it is too short (${trimmed.length} characters, at least ${rules.minLength})`);
  const words = trimmed.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words < rules.minWords) problems.push(`it has too few words (${words}, at least ${rules.minWords})`);
  if (rules.requireReference && !REFERENCE.some((pattern) => pattern.test(trimmed))) {
    problems.push("it cites no reference (an equation, DOI, arXiv id, URL, table or section, Author et al. YEAR, or file.c:10-20)");
  }
  return problems;
}

/** Choose and judge the justification among a literal's attached comments. */
export function judgeJustification(comments: readonly AttachedComment[], config: Config): JustificationVerdict {
  const usable = comments.filter((c) => c.placement !== "function-doc" || config.justification.functionDocCoversBody);
  for (const comment of usable) {
    const annotation = parseAnnotation(comment.text, config.tags);
    if (annotation) {
      return {
        justification: { tag: annotation.tag, text: annotation.text, line: comment.line },
        untagged: false,
        problems: qualityProblems(annotation.text, config.justification),
      };
    }
  }
  const nearest = usable[0];
  if (!nearest) return { justification: null, untagged: false, problems: [] };
  const text = nearest.text.replace(/\s+/g, " ").trim();
  return {
    justification: { tag: null, text, line: nearest.line },
    untagged: true,
    problems: config.requireTag ? [] : qualityProblems(text, config.justification),
  };
}
