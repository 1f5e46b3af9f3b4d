/**
 * The neutral records a language adapter produces: the numeric literals of one source text,
 * the syntactic place each stands in, the constructs that hold it, and the file's comments.
 * Adapters describe code; they never decide. Lines, comment attachment and line shapes are
 * derived from these records by the core (`source-file.ts`), once for every language.
 *
 * Offsets are indexes into the JavaScript string of the source text (UTF-16 code units),
 * end-exclusive. An adapter whose parser counts bytes converts before reporting.
 */

/** Arithmetic and bitwise operators the roles distinguish (JavaScript's and Python's). */
export type BinaryOperator =
  "*" | "/" | "//" | "%" | "@" | "+" | "-" | "**" | "&" | "|" | "^" | "<<" | ">>" | ">>>" | "&&" | "||" | "??" | "other";

/** The syntactic place a literal stands in, described without any language's node names. */
export type LiteralContext =
  | { kind: "binary"; operator: BinaryOperator; side: "left" | "right" }
  | { kind: "compound-assignment"; operator: BinaryOperator }
  /** `chained`: one link of `a < b < c` (Python), not a plain comparison. */
  /** `caseLabel`: the value of a `case` (a switch's or a `match`'s), which the subject equals. */
  | { kind: "comparison"; chained?: boolean; caseLabel?: boolean }
  /** `keyword`: the argument's name when passed by name (`rtol=1e-3`), which names its role. */
  | { kind: "call-argument"; callee: string; index: number; keyword?: string }
  | { kind: "variable-initializer"; name: string }
  | { kind: "assignment"; name: string }
  | { kind: "property-initializer"; name: string }
  | { kind: "parameter-default"; name: string }
  | { kind: "array-element" }
  | { kind: "object-property"; name: string }
  | { kind: "return" }
  /** `key`: the key of an object or dict entry (`{ 0.975: 3.82 }`), which names the entry whatever its value. */
  | { kind: "index"; key?: boolean }
  /** `arithmetic`: the member is an operand of arithmetic in the same file (`x * E.A / 100`): a number, not a case's name. */
  | { kind: "enum-member"; arithmetic?: boolean }
  | { kind: "literal-type" }
  | { kind: "other" };

/** A comment of the source text, with its delimiters stripped. */
export interface SourceComment {
  start: number;
  end: number;
  /** Body without delimiters (`//`, `/* *\/`, `#`, JSDoc stars), lines joined by `\n`. */
  text: string;
  /**
   * Documentation written as code (a Python docstring): it documents only the construct whose
   * `docs` name it, and is neither a leading block nor a same-line comment of anything else.
   */
  docstring?: boolean;
}

/**
 * A construct that holds a literal and may carry its justification: a statement, declaration,
 * class member, object property, enum member, or an element of a multi-line array.
 * `function`: the construct holds the literal inside a function's body, so its documentation
 * covers the literal only when the policy says function documentation covers bodies.
 */
export interface Construct {
  start: number;
  end: number;
  kind: "enclosing" | "function";
  /**
   * Comments that document this construct wherever they stand, such as a Python docstring
   * (below an assignment, or first in a function's body): attached like a leading block.
   */
  docs?: readonly SourceComment[];
}

/**
 * A literal's syntactic place, for telling a retune or a move from a new value (SPEC section 3):
 * what survives reformatting and reshaping around the literal, never the line's text.
 */
export interface Anchor {
  /**
   * The enclosing statement's code as structure, numbers masked, with parentheses, type
   * annotations, spacing, line breaks and comments left out (a digest).
   */
  statement: string;
  /** The same with the arithmetic operators masked too: an operator change is a retune, not a new value. */
  loose: string;
  /** The literal's path in its statement: each step the parent's kind and the child's name or index. */
  path: string;
  /** The name the statement declares or assigns (`ALPHA`, `this.k`, `return`), when it has one. */
  identity: string | null;
  /**
   * The statement's structure with the name it assigns masked, for an assignment or a
   * declaration of one name: the same value renamed (`constant_forcing = -4 * cos(4 * y)` →
   * `f = -4 * cos(4 * y)`) keeps its place.
   */
  renamed: string | null;
  /** The operator the literal is an operand of (`*`, `/=`), when it is one. */
  operator: string | null;
}

