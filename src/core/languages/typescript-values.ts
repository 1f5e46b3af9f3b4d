/**
 * What value a TypeScript/JavaScript node stands for, without running anything (SPEC section 3,
 * "What counts as one literal"):
 * - an expression made only of literals, `Math` functions and constants is one value, folded:
 *   `1 + 2/1000`, `(1002 | 0) / 1000`, `10 ** -3 * 1002`, `Math.sqrt(1.004)`;
 * - a number written in a string that the code turns into a number is a literal:
 *   `Number("1.002")`, `parseFloat`, unary `+`, `JSON.parse`, `process.env.K ?? "1.002"`, and the
 *   bodies of `new Function` and `eval`.
 */
import { ts } from "@ts-morph/common";
import { integerInBase, isTextTable, NUMBERS, NUMBERS_ONLY, WHOLE_NUMBER, wholeNumberValue } from "../number-text.js";
import { isPiValue, piName } from "./pi-names.js";

const MATH_CONSTANTS: Record<string, number> = {
  PI: Math.PI,
  E: Math.E,
  LN2: Math.LN2,
  LN10: Math.LN10,
  LOG2E: Math.LOG2E,
  LOG10E: Math.LOG10E,
  SQRT2: Math.SQRT2,
  SQRT1_2: Math.SQRT1_2,
};

const MATH_FUNCTIONS: Record<string, (...args: number[]) => number> = {
  sqrt: Math.sqrt, cbrt: Math.cbrt, pow: Math.pow, exp: Math.exp, expm1: Math.expm1, log: Math.log, log10: Math.log10,
  log2: Math.log2, log1p: Math.log1p, sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos,
  atan: Math.atan, atan2: Math.atan2, sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, hypot: Math.hypot, abs: Math.abs,
  min: Math.min, max: Math.max, floor: Math.floor, ceil: Math.ceil, round: Math.round, trunc: Math.trunc, sign: Math.sign,
  fround: Math.fround,
}; // prettier-ignore

const BINARY: Partial<Record<ts.SyntaxKind, (a: number, b: number) => number>> = {
  [ts.SyntaxKind.PlusToken]: (a, b) => a + b,
  [ts.SyntaxKind.MinusToken]: (a, b) => a - b,
  [ts.SyntaxKind.AsteriskToken]: (a, b) => a * b,
  [ts.SyntaxKind.SlashToken]: (a, b) => a / b,
  [ts.SyntaxKind.PercentToken]: (a, b) => a % b,
  [ts.SyntaxKind.AsteriskAsteriskToken]: (a, b) => a ** b,
  [ts.SyntaxKind.AmpersandToken]: (a, b) => a & b,
  [ts.SyntaxKind.BarToken]: (a, b) => a | b,
  [ts.SyntaxKind.CaretToken]: (a, b) => a ^ b,
  [ts.SyntaxKind.LessThanLessThanToken]: (a, b) => a << b,
  [ts.SyntaxKind.GreaterThanGreaterThanToken]: (a, b) => a >> b,
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken]: (a, b) => a >>> b,
};

const isAssignment = (kind: ts.SyntaxKind): boolean => kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
const isIncrement = (operator: ts.SyntaxKind): boolean =>
  operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken;

const isMath = (node: ts.Node): boolean => ts.isIdentifier(node) && node.text === "Math";

/** `Math.PI`: a named constant, a constant leaf that is no literal. */
const mathConstant = (node: ts.Node): number | undefined =>
  ts.isPropertyAccessExpression(node) && isMath(node.expression) ? MATH_CONSTANTS[node.name.text] : undefined;

/** Parents through which a constant may extend: the only kinds `constantValue` folds. */
const FOLDING_PARENTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.PrefixUnaryExpression,
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.CallExpression,
]);

/**
 * The value of a constant expression, or undefined when the node is not one. Memoised per
 * node: a table of numbers is walked once.
 */
