/**
 * TypeScript and JavaScript adapter on ts-morph's bundled compiler. The raw tree is parsed
 * with `ts.createSourceFile` and walked once with `ts.forEachChild`: ts-morph's
 * `Project.createSourceFile` measured 2.4x the raw parse on the benchmark corpus (its file
 * system and wrapper bookkeeping), and nothing here needs wrappers, types or other files.
 * The parser is error-tolerant, so files with syntax errors still yield their literals.
 */
import { ts } from "@ts-morph/common";
import {
  isProse,
  shapeDigest,
  type Anchor,
  type BinaryOperator,
  type Construct,
  type Extraction,
  type LanguageAdapter,
  type LiteralContext,
  type LiteralSite,
  type WrittenLiteral,
  type SourceComment,
} from "../literal.js";
import { ConstantFolder, stringNumbers } from "./typescript-values.js";

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
  "pi^2": "Math.PI ** 2",
  deg: "RADIANS_PER_DEGREE = Math.PI / 180",
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
    STATEMENT_LISTS.has(parent.kind) ||
    MEMBER_CONSTRUCTS.has(node.kind) ||
    // An element of a multi-line array, an argument of a multi-line call: a comment on the lines above it speaks for it.
    parent.kind === ts.SyntaxKind.ArrayLiteralExpression ||
    ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(node as ts.Expression) === true)
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

/** Whether a block lies in a function's body (before any class, module or the file). */
function insideFunction(block: ts.Node): boolean {
  for (let node = block.parent; node; node = node.parent) {
    if (isFunctionBody(node)) return true;
    if (ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isClassLike(node)) return false;
  }
  return false;
}

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

/** Index arithmetic: `table[i - 4]`, `a[2 * k + 1]`, `x[n % 3]` compute a position, not a quantity. */
const INDEX_ARITHMETIC = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.PercentToken,
]);

/** Whether a literal is an operand of arithmetic that computes an element access's index (`a[i - 4]`). */
function inIndexArithmetic(node: ts.Node): boolean {
  let current = node;
  let arithmetic = false;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (ts.isBinaryExpression(parent) && INDEX_ARITHMETIC.has(parent.operatorToken.kind)) arithmetic = true;
    else if (ts.isParenthesizedExpression(parent) || ts.isPrefixUnaryExpression(parent)) continue;
    else return arithmetic && ts.isElementAccessExpression(parent) && parent.argumentExpression === current;
  }
  return false;
}

/**
 * An allocation whose size is read back at once (`new Array(27).length`, a sum of its filled
 * entries): the size is then a number the code computes with, not a shape.
 */
function measured(allocation: ts.Node): boolean {
  let outer = skipOuterExpressions(allocation);
  // Through `.fill(v)` (`new Array(27).fill(1)` is still 27 entries) to what reads the array.
  for (;;) {
    const parent = outer.parent;
    if (!parent || !ts.isPropertyAccessExpression(parent) || parent.expression !== outer) return false;
    const name = parent.name.text;
    if (/^(?:length|byteLength|size)$/.test(name)) return true;
    const call = parent.parent;
    if (!ts.isCallExpression(call) || call.expression !== parent) return false;
    // Summing the entries reads the size back as well (`new Array(27).fill(1).reduce((a, b) => a + b)`).
    if (name === "reduce" || name === "reduceRight") return true;
    if (name !== "fill") return false;
    outer = skipOuterExpressions(call);
  }
}

/** Constructors whose one numeric argument is a length: `new Float64Array(1024)`, `new Array(3)`. */
const SIZED_CONSTRUCTORS =
  /^(?:globalThis\.|window\.)?(?:Array|(?:Float(?:32|64)|Int(?:8|16|32)|Uint(?:8|16|32)|Uint8Clamped|BigInt64|BigUint64)Array|ArrayBuffer|SharedArrayBuffer)$/;

/**
 * Whether an integer stands for an array's size: the one argument of a typed array's or an
 * `Array`'s constructor, read through size arithmetic (`new Float64Array(3 * n)`), or the
 * `length` of `Array.from({ length: 3 })`.
 */