/** One numeric literal, as an adapter describes it. */
export interface LiteralSite {
  /** Source text as written, including a leading unary sign when present. */
  text: string;
  value: number;
  /** Offsets of `text` (sign included). */
  start: number;
  end: number;
  /** Where the number itself starts (after a sign): the part a line shape masks. */
  numberStart: number;
  /**
   * An expression of literals only (`1 + 2/1000`, `Math.PI / 180`), judged as one value: its
   * `value` is exact, so a known constant is matched by value, not by written digits.
   */
  folded: boolean;
  /** The literals a folded expression is made of, as written (`["2", "3.14159"]`); empty otherwise. */
  parts: readonly string[];
  context: LiteralContext;
  /** In a `for` loop's initializer, condition or update. */
  inLoopHeader: boolean;
  /**
   * Part of an array's size, shape or axes: an allocator's shape (`np.zeros((n, 3))`,
   * `new Float64Array(1024)`), a reshape's arguments, a tuple assigned to or compared with `.shape`,
   * a transpose's axes (`jnp.transpose(g, (1, 2, 0))`).
   */
  inShape: boolean;
  /**
   * The bound of a loop whose counter only indexes arrays (`for (let i = 0; i < 3; i++) out[i] =
   * v[i]`, `for k in range(3): r[k] = …`): the arrays' length written out.
   */
  boundsArrayLoop: boolean;
  /** The code of the enclosing statement (for context-dependent constants such as 180 beside π). */
  statementText: string;
  /** Where the enclosing statement starts: which statement of its file the literal stands in. */
  statementStart: number;
  /** Constructs holding the literal, innermost first, up to the enclosing scope. */
  constructs: readonly Construct[];
  /** Its syntactic place (only read for literals a change adds or removes). */
  anchor: Anchor;
  /**
   * The plain strings passed beside it in the call it is an argument of, in order: a definition
   * that documents its value in its arguments (`Constant("R_earth", "Earth equatorial radius",
   * 6378137.0, "m", 0.0, "IAU 2015 Resolution B 3")`). Empty when it is no call's argument.
   */
  argumentTexts: readonly SourceComment[];
}

/** Where a literal stands and what it says, as an adapter reads it off the text. */
export type WrittenLiteral = Pick<LiteralSite, "text" | "value" | "start" | "end" | "numberStart" | "folded" | "parts">;

/**
 * A string argument that reads as prose (words separated by spaces): a description or a
 * reference, not an identifier, a unit symbol, a URL, a path or a format code.
 */
export const isProse = (text: string): boolean => /[\p{L}\p{N}][^\S\n]+[\p{L}\p{N}(]/u.test(text.trim());

/** What an adapter yields for one source text. */
export interface Extraction {
  /** Every numeric literal, in source order. */
  sites: LiteralSite[];
  /** Every comment, in source order. */
  comments: SourceComment[];
}

/** A language adapter turns one source text into neutral records. */
export interface LanguageAdapter {
  /** Stable id, e.g. "typescript"; the same as its `Language` entry's. */
  id: string;
  /** How a known constant's named form is spelled in this language, by constant key. */
  namedForm(constantKey: string): string | undefined;
  /**
   * Must not throw on syntax errors: describe what can be parsed. A file the grammar cannot
   * read at all may throw (its literals would be guesses), unless `partial`: a change's base,
   * read only to pair the head's literals with what they replaced, is read for whatever it holds.
   */
  extract(path: string, text: string, options?: { partial?: boolean }): Extraction;
}

/** FNV-1a over UTF-16 code units, 2 × 32 bits: the digest of a line shape. */
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