export class ConstantFolder {
  private readonly values = new Map<ts.Node, number | undefined>();
  /** Per name of π, whether the file binds it only to that value (read once, on the first reference). */
  private readonly piBound = new Map<string, boolean>();

  valueOf(node: ts.Node): number | undefined {
    if (this.values.has(node)) return this.values.get(node);
    const value = this.compute(node);
    this.values.set(node, value);
    return value;
  }

  private compute(node: ts.Node): number | undefined {
    if (node.kind === ts.SyntaxKind.NumericLiteral) return Number((node as ts.NumericLiteral).text.replace(/_/g, ""));
    // A BigInt is folded as the number it writes: `1002n / 1000n` is the ratio 1.002 its author scales by, not 1n.
    if (node.kind === ts.SyntaxKind.BigIntLiteral) return Number((node as ts.BigIntLiteral).text.replace(/_/g, "").replace(/n$/, ""));
    if (ts.isParenthesizedExpression(node)) return this.valueOf(node.expression);
    if (ts.isPrefixUnaryExpression(node)) {
      const operand = this.valueOf(node.operand);
      if (operand === undefined) return undefined;
      if (node.operator === ts.SyntaxKind.MinusToken) return -operand;
      if (node.operator === ts.SyntaxKind.PlusToken) return operand;
      if (node.operator === ts.SyntaxKind.TildeToken) return ~operand;
      return undefined;
    }
    if (ts.isBinaryExpression(node)) {
      const op = BINARY[node.operatorToken.kind];
      if (!op) return undefined;
      const left = this.valueOf(node.left);
      if (left === undefined) return undefined;
      const right = this.valueOf(node.right);
      return right === undefined ? undefined : op(left, right);
    }
    const constant = mathConstant(node);
    if (constant !== undefined) return constant;
    if (ts.isIdentifier(node)) return this.piReference(node);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && isMath(node.expression.expression)) {
      const fn = MATH_FUNCTIONS[node.expression.name.text];
      if (!fn || node.arguments.length === 0) return undefined;
      const args: number[] = [];
      for (const argument of node.arguments) {
        const value = this.valueOf(argument);
        if (value === undefined) return undefined;
        args.push(value);
      }
      return fn(...args);
    }
    return undefined;
  }

  /** `pi`, `π`, `halfPi`: the multiple of π the name stands for, where the file binds it to nothing else. */
  private piReference(node: ts.Identifier): number | undefined {
    const value = piName(node.text);
    if (value === undefined) return undefined;
    let trusted = this.piBound.get(node.text);
    if (trusted === undefined) {
      // Provisionally untrusted while the bindings are read: `var pi = pi * 2` is no π.
      this.piBound.set(node.text, false);
      trusted = this.bindsOnlyPi(node.getSourceFile(), node.text, value);
      this.piBound.set(node.text, trusted);
    }
    return trusted ? value : undefined;
  }

  /**
   * Whether every binding of `name` in the file is an import (`import { pi } from "./math.js"`,
   * under a name of the same value), `const { PI } = Math`, or a declaration or assignment of
   * that multiple of π (`var π = Math.PI`). A parameter, a loop variable, a catch clause or any
   * other value makes the name an ordinary variable.
   */
  private bindsOnlyPi(file: ts.SourceFile, name: string, value: number): boolean {
    let only = true;
    const visit = (node: ts.Node): void => {
      if (!only) return;
      if (ts.isIdentifier(node) && node.text === name && !this.bindsPi(node, value)) {
        only = false;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return only;
  }

  /** Whether an occurrence of a name of π is a reference, or a binding of it to that value. */
  private bindsPi(node: ts.Identifier, value: number): boolean {
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) && parent.name === node)
      return parent.initializer !== undefined && isPiValue(this.valueOf(parent.initializer), value);
    if (ts.isBinaryExpression(parent) && parent.left === node && isAssignment(parent.operatorToken.kind))
      return parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && isPiValue(this.valueOf(parent.right), value);
    if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) {
      const imported = parent.propertyName && ts.isIdentifier(parent.propertyName) ? parent.propertyName.text : node.text;
      return piName(imported) === value;
    }
    if (ts.isBindingElement(parent) && parent.name === node) {
      // `const { PI } = Math`: Math's own constant under its name.
      const declaration = parent.parent.parent;
      const key = parent.propertyName && ts.isIdentifier(parent.propertyName) ? parent.propertyName.text : node.text;
      return (
        ts.isVariableDeclaration(declaration) &&
        declaration.initializer !== undefined &&
        isMath(declaration.initializer) &&
        MATH_CONSTANTS[key] === value
      );
    }
    if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && isIncrement(parent.operator)) return false;
    // Any other declaration binds the name to something else; every other occurrence reads it.
    const declares =
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isImportClause(parent) ||
      ts.isNamespaceImport(parent) ||
      ts.isImportEqualsDeclaration(parent) ||
      ts.isEnumDeclaration(parent) ||
      ts.isEnumMember(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassExpression(parent);
    return !(declares && (parent as ts.NamedDeclaration).name === node);
  }

  /**
   * The largest constant expression holding a numeric literal: the literal itself (or its
   * signed form) when nothing around it is constant, which is nearly always.
   */
  rootOf(literal: ts.Node): ts.Node {
    let root = literal;
    for (let parent = root.parent; parent && FOLDING_PARENTS.has(parent.kind); parent = parent.parent) {
      if (ts.isCallExpression(parent) && !parent.arguments.includes(root as ts.Expression)) break;
      if (this.valueOf(parent) === undefined) break;
      root = parent;
    }
    // Parentheses around the expression (or around the literal alone) are not part of it.
    while (ts.isParenthesizedExpression(root)) root = root.expression;
    return root;
  }
}