function isInShape(literal: ts.Node, sourceFile: ts.SourceFile): boolean {
  let node = skipOuterExpressions(literal);
  while (
    node.parent &&
    ((ts.isBinaryExpression(node.parent) &&
      (node.parent.operatorToken.kind === ts.SyntaxKind.AsteriskToken ||
        node.parent.operatorToken.kind === ts.SyntaxKind.PlusToken ||
        node.parent.operatorToken.kind === ts.SyntaxKind.MinusToken)) ||
      ts.isParenthesizedExpression(node.parent) ||
      // `new Float64Array(full ? 6 : 3)`: either branch, not the condition.
      (ts.isConditionalExpression(node.parent) && node.parent.condition !== node))
  )
    node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if ((ts.isNewExpression(parent) || ts.isCallExpression(parent)) && parent.arguments?.length === 1 && parent.arguments[0] === node)
    return SIZED_CONSTRUCTORS.test(parent.expression.getText(sourceFile).replace(/\s+/g, "")) && !measured(parent);
  if (ts.isPropertyAssignment(parent) && parent.initializer === node && nameText(parent.name, sourceFile) === "length") {
    const call = parent.parent.parent;
    return (
      ts.isCallExpression(call) &&
      call.arguments[0] === parent.parent &&
      !measured(call) &&
      /^(?:Array|(?:Float(?:32|64)|Int(?:8|16|32)|Uint(?:8|16|32))Array)\.from$/.test(
        call.expression.getText(sourceFile).replace(/\s+/g, ""),
      )
    );
  }
  return false;
}

/** Whether `name` is the counter a `for (let name = …; …; …)` loop enclosing `node` declares. */
function isLoopCounter(name: string, node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isForStatement(current) && current.initializer && ts.isVariableDeclarationList(current.initializer)) {
      if (current.initializer.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)) return true;
    }
    if (ts.isFunctionLike(current)) return false;
  }
  return false;
}

const ARITHMETIC_OPERATORS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AsteriskAsteriskToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
]);

const arithmeticMembersOf = new WeakMap<ts.SourceFile, Set<string>>();

/**
 * The `Enum.Member` references of a file that are operands of arithmetic (`x * Tuning.ALPHA /
 * 100`, `-E.A`): such a member is a number the code computes with, however its enum names it.
 * One walk per file, without recursion; comparisons and bit flags (`E.A | E.B`) are not arithmetic.
 */
function arithmeticMembers(sourceFile: ts.SourceFile): Set<string> {
  let members = arithmeticMembersOf.get(sourceFile);
  if (members) return members;
  members = new Set();
  const stack: ts.Node[] = [sourceFile];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const outer = skipOuterExpressions(node);
      const parent = outer.parent;
      const operand =
        (ts.isBinaryExpression(parent) && ARITHMETIC_OPERATORS.has(parent.operatorToken.kind)) ||
        (ts.isPrefixUnaryExpression(parent) &&
          (parent.operator === ts.SyntaxKind.MinusToken || parent.operator === ts.SyntaxKind.PlusToken));
      if (operand) members.add(`${node.expression.text}.${node.name.text}`);
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  arithmeticMembersOf.set(sourceFile, members);
  return members;
}

/** Operators whose right operand is a fallback value. */
const FALLBACK = new Set<ts.SyntaxKind>([ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);

function contextOf(literal: ts.Node, sourceFile: ts.SourceFile): LiteralContext {
  const node = skipOuterExpressions(literal);
  const parent = node.parent;
  if (!parent) return { kind: "other" };
  if (ts.isBinaryExpression(parent) && inIndexArithmetic(node)) return { kind: "index" };
  // A fallback (`scale || 100`, `opts.k ?? 0.27`) is the value the expression stands for when
  // nothing is given: it has the place of the whole expression (an initializer, an argument).
  if (ts.isBinaryExpression(parent) && parent.right === node && FALLBACK.has(parent.operatorToken.kind))
    return contextOf(parent, sourceFile);
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) {
      return parent.right === node ? { kind: "assignment", name: nameText(parent.left, sourceFile) } : { kind: "other" };
    }
    if (COMPARISON.has(op)) {
      // `if (l === 3)` inside `for (let l = 0; …)`: picking an iteration of the loop, as an index does.
      const equality =
        op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        op === ts.SyntaxKind.EqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsToken;
      const other = skipOuterExpressions(parent.left === node ? parent.right : parent.left);
      if (equality && ts.isIdentifier(other) && isLoopCounter(other.text, parent)) return { kind: "index" };
      return { kind: "comparison" };
    }
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
  // A numeric key (`{ 199: gm }`) names an entry, like an index.
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isEnumMember(parent)) && parent.name === node)
    return { kind: "index", key: true };
  if (ts.isPropertyAssignment(parent) && parent.initializer === node) {
    return { kind: "object-property", name: nameText(parent.name, sourceFile) };
  }
  if (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node)) return { kind: "return" };
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return { kind: "index" };
  if (ts.isEnumMember(parent)) {
    const owner = parent.parent;
    const member = `${owner.name.text}.${nameText(parent.name, sourceFile)}`;
    return arithmeticMembers(sourceFile).has(member) ? { kind: "enum-member", arithmetic: true } : { kind: "enum-member" };
  }
  if (ts.isLiteralTypeNode(parent)) return { kind: "literal-type" };
  if (ts.isCaseClause(parent)) return { kind: "comparison", caseLabel: true };
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

