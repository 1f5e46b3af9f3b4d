/**
 * TypeScript and JavaScript adapter on ts-morph's bundled compiler. The raw tree is parsed
 * with `ts.createSourceFile` and walked once with `ts.forEachChild`: ts-morph's
 * `Project.createSourceFile` measured 2.4x the raw parse on the benchmark corpus (its file
 * system and wrapper bookkeeping), and nothing here needs wrappers, types or other files.
 * The parser is error-tolerant, so files with syntax errors still yield their literals.
 */
import { ts } from "ts-morph";
import {
  shapeDigest,
  type AttachedComment,
  type BinaryOperator,
  type LanguageAdapter,
  type LiteralContext,
  type LiteralSite,
} from "../literal.js";

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"] as const;

/** Named forms of known constants in JavaScript; the rest are suggested as named `const`s. */
const NAMED_FORMS: Record<string, string> = {
  pi: "Math.PI",
  e: "Math.E",
  sqrt2: "Math.SQRT2",
  sqrt1_2: "Math.SQRT1_2",
  ln2: "Math.LN2",
  ln10: "Math.LN10",
  log2e: "Math.LOG2E",
  log10e: "Math.LOG10E",
  "2pi": "2 * Math.PI",
  "pi/2": "Math.PI / 2",
  "pi/4": "Math.PI / 4",
  "pi/180": "Math.PI / 180",
  "180/pi": "180 / Math.PI",
  "1/pi": "1 / Math.PI",
  "4pi": "4 * Math.PI",
  sqrtpi: "Math.sqrt(Math.PI)",
  sqrt2pi: "Math.sqrt(2 * Math.PI)",
  sqrt3: "Math.sqrt(3)",
  phi: "(1 + Math.sqrt(5)) / 2",
};

const ARITHMETIC: Partial<Record<ts.SyntaxKind, BinaryOperator>> = {
  [ts.SyntaxKind.AsteriskToken]: "*",
  [ts.SyntaxKind.SlashToken]: "/",
  [ts.SyntaxKind.PercentToken]: "%",
  [ts.SyntaxKind.PlusToken]: "+",
  [ts.SyntaxKind.MinusToken]: "-",
  [ts.SyntaxKind.AsteriskAsteriskToken]: "**",
  [ts.SyntaxKind.AmpersandToken]: "&",
  [ts.SyntaxKind.BarToken]: "|",
  [ts.SyntaxKind.CaretToken]: "^",
  [ts.SyntaxKind.LessThanLessThanToken]: "<<",
  [ts.SyntaxKind.GreaterThanGreaterThanToken]: ">>",
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken]: ">>>",
  [ts.SyntaxKind.AmpersandAmpersandToken]: "&&",
  [ts.SyntaxKind.BarBarToken]: "||",
  [ts.SyntaxKind.QuestionQuestionToken]: "??",
};

const COMPOUND: Partial<Record<ts.SyntaxKind, BinaryOperator>> = {
  [ts.SyntaxKind.AsteriskEqualsToken]: "*",
  [ts.SyntaxKind.SlashEqualsToken]: "/",
  [ts.SyntaxKind.PercentEqualsToken]: "%",
  [ts.SyntaxKind.PlusEqualsToken]: "+",
  [ts.SyntaxKind.MinusEqualsToken]: "-",
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: "**",
  [ts.SyntaxKind.AmpersandEqualsToken]: "&",
  [ts.SyntaxKind.BarEqualsToken]: "|",
  [ts.SyntaxKind.CaretEqualsToken]: "^",
  [ts.SyntaxKind.LessThanLessThanEqualsToken]: "<<",
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ">>",
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken]: ">>>",
  [ts.SyntaxKind.AmpersandAmpersandEqualsToken]: "&&",
  [ts.SyntaxKind.BarBarEqualsToken]: "||",
  [ts.SyntaxKind.QuestionQuestionEqualsToken]: "??",
};

const COMPARISON = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
]);

/** Parents whose children are statements: each child is a construct of its own. */
const STATEMENT_LISTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.Block,
  ts.SyntaxKind.SourceFile,
  ts.SyntaxKind.ModuleBlock,
  ts.SyntaxKind.CaseClause,
  ts.SyntaxKind.DefaultClause,
]);