/** A number found in a string that the code turns into a number. */
export interface StringNumber {
  /** Offsets in the source text. */
  start: number;
  end: number;
  text: string;
  value: number;
  /** The expression whose place the number takes: the conversion (`Number("…")`), or the string itself. */
  place: ts.Node;
}

/** Wrappers that leave a string's use unchanged: parentheses, `as`, `<T>`, `!`, `satisfies`. */
const WRAPPERS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.TypeAssertionExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.SatisfiesExpression,
]);

type StringNode = ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;

const isPlus = (node: ts.Node | undefined): node is ts.BinaryExpression =>
  node !== undefined && ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;

/**
 * The strings a `+` chain of string literals only joins, left to right; undefined if any part is
 * not one. Iterative: a chain of thousands of parts is one deep tree.
 */
function joinedStrings(top: ts.Node): StringNode[] | undefined {
  const parts: StringNode[] = [];
  const stack: ts.Node[] = [top];
  while (stack.length > 0) {
    let node = stack.pop()!;
    while (WRAPPERS.has(node.kind)) node = (node as ts.ParenthesizedExpression).expression;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) parts.push(node);
    else if (isPlus(node)) stack.push(node.right, node.left);
    else return undefined;
  }
  return parts;
}

/**
 * The whole concatenation of string literals (`"1" + ".002"`) a string begins, or undefined. Only
 * the first part reads it (the others are found in it): a string that is the right operand of
 * a `+` is no first part, which keeps a long chain linear.
 */
function concatenationOf(outer: ts.Node): { top: ts.Node; first: boolean; text: string } | undefined {
  if (!isPlus(outer.parent)) return undefined;
  let child: ts.Node = outer;
  let top: ts.BinaryExpression = outer.parent;
  for (let up: ts.Node | undefined = outer.parent; up && (isPlus(up) || WRAPPERS.has(up.kind)); child = up, up = up.parent) {
    if (!isPlus(up)) continue;
    if (up.left !== child) return { top: up, first: false, text: "" };
    top = up;
  }
  const parts = joinedStrings(top);
  return parts ? { top, first: true, text: parts.map((p) => p.text).join("") } : undefined;
}