/**
 * Whether a literal bounds a `for` loop whose counter only indexes arrays
 * (`for (let i = 0; i < 3; i++) out[i] = v[i] * s;`): the bound is the arrays' length written
 * out. A counter read any other way (`sum += c[i] * x ** i`, `s += i`) makes the bound a count
 * of terms or steps, which stays a candidate.
 */
function isArrayLoopBound(literal: ts.Node): boolean {
  const node = skipOuterExpressions(literal);
  const condition = node.parent;
  if (!condition || !ts.isBinaryExpression(condition) || !COMPARISON.has(condition.operatorToken.kind)) return false;
  const loop = condition.parent;
  if (!loop || !ts.isForStatement(loop) || loop.condition !== condition) return false;
  const counter = skipOuterExpressions(condition.left === node ? condition.right : condition.left);
  if (!ts.isIdentifier(counter)) return false;
  const name = counter.text;
  let used = false;
  let other = false;
  const visit = (current: ts.Node): void => {
    if (other) return;
    if (ts.isIdentifier(current) && current.text === name) {
      const parent = current.parent;
      // A property's name (`p.i`, `{ i: 1 }`) is no read of the counter.
      if (
        (ts.isPropertyAccessExpression(parent) && parent.name === current) ||
        (ts.isPropertyAssignment(parent) && parent.name === current)
      )
        return;
      used = true;
      let index: ts.Node = current;
      while (
        index.parent &&
        (ts.isParenthesizedExpression(index.parent) ||
          (ts.isBinaryExpression(index.parent) && INDEX_ARITHMETIC.has(index.parent.operatorToken.kind)))
      )
        index = index.parent;
      if (!(index.parent && ts.isElementAccessExpression(index.parent) && index.parent.argumentExpression === index)) other = true;
      return;
    }
    ts.forEachChild(current, visit);
  };
  visit(loop.statement);
  return used && !other;
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

/** Parents through which a string may be turned into a number (`Number("…")`, `+"…"`, `env ?? "…"`). */
const STRING_CONVERSION_PARENTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.TypeAssertionExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.PrefixUnaryExpression,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.TaggedTemplateExpression,
  ts.SyntaxKind.PropertyAccessExpression,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.PropertyAssignment,
]);

/**
 * One walk over the tree: sets parent pointers (instead of the parser's extra pass), collects
 * the numeric literals, and gathers comments from the trivia before and after every node,
 * which reaches every comment except those on their own line right before a closing bracket
 * (attached to nothing).
 */
class FileScan {
  readonly literals: ts.Node[] = [];
  /** String literals in a place where code may turn them into numbers (see `stringNumbers`). */
  readonly strings: Array<ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression> = [];
  private readonly commentsByPos = new Map<number, SourceComment>();

  constructor(
    readonly sourceFile: ts.SourceFile,
    readonly text: string,
  ) {
    let parent: ts.Node = sourceFile;
    const visit = (node: ts.Node): void => {
      (node as { parent: ts.Node }).parent = parent;
      this.collectComments(node);
      if (node.kind === ts.SyntaxKind.NumericLiteral || node.kind === ts.SyntaxKind.BigIntLiteral) {
        const signed =
          ts.isPrefixUnaryExpression(parent) &&
          (parent.operator === ts.SyntaxKind.MinusToken || parent.operator === ts.SyntaxKind.PlusToken);
        this.literals.push(signed ? parent : node);
        return;
      }
      if (
        (node.kind === ts.SyntaxKind.StringLiteral ||
          node.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
          node.kind === ts.SyntaxKind.TemplateExpression) &&
        STRING_CONVERSION_PARENTS.has(parent.kind)
      ) {
        this.strings.push(node as ts.StringLiteral);
      }
      const saved = parent;
      parent = node;
      ts.forEachChild(node, visit);
      parent = saved;
    };
    ts.forEachChild(sourceFile, visit);
    this.collectComments(sourceFile.endOfFileToken);
  }