/** Nodes a comment can be attached to besides statements: members, properties, declarations. */
const MEMBER_CONSTRUCTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.ClassStaticBlockDeclaration,
  ts.SyntaxKind.IndexSignature,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.CallSignature,
  ts.SyntaxKind.ConstructSignature,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.ShorthandPropertyAssignment,
  ts.SyntaxKind.EnumMember,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.JsxAttribute,
]);

/** Nodes a comment can be attached to ("statement, declaration, class member, property, enum member"). */
function isConstruct(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  return (
    STATEMENT_LISTS.has(parent.kind) || MEMBER_CONSTRUCTS.has(node.kind) || parent.kind === ts.SyntaxKind.ArrayLiteralExpression // an element of a multi-line array
  );
}

/** Where the walk for covering comments stops: a block's statements are their own constructs. */
const SCOPE_BOUNDARIES = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.Block,
  ts.SyntaxKind.SourceFile,
  ts.SyntaxKind.ModuleBlock,
  ts.SyntaxKind.CaseBlock,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ClassExpression,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.EnumDeclaration,
]);

const isScopeBoundary = (node: ts.Node): boolean => SCOPE_BOUNDARIES.has(node.kind);

function isFunctionBody(node: ts.Node): boolean {
  const parent = node.parent;
  return !!parent && ts.isBlock(node) && ts.isFunctionLike(parent);
}

function skipOuterExpressions(node: ts.Node): ts.Node {
  let current = node;
  let parent = current.parent;
  while (
    parent &&
    (ts.isParenthesizedExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isTypeAssertionExpression(parent))
  ) {
    current = parent;
    parent = current.parent;
  }
  return current;
}

function nameText(node: ts.Node | undefined, sourceFile: ts.SourceFile): string {
  if (!node) return "";
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteral(node) || ts.isNumericLiteral(node)) {
    return node.text;
  }
  return node.getText(sourceFile);
}

function contextOf(literal: ts.Node, sourceFile: ts.SourceFile): LiteralContext {
  const node = skipOuterExpressions(literal);
  const parent = node.parent;
  if (!parent) return { kind: "other" };
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) {
      return parent.right === node ? { kind: "assignment", name: nameText(parent.left, sourceFile) } : { kind: "other" };
    }
    if (COMPARISON.has(op)) return { kind: "comparison" };
    const compound = COMPOUND[op];
    if (compound) return { kind: "compound-assignment", operator: compound };
    return { kind: "binary", operator: ARITHMETIC[op] ?? "other", side: parent.left === node ? "left" : "right" };
  }
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node as ts.Expression)) {
    return {
      kind: "call-argument",
      callee: parent.expression.getText(sourceFile),
      index: parent.arguments.indexOf(node as ts.Expression),
    };
  }
  if (ts.isVariableDeclaration(parent) && parent.initializer === node) {
    return { kind: "variable-initializer", name: nameText(parent.name, sourceFile) };
  }
  if (ts.isPropertyDeclaration(parent) && parent.initializer === node) {
    return { kind: "property-initializer", name: nameText(parent.name, sourceFile) };
  }
  if (ts.isParameter(parent) && parent.initializer === node) {
    return { kind: "parameter-default", name: nameText(parent.name, sourceFile) };
  }
  if (ts.isBindingElement(parent) && parent.initializer === node) {
    return { kind: "parameter-default", name: nameText(parent.name, sourceFile) };
  }
  if (ts.isArrayLiteralExpression(parent)) return { kind: "array-element" };
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    return { kind: "object-property", name: nameText(parent.name, sourceFile) };
  }
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node)) return { kind: "return" };
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return { kind: "index" };
  if (ts.isEnumMember(parent)) return { kind: "enum-member" };
  if (ts.isLiteralTypeNode(parent)) return { kind: "literal-type" };
  if (ts.isCaseClause(parent)) return { kind: "comparison" };
  return { kind: "other" };
}

function isInLoopHeader(node: ts.Node): boolean {
  let child = node;
  let current = node.parent;
  while (current && !ts.isBlock(current) && !ts.isSourceFile(current)) {
    if (ts.isForStatement(current)) {
      return current.initializer === child || current.condition === child || current.incrementor === child;
    }
    if (ts.isFunctionLike(current)) return false;
    child = current;
    current = current.parent;
  }
  return false;
}

