/**
 * A parsed source file as the core sees it: an adapter's neutral records plus the text.
 * Everything language-neutral about a literal's place is derived here, once for every
 * language: its line and column, the comments attached to it, and its line's shape.
 *
 * Lines are counted by `\n` (a `\r\n` ends one line), as git and GitHub count them, so a
 * finding's line always matches the diff's.
 */
import { shapeDigest, type Extraction, type LiteralContext, type LiteralSite, type SourceComment } from "./literal.js";

/** A comment that may justify a literal, in the order it was found attached. */
export interface AttachedComment {
  /** The comment's text; a leading block of several comments is one, its comments joined by lines. */
  text: string;
  /** 1-based lines where the comment (block) starts and ends. */
  line: number;
  endLine: number;
  /**
   * How it is attached: on the literal's own line; directly above a construct holding the
   * literal (a leading block or JSDoc); trailing that construct's first or last line; or the
   * documentation of a function whose body holds the literal (covers it only when the policy
   * says function documentation covers bodies); or the head of the table or block of constant
   * declarations the literal stands in (covers it only when it cites a source); or the plain
   * strings passed beside it in its call (adoption mode only, and only when they explain it).
   */
  placement: "same-line" | "leading" | "trailing" | "function-doc" | "block" | "argument-text";
}

interface Comment extends SourceComment {
  line: number;
  endLine: number;
}

const isSpace = (code: number): boolean =>
  code === 32 ||
  code === 9 ||
  code === 10 ||
  code === 13 ||
  code === 11 ||
  code === 12 ||
  code === 0xa0 ||
  code === 0xfeff ||
  (code > 127 && /\s/.test(String.fromCharCode(code)));

/** How far the lexical context of a literal is read on its line, each way. */
const AROUND = 300;

/** How many lines above a construct its block's head may stand (a long table). */
const BLOCK_REACH = 400;
/** A line that opens control flow ends a block of constants. */
const CONTROL =
  /^\s*(if|else|elif|for|while|do|switch|case|return|def|function|class|try|except|catch|finally|with|async|await|yield|throw|raise)\b/;