  comments(): SourceComment[] {
    return [...this.commentsByPos.values()].sort((a, b) => a.start - b.start);
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
    this.commentsByPos.set(range.pos, { start: range.pos, end: range.end, text: stripDelimiters(this.text.slice(range.pos, range.end)) });
  }
}

/** The constructs holding a literal, innermost first, up to its scope (SPEC section 2). */
function constructsOf(literal: ts.Node, sourceFile: ts.SourceFile): Construct[] {
  const result: Construct[] = [];
  let insideFunctionBody = false;
  // Inside a nested block (`if`, `for`, `switch`) of a function: only the function's own doc can
  // still speak for the literal, so the statements between are passed over.
  let nested = false;
  for (let node: ts.Node | undefined = literal; node; node = node.parent) {
    if (isScopeBoundary(node)) {
      // A function's documentation covers its body only when configured: mark what lies beyond it.
      if (isFunctionBody(node)) {
        insideFunctionBody = true;
        nested = false;
        continue;
      }
      // Once nested, the function lies further up: no need to look again.
      if ((ts.isBlock(node) || ts.isCaseBlock(node)) && !insideFunctionBody && (nested || insideFunction(node))) {
        nested = true;
        continue;
      }
      break;
    }
    if (!nested && isConstruct(node))
      result.push({ start: node.getStart(sourceFile), end: node.end, kind: insideFunctionBody ? "function" : "enclosing" });
  }
  return result;
}

function parseNumber(text: string): number {
  // Legacy octal (017) is rare enough that Number's decimal reading is kept; a BigInt (`1002n`) is its integer.
  return Number(text.replace(/_/g, "").replace(/n$/, ""));
}

function statementOf(node: ts.Node): ts.Node {
  let current = node;
  while (current.parent && !isScopeBoundary(current.parent)) current = current.parent;
  return current;
}

const STATEMENT_TEXT_LIMIT = 1000;

/** Operators an operator change at the same place may swap: masked in the loose skeleton. */
const ARITHMETIC_TOKENS = new Set<ts.SyntaxKind>([...Object.keys(ARITHMETIC), ...Object.keys(COMPOUND)].map(Number));

/** Nodes left out of a statement's structure: parentheses (their content stays) and types. */
const isTransparent = (node: ts.Node): boolean => ts.isParenthesizedExpression(node);
const isOmitted = (node: ts.Node): boolean => ts.isTypeNode(node) || ts.isDecorator(node);

/**
 * Statement structure for anchors: skeletons cached per statement, child positions cached per
 * parent, so a table of thousands of numbers costs one pass.
 */
class Anchors {
  private readonly skeletons = new Map<ts.Node, { exact: string; loose: string; renamed: string | null }>();
  private readonly positions = new Map<ts.Node, string>();

  constructor(private readonly sourceFile: ts.SourceFile) {}

  of(literal: ts.Node): Anchor {
    const statement = statementOf(literal);
    let skeleton = this.skeletons.get(statement);
    if (!skeleton) {
      const target = assignedName(statement);
      skeleton = {
        exact: shapeDigest(this.serialize(statement, false, statement)),
        loose: shapeDigest(this.serialize(statement, true, statement)),
        renamed: target ? shapeDigest(this.serialize(statement, false, statement, target)) : null,
      };
      this.skeletons.set(statement, skeleton);
    }
    const steps: string[] = [];
    for (let node: ts.Node = literal; node !== statement && node.parent; node = node.parent) {
      if (isTransparent(node.parent)) continue;
      steps.push(`${node.parent.kind}.${this.position(node)}`);
    }
    const context = skipOuterExpressions(literal).parent;
    let operator: string | null = null;
    if (context && ts.isBinaryExpression(context) && ARITHMETIC_TOKENS.has(context.operatorToken.kind))
      operator = ts.tokenToString(context.operatorToken.kind) ?? null;
    return {
      statement: skeleton.exact,
      loose: skeleton.loose,
      path: steps.reverse().join("/"),
      identity: identityOf(literal, statement, this.sourceFile),
      renamed: skeleton.renamed,
      operator,
    };
  }