/** Bitwise operators: they read a string operand as a number (`"27" | 0` is the integer 27). */
const BITWISE = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.AmpersandToken,
  ts.SyntaxKind.BarToken,
  ts.SyntaxKind.CaretToken,
  ts.SyntaxKind.LessThanLessThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
]);

/** Arithmetic and bitwise operators, and their assignments, that coerce a string operand to a number (`+` concatenates instead). */
const COERCING = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AsteriskAsteriskToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ...BITWISE,
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken,
]);

/** The last names of the callees below: a cheap first test. */
const CONVERTING_NAMES = new Set([
  "Number", "parseFloat", "parseInt", "parse", "Function", "eval", "setTimeout", "setInterval",
  "Decimal", "Big", "BigNumber", "bignumber", "fraction", "evaluate", "compile",
]); // prettier-ignore

/** Calls that turn a string into a number: `Number`, `parseFloat`, and the arbitrary-precision types (decimal.js, big.js, bignumber.js, mathjs). */
const CONVERTERS =
  /^(Number|parseFloat|parseInt|Number\.parseFloat|Number\.parseInt|globalThis\.Number|window\.Number|Decimal|Big|BigNumber|(?:math|mathjs)\.(?:bignumber|fraction))$/;
/** Calls that run a string as code, mathjs's expression parser included (`math.evaluate("x * 1.002")`). */
const CODE_RUNNERS = /^(Function|eval|globalThis\.eval|window\.eval|setTimeout|setInterval|(?:math|mathjs)\.(?:evaluate|compile|parse))$/;
const ENVIRONMENT = /(^|\.)(process\.env|import\.meta\.env|Deno\.env)\b/;

/**
 * The numbers a string literal stands for when its context turns it into a number; empty when
 * the string stays a string. Positions are found in the raw source text: a number written with
 * escapes (`"\u0031.5"`) stands at the string's start.
 */
/**
 * The text of a template whose every substitution is a plain literal (`${1}.002` is "1.002"), or
 * null: what `Number()` of it reads, written to hide the number from a string test.
 */
function literalTemplate(node: ts.TemplateExpression): string | null {
  let text = node.head.text;
  for (const span of node.templateSpans) {
    let expression: ts.Node = span.expression;
    while (WRAPPERS.has(expression.kind)) expression = (expression as ts.ParenthesizedExpression).expression;
    if (ts.isNumericLiteral(expression)) text += expression.text.replace(/_/g, "");
    else if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) text += expression.text;
    else return null;
    text += span.literal.text;
  }
  return text;
}

/**
 * A whole string that writes an integer in another base, as the code reads it: `Number("0x1b")`
 * and unary `+` read the `0x`, `0o` and `0b` prefixes; `parseInt("1b", 16)` reads its radix.
 */
function otherBaseValue(text: string, place: ts.Node, sourceFile: ts.SourceFile): number | undefined {
  if (ts.isCallExpression(place) && place.arguments.length > 1 && /(?:^|\.)parseInt$/.test(place.expression.getText(sourceFile))) {
    const radix = place.arguments[1]!;
    if (!ts.isNumericLiteral(radix)) return undefined;
    return integerInBase(radix.text === "16" ? text.replace(/^(\s*[-+]?)0[xX]/, "$1") : text, Number(radix.text));
  }
  return /^\s*0[xXoObB][0-9a-fA-F]+\s*$/.test(text) ? integerInBase(text, 0) : undefined;
}