interface Comment {
  pos: number;
  end: number;
  line: number;
  endLine: number;
  text: string;
}

/**
 * Whether trivia at `pos` holds a comment: white space, then `//` or `/*`. A cheap test
 * before asking the compiler for comment ranges, which most node boundaries do not have.
 */
function mayStartComment(text: string, pos: number): boolean {
  let i = pos;
  for (;;) {
    const ch = text.charCodeAt(i);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 11 || ch === 12 || ch === 0xfeff || ch === 0xa0) i++;
    else if (ch === 47) {
      const next = text.charCodeAt(i + 1);
      return next === 47 || next === 42;
    } else return ch > 127; // other Unicode white space: let the compiler decide
  }
}

function stripDelimiters(raw: string): string {
  if (raw.startsWith("//")) return raw.slice(2).trim();
  let body = raw.slice(2, raw.length - 2);
  if (body.startsWith("*")) body = body.slice(1); // JSDoc
  return body
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*\*?\s?/, "").trimEnd())
    .join("\n")
    .trim();
}

/**
 * Everything one file yields; built in a single walk. Comments are gathered from the
 * trivia before and after every node, which reaches every comment except those on their
 * own line right before a closing bracket (attached to nothing).
 */
class FileScan {
  readonly literals: ts.Node[] = [];
  private readonly commentsByPos = new Map<number, Comment>();
  private commentsByLine: Map<number, Comment[]> | undefined;

  constructor(
    readonly sourceFile: ts.SourceFile,
    readonly text: string,
  ) {
    // Parent pointers are set here, in the one walk, instead of by the parser's extra pass.
    let parent: ts.Node = sourceFile;
    const visit = (node: ts.Node): void => {
      (node as { parent: ts.Node }).parent = parent;
      this.collectComments(node);
      if (node.kind === ts.SyntaxKind.NumericLiteral) {
        const signed =
          ts.isPrefixUnaryExpression(parent) &&
          (parent.operator === ts.SyntaxKind.MinusToken || parent.operator === ts.SyntaxKind.PlusToken);
        this.literals.push(signed ? parent : node);
        return;
      }
      const saved = parent;
      parent = node;
      ts.forEachChild(node, visit);
      parent = saved;
    };
    ts.forEachChild(sourceFile, visit);
    this.collectComments(sourceFile.endOfFileToken);
  }

  private collectComments(node: ts.Node): void {
    const text = this.text;
    if (mayStartComment(text, node.pos)) {
      const leading = ts.getLeadingCommentRanges(text, node.pos);
      if (leading) for (const range of leading) this.addComment(range);
      // A comment right after a punctuation token (`[ // note`) trails that token, which is no node.
      const afterToken = ts.getTrailingCommentRanges(text, node.pos);
      if (afterToken) for (const range of afterToken) this.addComment(range);
    }
    if (mayStartComment(text, node.end)) {
      const trailing = ts.getTrailingCommentRanges(text, node.end);
      if (trailing) for (const range of trailing) this.addComment(range);
    }
  }

  private addComment(range: ts.CommentRange): void {
    if (this.commentsByPos.has(range.pos)) return;
    this.commentsByPos.set(range.pos, {
      pos: range.pos,
      end: range.end,
      line: this.lineOf(range.pos),
      endLine: this.lineOf(range.end),
      text: stripDelimiters(this.text.slice(range.pos, range.end)),
    });
  }

  lineOf(pos: number): number {
    return this.sourceFile.getLineAndCharacterOfPosition(pos).line + 1;
  }

  /** Comments touching a line, in source order. */
  commentsOnLine(line: number): Comment[] {
    if (!this.commentsByLine) {
      this.commentsByLine = new Map();
      const sorted = [...this.commentsByPos.values()].sort((a, b) => a.pos - b.pos);
      for (const comment of sorted) {
        for (let l = comment.line; l <= comment.endLine; l++) {
          const list = this.commentsByLine.get(l);
          if (list) list.push(comment);
          else this.commentsByLine.set(l, [comment]);
        }
      }
    }
    return this.commentsByLine.get(line) ?? [];
  }