  /** A child's place in its parent: a property's name, else its index among the structural children. */
  private position(child: ts.Node): string {
    let position = this.positions.get(child);
    if (position === undefined) {
      let index = 0;
      ts.forEachChild(child.parent, (sibling) => {
        if (isOmitted(sibling)) return;
        const name =
          (ts.isPropertyAssignment(sibling) || ts.isPropertyDeclaration(sibling)) && sibling.name
            ? `:${nameText(sibling.name, this.sourceFile)}`
            : "";
        this.positions.set(sibling, name || String(index));
        index++;
      });
      position = this.positions.get(child) ?? "?";
    }
    return position;
  }

  private serialize(node: ts.Node, loose: boolean, root: ts.Node, masked?: ts.Node): string {
    if (node === masked) return "_";
    if (node.kind === ts.SyntaxKind.NumericLiteral || node.kind === ts.SyntaxKind.BigIntLiteral) return "#";
    // A nested block's statements anchor their own literals: an edit inside an `if` body leaves its condition in place.
    if (node !== root && (ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node))) return "{}";
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return JSON.stringify(node.text);
    if (isTransparent(node)) return this.serialize((node as ts.ParenthesizedExpression).expression, loose, root, masked);
    if (loose && ARITHMETIC_TOKENS.has(node.kind)) return "op";
    const parts: string[] = [];
    ts.forEachChild(node, (child) => {
      if (!isOmitted(child)) parts.push(this.serialize(child, loose, root, masked));
    });
    return parts.length ? `${node.kind}(${parts.join(",")})` : String(node.kind);
  }
}

/** The name a statement assigns or declares, when it is one assignment or a declaration of one name. */
function assignedName(statement: ts.Node): ts.Node | undefined {
  if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1)
    return statement.declarationList.declarations[0]!.name;
  if (
    ts.isExpressionStatement(statement) &&
    ts.isBinaryExpression(statement.expression) &&
    statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
  )
    return statement.expression.left;
  return undefined;
}

/** The name the literal's declaration or statement declares or assigns, which survives any reshaping of its value. */
function identityOf(literal: ts.Node, statement: ts.Node, sourceFile: ts.SourceFile): string | null {
  for (let node: ts.Node | undefined = literal; node && node !== statement.parent; node = node.parent) {
    if (ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node)) return `${node.kind}:${nameText(node.name, sourceFile)}`;
  }
  if (ts.isPropertyDeclaration(statement) || ts.isEnumMember(statement) || ts.isPropertyAssignment(statement))
    return nameText(statement.name, sourceFile);
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isMethodDeclaration(statement)) {
    return statement.name ? nameText(statement.name, sourceFile) : null;
  }
  if (ts.isReturnStatement(statement)) {
    // What a named function returns; an anonymous function's return names nothing.
    for (let node: ts.Node | undefined = statement.parent; node; node = node.parent) {
      if (ts.isFunctionLike(node)) {
        const name = (node as ts.FunctionLikeDeclaration).name;
        return name ? `return:${nameText(name, sourceFile)}` : null;
      }
    }
    return null;
  }
  if (ts.isExpressionStatement(statement)) {
    const expression = statement.expression;
    if (
      ts.isBinaryExpression(expression) &&
      expression.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      expression.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    ) {
      return expression.left.getText(sourceFile).replace(/\s+/g, "");
    }
  }
  return null;
}

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
 * One literal's record. What only candidates need (context, constructs, statement text,
 * anchor) is computed on first read from `place`, the node whose position in the code the
 * value takes: most literals are indexes and 0/1 tests that the core sets aside.
 */