/** Methods that cut a string into pieces the code may then convert (`"0.27 0.5".split(" ")`). */
const SPLITTERS = new Set(["split", "match", "matchAll"]);
/** Array methods that hand each piece to a function: `.map(Number)`. */
const EACH = new Set(["map", "flatMap", "forEach", "reduce"]);
/** Typed arrays convert the strings they are built from: `new Float64Array("0.27 0.5".split(" "))`. */
const TYPED_ARRAYS = /^(?:Float(?:16|32|64)|U?Int(?:8|16|32)|Uint8Clamped|Big(?:U?Int)64)Array(?:\.from)?$/;
/** A function that converts what it is handed: `Number`, `parseFloat`, `(s) => +s`, `(s) => Number(s) * 2`. */
const CONVERTING_FUNCTION =
  /^(?:Number|parseFloat|parseInt|Number\.parseFloat|Number\.parseInt|Decimal|Big|BigNumber)$|=>.*(?:\bNumber\(|\bparse(?:Float|Int)\(|[-+*/]\s*\w|\w\s*[-*/]|^[^=]*=>\s*[-+~])/s;
/**
 * The place where the pieces of a cut string become numbers, or null: a converter the pieces are
 * handed to (`Number(s.split(",")[1])`, `s.split(" ").map(Number)`, `new Float64Array(s.split(" "))`),
 * or arithmetic on a piece (`+s.split(",")[1]`). Followed up the expression only: what a name
 * holding the pieces meets later is not read.
 */
function convertedPieces(split: ts.CallExpression, sourceFile: ts.SourceFile): ts.Node | null {
  let current: ts.Node = split;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
      const callee = parent.expression.getText(sourceFile).replace(/\s+/g, "");
      const argument = parent.arguments?.includes(current as ts.Expression) ?? false;
      if (argument && (CONVERTERS.test(callee) || TYPED_ARRAYS.test(callee))) return parent;
      if (
        argument &&
        /(?:^|\.)from$/.test(callee) &&
        parent.arguments!.slice(1).some((f) => CONVERTING_FUNCTION.test(f.getText(sourceFile)))
      )
        return parent;
      if (ts.isPropertyAccessExpression(parent.expression) && EACH.has(parent.expression.name.text)) {
        if (parent.arguments?.some((f) => CONVERTING_FUNCTION.test(f.getText(sourceFile).replace(/\s+/g, " ")))) return parent;
        continue;
      }
      if (parent.expression === current) continue;
      return null;
    }
    if (ts.isPrefixUnaryExpression(parent) && parent.operator !== ts.SyntaxKind.ExclamationToken) return parent;
    if (ts.isBinaryExpression(parent) && COERCING.has(parent.operatorToken.kind)) return parent;
    if (!(WRAPPERS.has(parent.kind) || ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent))) return null;
  }
  return null;
}