  /** The contiguous comment block that ends on the line above `node` (or on its line, before it). */
  leadingBlock(node: ts.Node): Comment[] {
    const ranges = ts.getLeadingCommentRanges(this.text, node.pos);
    if (!ranges || ranges.length === 0) return [];
    const start = node.getStart(this.sourceFile);
    const startLine = this.lineOf(start);
    const comments = ranges.map((range) => {
      this.addComment(range);
      return this.commentsByPos.get(range.pos)!;
    });
    const block: Comment[] = [];
    let expectedEnd = startLine;
    for (let i = comments.length - 1; i >= 0; i--) {
      const comment = comments[i]!;
      // The block must touch the construct: end on its line or the one above, with no blank line between.
      if (comment.endLine < expectedEnd - 1) break;
      block.unshift(comment);
      expectedEnd = comment.line;
    }
    return block;
  }
}

function attachedComments(scan: FileScan, literal: ts.Node, line: number, endLine: number): AttachedComment[] {
  const result: AttachedComment[] = [];
  const seen = new Set<Comment>();
  const add = (comment: Comment, placement: AttachedComment["placement"]): void => {
    if (seen.has(comment)) return;
    seen.add(comment);
    result.push({ text: comment.text, line: comment.line, placement });
  };
  for (let l = line; l <= endLine; l++) for (const comment of scan.commentsOnLine(l)) add(comment, "same-line");

  let insideFunctionBody = false;
  for (let node: ts.Node | undefined = literal; node; node = node.parent) {
    if (isScopeBoundary(node)) {
      // A function's JSDoc covers its body only when configured: mark what lies beyond it.
      if (isFunctionBody(node)) {
        insideFunctionBody = true;
        continue;
      }
      break;
    }
    if (!isConstruct(node)) continue;
    const placement: AttachedComment["placement"] = insideFunctionBody ? "function-doc" : "leading";
    for (const comment of scan.leadingBlock(node)) add(comment, placement);
    if (insideFunctionBody) continue;
    const sf = scan.sourceFile;
    const firstLine = scan.lineOf(node.getStart(sf));
    const lastLine = scan.lineOf(node.end);
    for (const comment of scan.commentsOnLine(firstLine)) if (comment.pos >= node.getStart(sf)) add(comment, "trailing");
    for (const comment of scan.commentsOnLine(lastLine)) if (comment.pos >= node.end) add(comment, "trailing");
  }
  return result;
}

function parseNumber(text: string): number {
  const clean = text.replace(/_/g, "");
  // Legacy octal (017) is rare enough that Number's decimal reading is kept.
  return Number(clean);
}

function statementOf(node: ts.Node): ts.Node {
  let current = node;
  while (current.parent && !isScopeBoundary(current.parent)) current = current.parent;
  return current;
}