class TypeScriptLiteral implements LiteralSite {
  readonly text: string;
  readonly value: number;
  readonly start: number;
  readonly end: number;
  readonly numberStart: number;
  readonly folded: boolean;
  readonly parts: readonly string[];
  private cachedContext: LiteralContext | undefined;
  private cachedStatementText: string | undefined;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly place: ts.Node,
    private readonly anchors: Anchors,
    written: WrittenLiteral,
  ) {
    ({
      start: this.start,
      end: this.end,
      numberStart: this.numberStart,
      text: this.text,
      value: this.value,
      folded: this.folded,
      parts: this.parts,
    } = written);
  }

  get context(): LiteralContext {
    return (this.cachedContext ??= contextOf(this.place, this.sourceFile));
  }

  get inLoopHeader(): boolean {
    return isInLoopHeader(this.place);
  }

  get inShape(): boolean {
    return isInShape(this.place, this.sourceFile);
  }

  get boundsArrayLoop(): boolean {
    return isArrayLoopBound(this.place);
  }

  get statementText(): string {
    if (this.cachedStatementText === undefined) {
      const statement = statementOf(this.place);
      const start = statement.getStart(this.sourceFile);
      this.cachedStatementText = this.sourceFile.text.slice(start, Math.min(statement.end, start + STATEMENT_TEXT_LIMIT));
    }
    return this.cachedStatementText;
  }

  get statementStart(): number {
    return statementOf(this.place).getStart(this.sourceFile);
  }

  get constructs(): Construct[] {
    return constructsOf(this.place, this.sourceFile);
  }

  get anchor(): Anchor {
    return this.anchors.of(this.place);
  }

  get argumentTexts(): SourceComment[] {
    return argumentTextsOf(this.place, this.sourceFile);
  }
}

/** The plain strings among the arguments of the call a literal is an argument of. */
function argumentTextsOf(place: ts.Node, sourceFile: ts.SourceFile): SourceComment[] {
  const node = skipOuterExpressions(place);
  const call = node.parent;
  if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.includes(node as ts.Expression)) return [];
  return call.arguments
    .filter((a): a is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral => ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a))
    .filter((a) => isProse(a.text))
    .map((a) => ({ start: a.getStart(sourceFile), end: a.end, text: a.text }));
}

/** A numeric literal as written, with its sign when it has one. */
function writtenLiteral(node: ts.Node, sourceFile: ts.SourceFile): WrittenLiteral {
  const start = node.getStart(sourceFile);
  const text = sourceFile.text.slice(start, node.end).replace(/\s+/g, "");
  if (ts.isPrefixUnaryExpression(node)) {
    const operand = node.operand as ts.NumericLiteral;
    const sign = node.operator === ts.SyntaxKind.MinusToken ? -1 : 1;
    return {
      start,
      end: node.end,
      numberStart: operand.getStart(sourceFile),
      text,
      value: sign * parseNumber(operand.text),
      folded: false,
      parts: [],
    };
  }
  return { start, end: node.end, numberStart: start, text, value: parseNumber((node as ts.NumericLiteral).text), folded: false, parts: [] };
}

export function extractTypeScript(path: string, text: string): Extraction {
  const scan = new FileScan(parseTypeScript(path, text), text);
  const sourceFile = scan.sourceFile;
  const anchors = new Anchors(sourceFile);
  const folder = new ConstantFolder();
  const sites: TypeScriptLiteral[] = [];
  let lastRoot: ts.Node | undefined;
  let lastSite: { parts: string[] } | undefined;
  for (const node of scan.literals) {
    // An expression of literals only is one value (SPEC section 3): its literals are not sites of their own.
    const root = folder.rootOf(node);
    if (root === node || root === (node as ts.PrefixUnaryExpression).operand) {
      sites.push(new TypeScriptLiteral(sourceFile, node, anchors, writtenLiteral(node, sourceFile)));
      continue;
    }
    const part = text.slice(node.getStart(sourceFile), node.end).replace(/\s+/g, "");
    if (root === lastRoot) {
      lastSite!.parts.push(part);
      continue;
    }
    lastRoot = root;
    const start = root.getStart(sourceFile);
    const parts = [part];
    lastSite = { parts };
    const written = {
      start,
      end: root.end,
      numberStart: start,
      text: text.slice(start, root.end).replace(/\s+/g, " "),
      value: folder.valueOf(root)!,
      folded: true,
      parts,
    };
    sites.push(new TypeScriptLiteral(sourceFile, root, anchors, written));
  }
  let fromStrings = false;
  for (const node of scan.strings) {
    for (const number of stringNumbers(node, sourceFile)) {
      fromStrings = true;
      const written = {
        start: number.start,
        end: number.end,
        numberStart: number.start,
        text: number.text,
        value: number.value,
        folded: false,
        parts: [],
      };
      sites.push(new TypeScriptLiteral(sourceFile, number.place, anchors, written));
    }
  }
  if (fromStrings) sites.sort((a, b) => a.start - b.start);
  return { sites, comments: scan.comments() };
}

export const typescriptAdapter: LanguageAdapter = {
  id: "typescript",
  namedForm: (key) => NAMED_FORMS[key],
  extract: extractTypeScript,
};