export function stringNumbers(
  node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression,
  sourceFile: ts.SourceFile,
): StringNumber[] {
  const template = ts.isTemplateExpression(node) ? literalTemplate(node) : null;
  if (ts.isTemplateExpression(node) && template === null) return [];
  // Parentheses and type assertions around the string do not change what the code does with it.
  let outer: ts.Node = node;
  while (outer.parent && WRAPPERS.has(outer.parent.kind)) outer = outer.parent;
  // A concatenation of strings only (`"1" + ".002"`) is one string: read once, from its first part.
  const joined = concatenationOf(outer);
  if (joined) {
    if (!joined.first) return [];
    outer = joined.top;
    while (outer.parent && WRAPPERS.has(outer.parent.kind)) outer = outer.parent;
  }
  const parent = outer.parent;
  if (!parent) return [];
  let place: ts.Node | null = null;
  let whole = false;
  if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && isMath(parent.expression.expression)) {
    // `Math.max("0.27", x)`: every `Math` function reads its arguments as numbers.
    if (parent.arguments.includes(outer as ts.Expression)) {
      place = outer;
      whole = true;
    }
  } else if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(outer as ts.Expression)) {
    // Most strings are arguments of calls that do not convert them: look at the callee's last name first.
    const last = ts.isIdentifier(parent.expression)
      ? parent.expression.text
      : ts.isPropertyAccessExpression(parent.expression)
        ? parent.expression.name.text
        : "";
    if (!CONVERTING_NAMES.has(last)) return [];
    const callee = parent.expression.getText(sourceFile).replace(/\s+/g, "");
    if (CONVERTERS.test(callee) && parent.arguments[0] === outer) {
      place = parent;
      whole = true;
    } else if (callee === "JSON.parse" && parent.arguments[0] === outer) place = parent;
    else if (CODE_RUNNERS.test(callee)) place = node;
  } else if (
    !joined &&
    template === null &&
    ts.isPropertyAccessExpression(parent) &&
    parent.expression === outer &&
    SPLITTERS.has(parent.name.text) &&
    parent.parent &&
    ts.isCallExpression(parent.parent) &&
    parent.parent.expression === parent
  ) {
    // A string cut into pieces: its numbers are literals where the pieces are converted, or
    // wherever a string of numbers only is cut (a table written as text).
    place = convertedPieces(parent.parent, sourceFile) ?? (NUMBERS_ONLY.test((node as ts.StringLiteral).text) ? parent.parent : null);
  } else if (
    !joined &&
    template === null &&
    (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) &&
    parent.initializer === outer &&
    isTextTable((node as ts.StringLiteral).text)
  ) {
    // A table written as text and named (`const TABLE = \`0.27 1.3\n2.7 4.1\``): read wherever it is parsed.
    place = outer;
  } else if (ts.isTaggedTemplateExpression(parent) && parent.template === outer) {
    // A tag over a template that is one number (`num\`1.002\``) hands its function that number.
    place = parent;
    whole = true;
  } else if (
    ts.isPrefixUnaryExpression(parent) &&
    (parent.operator === ts.SyntaxKind.PlusToken ||
      parent.operator === ts.SyntaxKind.MinusToken ||
      parent.operator === ts.SyntaxKind.TildeToken)
  ) {
    place = parent;
    whole = true;
  } else if (ts.isBinaryExpression(parent) && COERCING.has(parent.operatorToken.kind)) {
    // `"1.002" - 0`, `x * "1.002"`: arithmetic other than + turns a string into a number. A bitwise
    // operator on a string is a conversion (`"27" | 0` is the integer 27): the number takes its place.
    place = BITWISE.has(parent.operatorToken.kind) ? parent : outer;
    whole = true;
  } else if (
    ts.isBinaryExpression(parent) &&
    parent.right === outer &&
    (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) &&
    ENVIRONMENT.test(parent.left.getText(sourceFile).replace(/\s+/g, ""))
  ) {
    place = parent;
    whole = true;
  }
  if (!place) return [];
  if (joined || template !== null) {
    // A concatenation or a template of literals: the number is the text they build, where they
    // are written. (A template is never part of a concatenation read here: only strings join.)
    const value = whole ? wholeNumberValue(joined ? joined.text : template!) : undefined;
    if (value === undefined) return [];
    const span = joined ? joined.top : node;
    const start = span.getStart(sourceFile);
    const written = sourceFile.text.slice(start, span.end);
    return [{ start, end: span.end, text: joined ? written.replace(/\s+/g, " ") : written, value, place }];
  }
  if (ts.isTemplateExpression(node)) return [];
  const start = node.getStart(sourceFile);
  const raw = sourceFile.text.slice(start + 1, node.end - 1);
  const found: StringNumber[] = [];
  const push = (text: string, at: number): void => {
    const value = Number(text.replace(/_/g, ""));
    if (Number.isFinite(value)) found.push({ start: at, end: at + text.length, text, value, place: place! });
  };
  if (whole) {
    const match = WHOLE_NUMBER.exec(node.text);
    const other = match ? undefined : otherBaseValue(node.text, place, sourceFile);
    if (other !== undefined) found.push({ start: start + 1, end: node.end - 1, text: raw, value: other, place });
    if (!match) return found;
    const at = raw.indexOf(match[1]!);
    push(match[1]!, at >= 0 ? start + 1 + at : start);
    return found;
  }
  // A template's text reads line breaks as "\n" whatever the file writes: its numbers stand where written.
  const inPlace = raw === node.text || (ts.isNoSubstitutionTemplateLiteral(node) && raw.replace(/\r\n?/g, "\n") === node.text);
  for (const match of (inPlace ? raw : node.text).matchAll(NUMBERS)) push(match[0], inPlace ? start + 1 + match.index! : start);
  return found;
}