/** Code of one line with literals masked and comments and white space removed. */
function lineShape(scan: FileScan, line: number, literalsOnLine: ts.Node[]): string {
  const sf = scan.sourceFile;
  const starts = sf.getLineStarts();
  const lineStart = starts[line - 1] ?? 0;
  const lineEnd = line < starts.length ? starts[line]! : scan.text.length;
  const cuts: Array<[number, number, string]> = [];
  for (const comment of scan.commentsOnLine(line)) cuts.push([Math.max(comment.pos, lineStart), Math.min(comment.end, lineEnd), ""]);
  for (const literal of literalsOnLine) {
    const numeric = ts.isPrefixUnaryExpression(literal) ? literal.operand : literal;
    cuts.push([numeric.getStart(sf), numeric.end, "#"]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = lineStart;
  for (const [from, to, replacement] of cuts) {
    if (from < at) continue;
    out += scan.text.slice(at, from) + replacement;
    at = to;
  }
  if (at < lineEnd) out += scan.text.slice(at, lineEnd);
  return out.replace(/\s+/g, "");
}

const STATEMENT_TEXT_LIMIT = 1000;

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  ".ts": ts.ScriptKind.TS,
  ".mts": ts.ScriptKind.TS,
  ".cts": ts.ScriptKind.TS,
  ".tsx": ts.ScriptKind.TSX,
  ".js": ts.ScriptKind.JS,
  ".mjs": ts.ScriptKind.JS,
  ".cjs": ts.ScriptKind.JS,
  ".jsx": ts.ScriptKind.JSX,
};

/** Parse only: no JSDoc trees (comments are read as text), no parent pass (the walk sets them). */
export function parseTypeScript(path: string, text: string): ts.SourceFile {
  const extension = path.slice(path.lastIndexOf(".")).toLowerCase();
  return ts.createSourceFile(
    path,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    SCRIPT_KINDS[extension] ?? ts.ScriptKind.TS,
  );
}

/**
 * One literal's record. The fields only candidates need (attached comments, line shape,
 * statement text) are computed on first read: most literals are indexes and 0/1 tests
 * that the core sets aside by role, and most lines of a diff were not added.
 */
class TypeScriptLiteral implements LiteralSite {
  readonly text: string;
  readonly value: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Index among the literals of its line, set as the line index records it. */
  ordinal = 0;
  private cachedContext: LiteralContext | undefined;
  private cachedComments: AttachedComment[] | undefined;

  constructor(
    private readonly scan: FileScan,
    private readonly node: ts.Node,
    start: number,
    private readonly lines: LineIndex,
  ) {
    const sf = scan.sourceFile;
    const begin = sf.getLineAndCharacterOfPosition(start);
    const end = sf.getLineAndCharacterOfPosition(node.end);
    this.line = begin.line + 1;
    this.column = begin.character + 1;
    this.endLine = end.line + 1;
    this.endColumn = end.character + 1;
    const written = scan.text.slice(start, node.end);
    this.text = written.replace(/\s+/g, "");
    if (ts.isPrefixUnaryExpression(node)) {
      const sign = node.operator === ts.SyntaxKind.MinusToken ? -1 : 1;
      this.value = sign * parseNumber((node.operand as ts.NumericLiteral).text);
    } else {
      this.value = parseNumber((node as ts.NumericLiteral).text);
    }
  }

  get context(): LiteralContext {
    return (this.cachedContext ??= contextOf(this.node, this.scan.sourceFile));
  }

  get inLoopHeader(): boolean {
    return isInLoopHeader(this.node);
  }

  get statementText(): string {
    const statement = statementOf(this.node);
    const start = statement.getStart(this.scan.sourceFile);
    return this.scan.text.slice(start, Math.min(statement.end, start + STATEMENT_TEXT_LIMIT));
  }

  get shape(): string {
    return this.lines.shape(this.line);
  }

  get comments(): AttachedComment[] {
    return (this.cachedComments ??= attachedComments(this.scan, this.node, this.line, this.endLine));
  }
}

/** Literals by line, and each line's shape, computed once per line on demand. */
class LineIndex {
  private readonly byLine = new Map<number, ts.Node[]>();
  private readonly shapes = new Map<number, string>();

  constructor(private readonly scan: FileScan) {}

  /** Record a literal on its line; returns its index there. */
  add(line: number, node: ts.Node): number {
    const list = this.byLine.get(line);
    if (list) return list.push(node) - 1;
    this.byLine.set(line, [node]);
    return 0;
  }

  literalsOn(line: number): ts.Node[] {
    return this.byLine.get(line) ?? [];
  }

  shape(line: number): string {
    let shape = this.shapes.get(line);
    if (shape === undefined) {
      shape = shapeDigest(lineShape(this.scan, line, this.literalsOn(line)));
      this.shapes.set(line, shape);
    }
    return shape;
  }
}

export function extractTypeScript(path: string, text: string): LiteralSite[] {
  const scan = new FileScan(parseTypeScript(path, text), text);
  const lines = new LineIndex(scan);
  return scan.literals.map((node) => {
    const site = new TypeScriptLiteral(scan, node, node.getStart(scan.sourceFile), lines);
    site.ordinal = lines.add(site.line, node);
    return site;
  });
}

export function createTypeScriptAdapter(): LanguageAdapter {
  return {
    id: "typescript",
    extensions: EXTENSIONS,
    namedForm: (key) => NAMED_FORMS[key],
    extract: extractTypeScript,
  };
}