/** A statement that declares or assigns a constant (`const A = …`, `self.k = …`, `K: float = …`). */
const DECLARATION =
  /^\s*(export\s+)?(const|let|var|static|readonly|public|private|protected|final)?\s*[\p{L}_$][\w$.[\]'"]*\s*(:[^=\n]{1,80})?=(?!=)/u;

/** One line that assigns a whole number to an upper-case name (`World.ISLAND_SLEEPING = 4;`, `STATE_IDLE = 0`). */
const NAMED_INTEGER =
  /^\s*(?:(?:export\s+)?(?:const|let|var|static|readonly|public|final)\s+)*((?:[\w$]+\.)*)([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\s*(?::\s*[\w.]+\s*)?=\s*(-?\d+)\s*[;,]?\s*(?:(?:\/\/|#).*)?$/;
/** A line with nothing but a comment or its continuation, or nothing at all. */
const COMMENT_OR_BLANK = /^\s*(?:$|\/\/|#|\/\*|\*)/;
/** How many lines of comments may stand between two members of a family of constants. */
const FAMILY_GAP = 40;

/** An import of a plotting library, or a canvas's 2D context. */
const DRAWS_FIGURES = /^[ \t]*(?:import|from)[ \t]+(?:matplotlib|pylab|seaborn)\b|\bgetContext\s*\(\s*['"`]2d['"`]/m;

export class SourceFile {
  readonly literals: Literal[];
  private readonly lineStarts: number[];
  private readonly comments: Comment[];
  private readonly commentByEnd = new Map<number, Comment>();
  private readonly docstringByEnd = new Map<number, Comment>();
  private commentsByLine: Map<number, Comment[]> | undefined;
  private readonly literalsByLine = new Map<number, Literal[]>();
  private readonly shapes = new Map<number, string>();
  private readonly blockHeadCache = new Map<number, Comment[]>();
  private readonly families = new Map<number, boolean>();
  private figures: boolean | undefined;
  private codeOnly: string | undefined;

  constructor(
    readonly text: string,
    extraction: Extraction,
  ) {
    this.lineStarts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
    this.comments = extraction.comments.map((c) => ({
      ...c,
      // A CRLF file's comments read as an LF file's: sections, lines and blocks split on `\n`.
      text: c.text.includes("\r") ? c.text.replace(/\r\n?/g, "\n") : c.text,
      line: this.lineOf(c.start),
      endLine: this.lineOf(Math.max(c.start, c.end - 1)),
    }));
    for (const comment of this.comments) (comment.docstring ? this.docstringByEnd : this.commentByEnd).set(comment.end, comment);
    this.literals = extraction.sites.map((site) => {
      const literal = new Literal(this, site);
      const list = this.literalsByLine.get(literal.line);
      if (list) {
        literal.ordinal = list.length;
        list.push(literal);
      } else this.literalsByLine.set(literal.line, [literal]);
      return literal;
    });
  }

  /** The file's own records of these comments (matched by position). */
  commentsAt(comments: readonly SourceComment[]): Comment[] {
    return comments.flatMap((c) => {
      const own = this.docstringByEnd.get(c.end) ?? this.commentByEnd.get(c.end);
      return own && own.start === c.start ? [own] : [];
    });
  }

  /** The literals that start on a 1-based line. */
  literalsOn(line: number): readonly Literal[] {
    return this.literalsByLine.get(line) ?? [];
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /**
   * The code of an offset's line before it and after an end offset (lexical context of a
   * literal), at most `AROUND` characters each way: a minified line of a megabyte is not copied
   * once per literal.
   */
  around(start: number, end: number): { before: string; after: string } {
    const from = Math.max(this.lineStarts[this.lineOf(start) - 1]!, start - AROUND);
    const after = this.text.slice(end, end + AROUND);
    const newline = after.indexOf("\n");
    return { before: this.text.slice(from, start), after: newline < 0 ? after : after.slice(0, newline) };
  }

  /** The offset where a 1-based line starts. */
  lineStartOf(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  /** 1-based column of an offset on its line (UTF-16 code units, as editors and GitHub count). */
  columnOf(offset: number, line = this.lineOf(offset)): number {
    return offset - this.lineStarts[line - 1]! + 1;
  }

  /**
   * Every comment, and every run of comments on consecutive lines joined as one block: what
   * the file says in comments, whatever it is attached to.
   */
  commentTexts(): string[] {
    const texts = this.commentBlocks(() => true);
    // The strings a call passes beside its values speak for them as a comment would.
    const calls = new Set<number>();
    for (const literal of this.literals) {
      const strings = literal.site.argumentTexts;
      if (strings.length === 0 || calls.has(strings[0]!.start)) continue;
      calls.add(strings[0]!.start);
      texts.push(argumentText(strings));
    }
    return texts;
  }

  /**
   * The comments, and runs of comments on consecutive lines joined as one, that hold a line of
   * `lines`: what a change that removed those lines rewrote, as `commentTexts` writes them.
   */
  commentTextsTouching(lines: ReadonlySet<number>): string[] {
    return this.commentBlocks((c) => {
      for (let l = c.line; l <= c.endLine; l++) if (lines.has(l)) return true;
      return false;
    });
  }

  /** Each kept comment, and each run of comments on consecutive lines (joined) that holds a kept one. */
  private commentBlocks(keep: (comment: Comment) => boolean): string[] {
    const texts: string[] = [];
    let run: Comment[] = [];
    const flush = () => {
      if (run.length > 1 && run.some(keep)) texts.push(run.map((c) => c.text).join("\n"));
      run = [];
    };
    for (const comment of this.comments) {
      if (keep(comment)) texts.push(comment.text);
      const last = run.at(-1);
      if (last && comment.line > last.endLine + 1) flush();
      run.push(comment);
    }
    flush();
    return texts;
  }

  /** Comments touching a line, in source order. */
  commentsOnLine(line: number): Comment[] {
    if (!this.commentsByLine) {
      this.commentsByLine = new Map();
      for (const comment of this.comments) {
        if (comment.docstring) continue;
        for (let l = comment.line; l <= comment.endLine; l++) {
          const list = this.commentsByLine.get(l);
          if (list) list.push(comment);
          else this.commentsByLine.set(l, [comment]);
        }
      }
    }
    return this.commentsByLine.get(line) ?? [];
  }

  /**
   * The comment block directly above a construct that starts at `start`: the comments between
   * the previous code and the construct, leaving out those on the previous code's own line
   * (they trail it), then only the contiguous run that ends on the construct's line or the one
   * above: a blank line breaks the attachment.
   */
  leadingBlock(start: number): Comment[] {
    const gap: Comment[] = [];
    let i = start - 1;
    for (;;) {
      while (i >= 0 && isSpace(this.text.charCodeAt(i))) i--;
      const comment = i >= 0 ? this.commentByEnd.get(i + 1) : undefined;
      if (!comment) break;
      gap.unshift(comment);
      i = comment.start - 1;
    }
    if (gap.length === 0) return gap;
    // `i` is the last character of the previous code (-1 at the start of the file).
    const firstOwnLine = i < 0 ? 0 : this.text.indexOf("\n", i + 1);
    const block: Comment[] = [];
    if (firstOwnLine < 0) return block;
    let expectedEnd = this.lineOf(start);
    for (let k = gap.length - 1; k >= 0; k--) {
      const comment = gap[k]!;
      if (comment.start < firstOwnLine || comment.endLine < expectedEnd - 1) break;
      block.unshift(comment);
      expectedEnd = comment.line;
    }
    return block;
  }

  /**
   * The comment block heading the run of code that holds the construct starting at `start`:
   * walking up over sibling lines (the same indentation or deeper, no blank line, no control
   * statement) to the top of the run, the comment-only lines standing there. This is how a
   * citation at the head of a table or a block of constants reaches its rows.
   */
  blockHead(start: number): Comment[] {
    let head = this.blockHeadCache.get(start);
    if (!head) this.blockHeadCache.set(start, (head = this.findBlockHead(start)));
    return head;
  }

  private findBlockHead(start: number): Comment[] {
    const first = this.lineOf(start);
    const indentOf = (line: number): number => {
      const from = this.lineStarts[line - 1]!;
      let i = from;
      while (i < this.text.length && (this.text[i] === " " || this.text[i] === "\t")) i++;
      return i - from;
    };
    const indent = indentOf(first);
    let run: Comment[] = [];
    // Past a blank line, only comments still head the block: a heading paragraph, a licence or
    // module header above a `// constants` label (the comments between the previous code and the block).
    let pastBlank = false;
    for (let line = first - 1; line >= first - BLOCK_REACH; line--) {
      // The top of the block: the run of comments met last is its head.
      if (line < 1) return run;
      const from = this.lineStarts[line - 1]!;
      const to = line < this.lineStarts.length ? this.lineStarts[line]! - 1 : this.text.length;
      const code = this.text.slice(from, to);
      if (code.trim() === "") {
        pastBlank = true;
        continue;
      }
      const comments = this.commentsOnLine(line);
      let rest = code;
      for (const comment of comments) rest = rest.replace(this.text.slice(Math.max(comment.start, from), Math.min(comment.end, to)), "");
      if (rest.trim() === "") {
        for (const comment of comments) if (!run.includes(comment)) run.unshift(comment);
        continue;
      }
      if (pastBlank || indentOf(line) < indent || CONTROL.test(code)) return run;
      run = [];
    }
    return pastBlank ? run : [];
  }

  /**
   * Whether a line assigns a member of an enumeration written as constants: a run of three or
   * more assignments of whole numbers to upper-case names (comments between them allowed),
   * of one owner (`Body.DYNAMIC = 1; Body.STATIC = 2; Body.KINEMATIC = 4`) or sharing a word
   * (`NO_SLEEPING`, `BODY_SLEEPING`), whose values are distinct and count up (0, 1, 2) or are
   * bits (1, 2, 4): names for cases, as an enum's members are.
   */
  inConstantFamily(line: number): boolean {
    if (!this.families.has(line)) this.findConstantFamily(line);
    return this.families.get(line)!;
  }

  /**
   * Whether the file draws figures: it imports a plotting library (matplotlib, pylab, seaborn)
   * or draws on a canvas (`getContext("2d")`). Only there are a figure's layout and style
   * arguments read as presentation (`exemptions.ts`).
   */
  get drawsFigures(): boolean {
    return (this.figures ??= DRAWS_FIGURES.test(this.text));
  }

  private lineText(line: number): string {
    const from = this.lineStarts[line - 1]!;
    const to = line < this.lineStarts.length ? this.lineStarts[line]! - 1 : this.text.length;
    return this.text.slice(from, to).replace(/\r$/, "");
  }

  /** Judges the family a line belongs to once, and records the verdict for every member's line. */
  private findConstantFamily(line: number): void {
    const own = NAMED_INTEGER.exec(this.lineText(line));
    if (!own) {
      this.families.set(line, false);
      return;
    }
    const members = [{ line, owner: own[1]!, name: own[2]!, value: Number(own[3]) }];
    for (const step of [-1, 1]) {
      let gap = 0;
      for (let l = line + step; l >= 1 && l <= this.lineStarts.length && gap <= FAMILY_GAP; l += step) {
        const text = this.lineText(l);
        const match = NAMED_INTEGER.exec(text);
        if (match && match[1] === own[1]) {
          members.push({ line: l, owner: match[1]!, name: match[2]!, value: Number(match[3]) });
          gap = 0;
        } else if (COMMENT_OR_BLANK.test(text)) gap++;
        else break;
      }
    }
    const family = this.isEnumeration(members, own[1] !== "");
    for (const member of members) this.families.set(member.line, family);
  }

  private isEnumeration(members: ReadonlyArray<{ owner: string; name: string; value: number }>, owned: boolean): boolean {
    if (members.length < 3) return false;
    const values = members.map((m) => m.value).sort((a, b) => a - b);
    if (new Set(values).size !== values.length) return false;
    const counting = values.every((v, i) => i === 0 || v === values[i - 1]! + 1);
    const bits = values.every((v) => v === 0 || (v > 0 && (v & (v - 1)) === 0));
    if (!counting && !bits) return false;
    // Without an owner, the names share a word (`STATE_IDLE`, `STATE_RUNNING`; `NO_SLEEPING`, `BODY_SLEEPING`).
    const words = members.map((m) => new Set(m.name.split("_")));
    if (!owned && ![...words[0]!].some((word) => word.length > 1 && words.every((set) => set.has(word)))) return false;
    // A member the file computes with is a number in disguise (`x * Tuning.A / 100`), as an enum's is.
    return !members.some((m) => this.computesWith(m.owner + m.name));
  }

  /** Whether the file's code (its comments left out) uses a name as an operand of arithmetic (`x * Tuning.A`, `Tuning.A / 100`). */
  private computesWith(name: string): boolean {
    const escaped = name.replace(/[.$]/g, "\\$&");
    const operand = new RegExp(`[-+*/%]=?\\s*${escaped}(?![\\w$])|(?<![\\w$.])${escaped}\\s*[-+*/%](?![-+=])`);
    return operand.test((this.codeOnly ??= this.withoutComments()));
  }

  /** The text with every comment blanked out (offsets kept). */
  private withoutComments(): string {
    let out = "";
    let at = 0;
    for (const comment of [...this.comments].sort((a, b) => a.start - b.start)) {
      if (comment.start < at) continue;
      out += this.text.slice(at, comment.start) + " ".repeat(comment.end - comment.start);
      at = comment.end;
    }
    return out + this.text.slice(at);
  }

  /** A line's code with literals masked and comments and white space removed, as a digest. */
  shapeOf(line: number): string {
    let shape = this.shapes.get(line);
    if (shape === undefined) {
      const lineStart = this.lineStarts[line - 1] ?? 0;
      const lineEnd = line < this.lineStarts.length ? this.lineStarts[line]! : this.text.length;
      const cuts: Array<[number, number, string]> = [];
      for (const comment of this.commentsOnLine(line)) cuts.push([Math.max(comment.start, lineStart), Math.min(comment.end, lineEnd), ""]);
      for (const literal of this.literalsByLine.get(line) ?? []) cuts.push([literal.site.numberStart, literal.site.end, "#"]);
      cuts.sort((a, b) => a[0] - b[0]);
      let out = "";
      let at = lineStart;
      for (const [from, to, replacement] of cuts) {
        if (from < at) continue;
        out += this.text.slice(at, from) + replacement;
        at = to;
      }
      if (at < lineEnd) out += this.text.slice(at, lineEnd);
      shape = shapeDigest(out.replace(/\s+/g, ""));
      this.shapes.set(line, shape);
    }
    return shape;
  }
}

/**
 * A literal in its file: the adapter's record, located. The fields only candidates need
 * (attached comments, line shape) are computed on first read: most literals are indexes and
 * 0/1 tests that the roles set aside, and most lines of a diff were not added.
 */
export class Literal {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Index among the literals of its line. */
  ordinal = 0;
  private cachedComments: AttachedComment[] | undefined;

  constructor(
    private readonly file: SourceFile,
    readonly site: LiteralSite,
  ) {
    this.line = file.lineOf(site.start);
    this.column = file.columnOf(site.start, this.line);
    this.endLine = file.lineOf(site.end);
    this.endColumn = file.columnOf(site.end, this.endLine);
  }

  get text(): string {
    return this.site.text;
  }
  get value(): number {
    return this.site.value;
  }
  get context(): LiteralContext {
    return this.site.context;
  }
  get inLoopHeader(): boolean {
    return this.site.inLoopHeader;
  }
  get inShape(): boolean {
    return this.site.inShape;
  }
  get boundsArrayLoop(): boolean {
    return this.site.boundsArrayLoop;
  }
  /** The literals of its line, itself included. */
  onSameLine(): readonly Literal[] {
    return this.file.literalsOn(this.line);
  }
  /** Whether its line names one case of an enumeration written as constants (see `SourceFile.inConstantFamily`). */
  get inConstantFamily(): boolean {
    return this.line === this.endLine && this.file.inConstantFamily(this.line);
  }
  /** Whether its file draws figures (see `SourceFile.drawsFigures`). */
  get drawsFigures(): boolean {
    return this.file.drawsFigures;
  }
  /** The code of its line before and after it. */
  get around(): { before: string; after: string } {
    return this.file.around(this.site.start, this.site.end);
  }
  get statementText(): string {
    return this.site.statementText;
  }

  /**
   * A short digest of the code of the literal's line with every numeric literal masked and
   * all space and comments removed: equal shapes mean "the same place", which is how retuned
   * and merely reformatted literals are recognised.
   */
  get shape(): string {
    return this.file.shapeOf(this.line);
  }

  /** Candidate justifications, most specific first (SPEC section 2's attachment rule). */
  get comments(): AttachedComment[] {
    return (this.cachedComments ??= attach(this.file, this));
  }
}

/** The strings of one call read as one text, one line each. */
const argumentText = (strings: readonly SourceComment[]): string => strings.map((s) => s.text.trim()).join("\n");

function attach(file: SourceFile, literal: Literal): AttachedComment[] {
  const result: AttachedComment[] = [];
  const seen = new Set<SourceComment>();
  const add = (comments: Comment[], placement: AttachedComment["placement"]): void => {
    const fresh = comments.filter((c) => !seen.has(c));
    if (fresh.length === 0) return;
    for (const c of fresh) seen.add(c);
    // A block is judged whole: its comments read as one text, line after line (SPEC section 2).
    result.push({ text: fresh.map((c) => c.text).join("\n"), line: fresh[0]!.line, endLine: fresh.at(-1)!.endLine, placement });
  };
  for (let l = literal.line; l <= literal.endLine; l++) for (const comment of file.commentsOnLine(l)) add([comment], "same-line");
  // A comment block on its own lines inside a multi-line statement, directly above the line the
  // literal stands on (`a * 0.27 +` / `// @physics: …` / `b * 1.002;`), speaks for that line.
  const innermost = literal.site.constructs[0];
  if (innermost && innermost.kind === "enclosing") {
    const inside = file.leadingBlock(file.lineStartOf(literal.line));
    if (inside.length > 0 && inside[0]!.start > innermost.start) add(inside, "leading");
  }
  const strings = literal.site.argumentTexts;
  if (strings.length > 0)
    result.push({
      text: argumentText(strings),
      line: file.lineOf(strings[0]!.start),
      endLine: file.lineOf(strings.at(-1)!.end - 1),
      placement: "argument-text",
    });
  for (const construct of literal.site.constructs) {
    const inFunction = construct.kind === "function";
    add(file.leadingBlock(construct.start), inFunction ? "function-doc" : "leading");
    if (construct.docs?.length) add(file.commentsAt(construct.docs), inFunction ? "function-doc" : "leading");
    if (inFunction) continue;
    for (const comment of file.commentsOnLine(file.lineOf(construct.start)))
      if (comment.start >= construct.start) add([comment], "trailing");
    for (const comment of file.commentsOnLine(file.lineOf(construct.end))) if (comment.start >= construct.end) add([comment], "trailing");
  }
  // A citation heading the table or the block of constant declarations the literal stands in.
  const context = literal.context.kind;
  const constant =
    context === "array-element" ||
    context === "object-property" ||
    context === "enum-member" ||
    context === "property-initializer" ||
    DECLARATION.test(literal.statementText);
  if (constant)
    for (const construct of literal.site.constructs) {
      if (construct.kind === "function") break;
      add(file.blockHead(construct.start), "block");
    }
  return result;
}
