/**
 * The neutral record of a numeric literal: what every language adapter produces and
 * everything after it (roles, exemptions, justification, known constants, verdict)
 * consumes. Nothing here knows which language the literal came from.
 */

/** The syntactic place a literal stands in, described without any language's node names. */
export type LiteralContext =
  | { kind: "binary"; operator: BinaryOperator; side: "left" | "right" }
  | { kind: "compound-assignment"; operator: BinaryOperator }
  | { kind: "comparison" }
  | { kind: "call-argument"; callee: string; index: number }
  | { kind: "variable-initializer"; name: string }
  | { kind: "assignment"; name: string }
  | { kind: "property-initializer"; name: string }
  | { kind: "parameter-default"; name: string }
  | { kind: "array-element" }
  | { kind: "object-property"; name: string }
  | { kind: "return" }
  | { kind: "index" }
  | { kind: "enum-member" }
  | { kind: "literal-type" }
  | { kind: "other" };

/** Arithmetic and bitwise operators the roles distinguish. */
export type BinaryOperator = "*" | "/" | "%" | "+" | "-" | "**" | "&" | "|" | "^" | "<<" | ">>" | ">>>" | "&&" | "||" | "??" | "other";

/** A comment that may justify a literal, in the order an adapter found it attached. */
export interface AttachedComment {
  /** Comment body without its delimiters (`//`, `/* *\/`, `#`, JSDoc stars). */
  text: string;
  /** 1-based line where the comment starts. */
  line: number;
  /**
   * How the comment is attached: on the literal's own line, directly above the construct
   * holding it (a leading block or JSDoc), trailing the construct's first or last line, or
   * the documentation of the function whose body holds the literal (covers only when the
   * configuration says function documentation covers bodies).
   */
  placement: "same-line" | "leading" | "trailing" | "function-doc";
}

export interface LiteralSite {
  /** Source text as written, including a leading unary sign when present. */
  text: string;
  value: number;
  /** 1-based line and column of the first character of `text`. */
  line: number;
  column: number;
  /** 1-based line and column just after the last character (end-exclusive column). */
  endLine: number;
  endColumn: number;
  context: LiteralContext;
  /** In a `for` loop's initializer, condition or update. */
  inLoopHeader: boolean;
  /** The code of the enclosing statement, comments removed (for context-dependent constants). */
  statementText: string;
  /**
   * A short digest of the code of the literal's line with every numeric literal masked and
   * all space and comments removed: equal shapes mean "the same place", which is how retuned
   * and merely reformatted literals are recognised. A digest, so that a minified line of
   * thousands of literals costs nothing to compare (see `shapeDigest`).
   */
  shape: string;
  /** Index of this literal among the literals sharing its shape on that line. */
  ordinal: number;
  /** Candidate justifications, most specific first. */
  comments: AttachedComment[];
}

/** A language adapter turns one source text into neutral literal records. */
export interface LanguageAdapter {
  /** Stable id, e.g. "typescript". */
  id: string;
  /** File extensions it handles, with the dot. */
  extensions: readonly string[];
  /** How a known constant's named form is spelled in this language, by constant key. */
  namedForm(constantKey: string): string | undefined;
  /** Must not throw on syntax errors: parse what can be parsed. */
  extract(path: string, text: string): LiteralSite[];
}

/** FNV-1a over UTF-16 code units, 2 × 32 bits: the digest adapters give as `shape`. */
export function shapeDigest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
