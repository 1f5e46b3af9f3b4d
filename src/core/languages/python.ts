/**
 * Python adapter on tree-sitter (`web-tree-sitter`, WebAssembly: no native build, nothing for
 * users to compile) with the `tree-sitter-python` grammar. The tree is mirrored into plain
 * objects in one cursor walk and freed at once (WebAssembly memory is not garbage-collected),
 * then described like the TypeScript adapter does: literals, their places, the constructs
 * holding them, comments and docstrings. tree-sitter recovers from syntax errors, so broken
 * Python still yields the literals that parse.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Language as Grammar, type Node as TreeNode, Parser, Query, type Tree } from "web-tree-sitter";
import {
  asciiDigits,
  hexFloatValue,
  integerInBase,
  isTextTable,
  NUMBERS,
  NUMBERS_ONLY,
  ratioValue,
  WHOLE_NUMBER,
  wholeNumberValue,
} from "../number-text.js";
import { isPiValue, PI_NAMES, piName } from "./pi-names.js";
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

/** A node of the mirrored tree. Offsets are UTF-16 indexes (web-tree-sitter parses JavaScript strings as UTF-16). */
interface PyNode {
  type: string;
  start: number;
  end: number;
  /** The field this node fills in its parent (`left`, `value`, `arguments`), or null. */
  field: string | null;
  named: boolean;
  parent: PyNode | null;
  children: PyNode[];
}

/** Named forms of known constants in Python. */
const NAMED_FORMS: Record<string, string> = {
  pi: "math.pi",
  e: "math.e",
  "2pi": "math.tau",
  "pi/2": "math.pi / 2",
  "pi/4": "math.pi / 4",
  "pi/180": "math.pi / 180",
  "180/pi": "180 / math.pi",
  "1/pi": "1 / math.pi",
  "4pi": "4 * math.pi",
  "pi^2": "math.pi ** 2",
  sqrt2: "math.sqrt(2)",
  sqrt1_2: "1 / math.sqrt(2)",
  sqrt3: "math.sqrt(3)",
  sqrtpi: "math.sqrt(math.pi)",
  sqrt2pi: "math.sqrt(2 * math.pi)",
  ln2: "math.log(2)",
  ln10: "math.log(10)",
  "euler-gamma": "np.euler_gamma",
  phi: "scipy.constants.golden",
  c: "scipy.constants.c",
  h: "scipy.constants.h",
  hbar: "scipy.constants.hbar",
  qe: "scipy.constants.e",
  kB: "scipy.constants.k",
  NA: "scipy.constants.N_A",
  G: "scipy.constants.G",
  sigmaSB: "scipy.constants.sigma",
  eps0: "scipy.constants.epsilon_0",
  mu0: "scipy.constants.mu_0",
  me: "scipy.constants.m_e",
  mp: "scipy.constants.m_p",
  mn: "scipy.constants.m_n",
  alpha: "scipy.constants.alpha",
  R: "scipy.constants.R",
  gn: "scipy.constants.g",
  au: "astropy.constants.au",
  pc: "astropy.constants.pc",
  deg: "math.radians(…) / math.degrees(…)",
};

const ARITHMETIC: Record<string, BinaryOperator> = {
  "*": "*", "/": "/", "//": "//", "%": "%", "@": "@", "+": "+", "-": "-", "**": "**",
  "&": "&", "|": "|", "^": "^", "<<": "<<", ">>": ">>",
}; // prettier-ignore

const NUMBER_TYPES = new Set(["integer", "float"]);
/** Lists of statements: each child is a construct of its own. */
const STATEMENT_LISTS = new Set(["module", "block"]);
/** Constructs a comment can document besides statements. */
const MEMBER_CONSTRUCTS = new Set(["pair", "keyword_argument", "default_parameter", "typed_default_parameter", "decorator"]);
/** Where the walk for covering comments stops: a block's statements are their own constructs. */
const SCOPE_BOUNDARIES = new Set(["module", "block"]);
const TRANSPARENT = new Set(["parenthesized_expression"]);
/** Parents through which a constant may extend (`1 + 2/1000`, `math.sqrt(2)`). */
const FOLDABLE = new Set(["binary_operator", "unary_operator", "parenthesized_expression", "call"]);
/** Deeper than this, the file is reported unverified rather than walked (hostile nesting). */
const MAX_DEPTH = 2000;
const OMITTED = new Set(["comment", "type"]);
const FUNCTIONS = new Set(["function_definition", "lambda"]);
const SEQUENCES = new Set(["list", "tuple", "set", "expression_list", "pattern_list", "tuple_pattern", "list_pattern"]);

/** A function's body: the block of a `def` or a lambda. */
const isFunctionBody = (node: PyNode): boolean => node.type === "block" && node.parent !== null && FUNCTIONS.has(node.parent.type);

/** Whether a block lies in a function's body (before any class or the module). */
function insideFunction(block: PyNode): boolean {
  for (let node = block.parent; node; node = node.parent) {
    if (isFunctionBody(node)) return true;
    if (node.type === "class_definition" || node.type === "module") return false;
  }
  return false;
}

const MATH_CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI, inf: Infinity };
const MATH_FUNCTIONS: Record<string, (...args: number[]) => number> = {
  sqrt: Math.sqrt, cbrt: Math.cbrt, exp: Math.exp, log: Math.log, log10: Math.log10, log2: Math.log2, log1p: Math.log1p,
  expm1: Math.expm1, sin: Math.sin, cos: Math.cos, tan: Math.tan, arcsin: Math.asin, asin: Math.asin, arccos: Math.acos,
  acos: Math.acos, arctan: Math.atan, atan: Math.atan, atan2: Math.atan2, arctan2: Math.atan2, sinh: Math.sinh,
  cosh: Math.cosh, tanh: Math.tanh, hypot: Math.hypot, fabs: Math.abs, abs: Math.abs, floor: Math.floor, ceil: Math.ceil,
  pow: Math.pow, power: Math.pow, radians: (x) => (x * Math.PI) / 180, degrees: (x) => (x * 180) / Math.PI,
}; // prettier-ignore
/** Modules whose constants and functions fold: `math.pi`, `np.sqrt(2)`. */
const MATH_MODULES = /^(math|np|numpy|jnp|jax\.numpy|cmath)$/;

/** Calls that turn a string into a number: `float("1.002")`, `Decimal("…")`, `np.float64("…")`. */
const CONVERTERS =
  /^(float|int|complex|Decimal|decimal\.Decimal|Fraction|fractions\.Fraction|(np|numpy|jnp)\.(float16|float32|float64|float_|double|int32|int64|array|asarray)|(?:mpmath\.|mp\.)?mpf|(?:sympy|sp)\.(?:Float|Rational|Number))$/;
/** `int(text, base)`: reads an integer in a base. */
const INTEGER_PARSERS = /^(?:builtins\.)?int$/;
/** Calls that read a ratio written as text (`Fraction("27/100")`). */
const RATIO_PARSERS = /^(Fraction|fractions\.Fraction|(?:sympy|sp)\.Rational)$/;

/** The integer base passed to `int(text, base)` (positional or `base=`), or undefined when it is not a literal. */
function baseArgument(file: PythonFile, args: readonly PyNode[]): number | undefined {
  let base: PyNode | undefined = args[1];
  if (base?.type === "keyword_argument") base = undefined;
  for (const arg of args)
    if (arg.type === "keyword_argument" && file.compact(file.field(arg, "name") ?? arg) === "base") base = file.field(arg, "value");
  return base?.type === "integer" ? integerInBase(file.textOf(base), 0) : undefined;
}

/** Calls that read a hexadecimal float: `float.fromhex("0x1.0083126e978d5p+0")`. */
const HEX_CONVERTERS = /^(float\.fromhex|(np|numpy)\.float64\.fromhex)$/;
/** Calls that run a string as code or as an expression: `eval`, NumExpr, SymPy's parsers, `pandas.eval`. */
const CODE_RUNNERS =
  /^(eval|exec|compile|(?:numexpr|ne)\.(?:evaluate|re_evaluate)|(?:sympy\.|sp\.)?(?:sympify|parse_expr)|(?:pd|pandas)\.eval)$/;
/**
 * Parsers of data written inline, whose numbers are literals: JSON, YAML, TOML, Python literals,
 * NumPy's text reader, and text wrapped as a file (`np.loadtxt(io.StringIO("0.27"))`,
 * `pd.read_csv(StringIO("…"))`).
 */
const JSON_PARSERS =
  /^(json\.loads|yaml\.safe_load|yaml\.load|tomllib\.loads|ast\.literal_eval|literal_eval|(?:np|numpy)\.fromstring|(?:io\.)?(?:StringIO|BytesIO))$/;
/** Environment defaults: `os.environ.get("K", "1.002")`, `os.getenv("K", "1.002")`. */
const ENVIRONMENT = /^(os\.environ\.get|os\.getenv|environ\.get|getenv)$/;

/** The value a Python number literal writes; the imaginary part's magnitude for `2j`. */
function parseNumber(text: string): number {
  const clean = text.replace(/_/g, "").replace(/[jJ]$/, "").replace(/[lL]$/, "");
  if (/^0[oO]/.test(clean)) return parseInt(clean.slice(2), 8);
  if (/^0[bB]/.test(clean)) return parseInt(clean.slice(2), 2);
  return Number(clean);
}

class PythonFile {
  /** Names of π the file binds to something else (`def f(pi)`, `pi = 0.27`): ordinary variables here. */
  piRebound: ReadonlySet<string> = new Set();

  constructor(readonly text: string) {}

  textOf(node: PyNode): string {
    return this.text.slice(node.start, node.end);
  }

  /** Code without white space: names and callees as written. */
  compact(node: PyNode): string {
    return this.textOf(node).replace(/\s+/g, "");
  }

  field(node: PyNode, name: string): PyNode | undefined {
    return node.children.find((c) => c.field === name);
  }

  /**
   * The operator of a binary, augmented or unary node, read from the source between its
   * operands (anonymous tokens are not mirrored): `*`, `//`, `*=`, `-`.
   */
  operator(node: PyNode): string {
    const operands = node.children.filter((c) => c.type !== "comment");
    if (node.type === "unary_operator") return this.text.slice(node.start, operands[0]?.start ?? node.end).trim();
    const left = operands[0];
    const right = operands[1];
    return left && right
      ? this.text
          .slice(left.end, right.start)
          .replace(/#[^\n]*/g, "")
          .trim()
      : "";
  }

  /**
   * The code between a node's named children (keywords, operators, punctuation), without
   * space or comments: what a skeleton keeps of the anonymous tokens.
   */
  gaps(node: PyNode): string[] {
    const result: string[] = [];
    let at = node.start;
    for (const child of node.children) {
      result.push(
        this.text
          .slice(at, child.start)
          .replace(/#[^\n]*/g, "")
          .replace(/\s+/g, ""),
      );
      at = child.end;
    }
    result.push(
      this.text
        .slice(at, node.end)
        .replace(/#[^\n]*/g, "")
        .replace(/\s+/g, ""),
    );
    return result;
  }
}

const skipOuter = (node: PyNode): PyNode => {
  let current = node;
  while (current.parent && TRANSPARENT.has(current.parent.type)) current = current.parent;
  return current;
};

/** Names bound by an assignment's left side, in order (`a, b = …` binds a and b). */
function targetsOf(file: PythonFile, left: PyNode): string[] {
  if (SEQUENCES.has(left.type)) return left.children.filter((c) => c.named && c.type !== "comment").map((c) => file.compact(c));
  return [file.compact(left)];
}

/** `np.sqrt` as [`np`, `sqrt`], whether or not the walk entered the attribute. */
function attributeParts(file: PythonFile, node: PyNode): [string, string] {
  const object = file.field(node, "object");
  const name = file.field(node, "attribute");
  if (object && name) return [file.compact(object), file.compact(name)];
  const match = /^(.*)\.(\w+)$/.exec(file.compact(node));
  return match ? [match[1]!, match[2]!] : ["", ""];
}

function stringBody(file: PythonFile, node: PyNode): string | null {
  if (node.type !== "string" || node.children.some((c) => c.type === "interpolation")) return null;
  // A string the walk did not enter (no digit in it) is one leaf: its body is its text without quotes.
  if (node.children.length === 0)
    return file
      .textOf(node)
      .replace(/^[rRbBuU]*("""|'''|"|')/, "")
      .replace(/("""|'''|"|')$/, "");
  return node.children
    .filter((c) => c.type === "string_content")
    .map((c) => file.textOf(c))
    .join("");
}

/** Whether a node is the index of a subscript (`a[node]`). */
const isSubscript = (node: PyNode): boolean => node.parent?.type === "subscript" && node.field === "subscript";

/** Index arithmetic: `G0s[ii - 4]`, `a[2 * k + 1]`, `x[n // 2]` compute a position, not a quantity. */
const INDEX_ARITHMETIC = new Set(["+", "-", "*", "//", "%"]);

/** Whether a literal is an operand of arithmetic that computes a subscript (`a[i - 4]`). */
function inIndexArithmetic(file: PythonFile, node: PyNode): boolean {
  let current = node;
  let arithmetic = false;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === "binary_operator" && INDEX_ARITHMETIC.has(file.operator(parent))) arithmetic = true;
    else if (parent.type === "unary_operator" || parent.type === "parenthesized_expression" || parent.type === "tuple") continue;
    else return arithmetic && (parent.type === "slice" || isSubscript(current));
  }
  return false;
}

/** Whether `name` is the counter of a `for … in range(…)` loop enclosing `node`. */
function isLoopCounter(file: PythonFile, name: string, node: PyNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "for_statement") {
      const left = file.field(current, "left");
      const right = file.field(current, "right");
      // The walk may not have entered `range(self.jn)` (no digit in it): read its text.
      if (left?.type === "identifier" && file.textOf(left) === name && right && /^x?range\(/.test(file.compact(right))) return true;
    }
    if (FUNCTIONS.has(current.type) || current.type === "class_definition") return false;
  }
  return false;
}

/** The standard library's enumerations and their usual spellings (`enum.IntEnum`, `IntFlag`). */
const ENUM_BASE = /^(?:enum\.)?(?:Enum|IntEnum|IntFlag|Flag|StrEnum|ReprEnum)$/;
const isEnumClass = (file: PythonFile, definition: PyNode): boolean => {
  const bases = file.field(definition, "superclasses");
  return (
    bases !== undefined &&
    file
      .compact(bases)
      .replace(/^\(|\)$/g, "")
      .split(",")
      .some((base) => ENUM_BASE.test(base))
  );
};

/**
 * Whether the file does arithmetic with an enum's member (`x * Tuning.ALPHA.value / 100`): it is
 * then a number, not a case. Read from the text, as digit-free code is not mirrored: a match in a
 * comment or string only keeps a case from being exempt.
 */
function computesWith(file: PythonFile, definition: PyNode, member: string): boolean {
  const name = file.field(definition, "name");
  return !name || computedNames(file).has(`${file.textOf(name)}.${member}`);
}

/** Every `Name.attribute` the file's text puts beside an arithmetic operator, read once per file. */
const computedNamesOf = new WeakMap<PythonFile, Set<string>>();
const DOTTED = String.raw`([\p{L}_][\p{L}\p{N}_]*\.[\p{L}_][\p{L}\p{N}_]*)(?:\.value)?(?![\p{L}\p{N}_])`;
const COMPUTED = new RegExp(String.raw`(?:[-+*/%]|\*\*)\s*${DOTTED}|(?<![\p{L}\p{N}_.])${DOTTED}\s*(?:\*\*|[-+*/%](?!=))`, "gu");
function computedNames(file: PythonFile): Set<string> {
  let names = computedNamesOf.get(file);
  if (!names) {
    names = new Set();
    for (const match of file.text.matchAll(COMPUTED)) names.add((match[1] ?? match[2])!);
    computedNamesOf.set(file, names);
  }
  return names;
}

function contextOf(file: PythonFile, literal: PyNode): LiteralContext {
  const node = skipOuter(literal);
  const parent = node.parent;
  if (!parent) return { kind: "other" };
  if (parent.type === "binary_operator" && inIndexArithmetic(file, node)) return { kind: "index" };
  switch (parent.type) {
    case "type":
      // An annotation (`x: Literal[3]`) names a type, not a value.
      return { kind: "literal-type" };
    case "case_pattern":
      // `case 3:` compares the subject with the value, as JavaScript's `case 3:` does.
      return { kind: "comparison", caseLabel: true };
    case "binary_operator": {
      const op = file.operator(parent);
      return { kind: "binary", operator: ARITHMETIC[op] ?? "other", side: node.field === "left" ? "left" : "right" };
    }
    case "boolean_operator":
      // A fallback (`scale or 100`) is the value the expression stands for when nothing is given.
      return node.field === "right" && file.operator(parent) === "or" ? contextOf(file, parent) : { kind: "other" };
    case "augmented_assignment": {
      if (node.field !== "right") return { kind: "other" };
      const op = file.operator(parent).replace(/=$/, "");
      return { kind: "compound-assignment", operator: ARITHMETIC[op] ?? "other" };
    }
    case "comparison_operator": {
      const operands = parent.children.filter((c) => c.named && c.type !== "comment");
      // `(l == 3)` inside `for l in range(…)`: picking an iteration of the loop, as an index does.
      if (operands.length === 2 && /^(?:==|!=)$/.test(file.operator(parent))) {
        const other = skipOuter(operands[0] === node ? operands[1]! : operands[0]!);
        if (other.type === "identifier" && isLoopCounter(file, file.textOf(other), parent)) return { kind: "index" };
      }
      return { kind: "comparison", chained: operands.length > 2 };
    }
    case "assignment": {
      if (node.field !== "right") return { kind: "other" };
      const left = file.field(parent, "left");
      const name = left ? targetsOf(file, left)[0]! : "";
      const owner = parent.parent?.parent?.parent;
      if (owner?.type !== "class_definition") return { kind: "variable-initializer", name };
      // A member of an `Enum` subclass names a case (`Moon = 10`), unless the file computes with it.
      if (left?.type === "identifier" && isEnumClass(file, owner))
        return { kind: "enum-member", arithmetic: computesWith(file, owner, name) };
      return { kind: "property-initializer", name };
    }
    case "expression_list":
    case "tuple":
    case "list":
    case "set": {
      // `a, b = 1.5, 2.5`: each value initialises the name at its position.
      const assignment = parent.parent && skipOuter(parent).parent;
      if (assignment?.type === "assignment" && skipOuter(parent).field === "right") {
        const left = file.field(assignment, "left");
        const index = parent.children.filter((c) => c.named && c.type !== "comment").indexOf(node);
        const names = left ? targetsOf(file, left) : [];
        if (names.length > 1 && names[index] !== undefined) return { kind: "variable-initializer", name: names[index]! };
      }
      // `table[(2, i + 1, 8)]`: a tuple that subscripts is a multi-dimensional index.
      if (parent.type === "tuple" && isSubscript(skipOuter(parent))) return { kind: "index" };
      return { kind: "array-element" };
    }
    case "pair":
      // A numeric key (`{199: gm}`) names an entry, like an index.
      if (node.field === "key") return { kind: "index", key: true };
      if (node.field === "value") {
        const key = file.field(parent, "key");
        const name = key ? (stringBody(file, key) ?? file.compact(key)) : "";
        return { kind: "object-property", name };
      }
      return { kind: "other" };
    case "argument_list": {
      const call = parent.parent!;
      const callee = file.compact(file.field(call, "function") ?? call);
      const positional = parent.children.filter((c) => c.named && c.type !== "keyword_argument" && c.type !== "comment");
      if (callee === "range" || callee === "xrange") return { kind: "comparison" };
      return { kind: "call-argument", callee, index: positional.indexOf(node) };
    }
    case "keyword_argument": {
      if (node.field !== "value") return { kind: "other" };
      const keyword = file.compact(file.field(parent, "name") ?? parent);
      const call = parent.parent?.parent;
      const callee = call ? file.compact(file.field(call, "function") ?? call) : "";
      return { kind: "call-argument", callee, index: -1, keyword };
    }
    case "default_parameter":
    case "typed_default_parameter":
      return node.field === "value"
        ? { kind: "parameter-default", name: file.compact(file.field(parent, "name") ?? parent) }
        : { kind: "other" };
    case "subscript":
    case "slice":
      if (parent.type === "subscript" && node.field !== "subscript") return { kind: "other" };
      // `Literal[3]` names a type, not a value. Only integers can (PEP 586): `Literal[0.27]` is
      // no type any checker accepts, only a value kept where `typing.get_args` reads it.
      if (parent.type === "subscript" && /(^|\.)Literal$/.test(file.compact(file.field(parent, "value") ?? parent)))
        return literal.type === "integer" || /^[-+]?\s*\d[\d_]*$/.test(file.textOf(literal)) ? { kind: "literal-type" } : { kind: "other" };
      return { kind: "index" };
    case "return_statement":
      return { kind: "return" };
    case "lambda":
      return node.field === "body" ? { kind: "return" } : { kind: "other" };
    default:
      return { kind: "other" };
  }
}

/** Allocators whose first argument is a shape (`np.zeros((n, 3))`); torch's take the sizes as arguments. */
const ALLOCATORS = new Set(["zeros", "ones", "empty", "full", "eye", "identity", "ndarray"]);
/** Array modules: an allocator is theirs, or imported from one (`zeros(3)`). */
const ARRAY_MODULES = /^(?:|np|numpy|onp|jnp|jax\.numpy|torch|cp|cupy|xp|tf|tensorflow|da|dask\.array)$/;
/** Functions whose arguments after the array (all of them, called as its method) are axes. */
const AXES_FUNCTIONS = new Set(["transpose", "permute", "permute_dims", "moveaxis", "swapaxes", "rollaxis", "expand_dims", "squeeze"]);
/** Keywords that take a shape (`shape=(n, 3)`, `newshape=`) or, for a random draw, a size (`size=(n, 3)`). */
const SHAPE_KEYWORDS = new Set(["shape", "newshape"]);
const RANDOM_CALLEE = /(?:^|[._])(?:random|rng)(?:[._(]|$)|random_state\./i;

/**
 * An allocation whose size is read back at once (`np.zeros(27).size`, `len(np.ones(27))`,
 * `np.ones(27).sum()`): the size is then a number the code computes with, not a shape.
 */
function measuredAllocation(file: PythonFile, call: PyNode): boolean {
  const outer = skipOuter(call);
  const parent = outer.parent;
  if (parent?.type === "attribute" && outer.field === "object")
    return MEASURES.test(file.compact(file.field(parent, "attribute") ?? parent).replace(/^.*\./, ""));
  if (parent?.type === "argument_list" && parent.parent?.type === "call")
    return MEASURING_FUNCTIONS.test(file.compact(file.field(parent.parent, "function") ?? parent.parent));
  return false;
}

/** What reads an allocation's size back, or sums it (`np.ones(27).sum()` is 27): attributes and methods. */
const MEASURES = /^(?:size|shape|nbytes|sum|prod|cumsum|cumprod|mean|trace|count_nonzero)$/;
/** Functions that do so with the allocation as argument: `len(np.ones(27))`, `sum(np.ones(27))`. */
const MEASURING_FUNCTIONS = /^(?:len|sum|math\.fsum|math\.prod|(?:np|numpy|jnp|jax\.numpy)\.(?:sum|prod|cumsum|size|count_nonzero|trace))$/;

/**
 * Whether an integer stands for an array's size or shape (`np.zeros((n, 3))`, `x.reshape(-1, 3)`,
 * `v.shape == (3,)`, `rng.normal(size=(n, 3))`): how many, not how much. Read through the tuple or
 * list of a shape and through size arithmetic (`np.empty(3 * n)`).
 */
function isInShape(file: PythonFile, literal: PyNode): boolean {
  let node = skipOuter(literal);
  while (
    node.parent &&
    (node.parent.type === "tuple" ||
      node.parent.type === "list" ||
      node.parent.type === "parenthesized_expression" ||
      node.parent.type === "unary_operator" ||
      // `np.zeros((6, 6) if with_vel else (3, 3))`: either branch, not the condition.
      (node.parent.type === "conditional_expression" && node.parent.children.filter((c) => c.type !== "comment")[1] !== node) ||
      (node.parent.type === "binary_operator" && /^(?:\*|\+|-)$/.test(file.operator(node.parent))))
  )
    node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === "argument_list" && parent.parent) {
    if (measuredAllocation(file, parent.parent)) return false;
    const callee = file.compact(file.field(parent.parent, "function") ?? parent.parent);
    const dot = callee.lastIndexOf(".");
    const [prefix, name] = dot < 0 ? ["", callee] : [callee.slice(0, dot), callee.slice(dot + 1)];
    const index = parent.children.filter((c) => c.named && c.type !== "keyword_argument" && c.type !== "comment").indexOf(node);
    if (ALLOCATORS.has(name) && ARRAY_MODULES.test(prefix)) return prefix === "torch" || index === 0;
    // A method takes the shape or axes as its arguments (`x.reshape(-1, 3)`, `x.permute(0, 2, 1)`),
    // a module's function after the array (`np.reshape(x, (-1, 3))`, `jnp.transpose(g, (1, 2, 0))`).
    if (name === "reshape" || AXES_FUNCTIONS.has(name)) return ARRAY_MODULES.test(prefix) && prefix !== "" ? index >= 1 : true;
    if (name === "broadcast_to" || name === "tile") return index === 1;
    return false;
  }
  if (parent.type === "keyword_argument" && node.field === "value") {
    const keyword = file.compact(file.field(parent, "name") ?? parent);
    const call = parent.parent?.parent;
    const callee = call ? file.compact(file.field(call, "function") ?? call) : "";
    return SHAPE_KEYWORDS.has(keyword) || (keyword === "size" && RANDOM_CALLEE.test(callee));
  }
  // `x.shape = (n, 3)`, `v.shape != (3,)`.
  const isShape = (n: PyNode | undefined): boolean => n !== undefined && /\.shape$/.test(file.compact(n));
  if (parent.type === "assignment" && node.field === "right") return isShape(file.field(parent, "left"));
  if (parent.type === "comparison_operator") return parent.children.some((c) => c !== node && c.named && isShape(c));
  return false;
}

/**
 * Whether a name is read only as an index in a stretch of code (`r[k] = a[k] * s`, `x[i + 1, 0]`):
 * every occurrence stands directly inside a subscript's brackets. Read from the text (the walk
 * does not enter code without digits), skipping strings and comments.
 */
function onlyIndexes(text: string, name: string): boolean {
  const stack: boolean[] = []; // per open bracket: whether it is a subscript's `[`
  let used = false;
  let previous = ""; // the last character of code before the current one, spaces left out
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === "#") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '"' || c === "'") {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j)) j += text[j] === "\\" ? 2 : 1;
      i = j + quote.length;
      previous = c;
      continue;
    }
    if (/[\p{L}_]/u.test(c)) {
      const word = /^[\p{L}\p{N}_]+/u.exec(text.slice(i, i + 200))![0];
      if (word === name && previous !== ".") {
        used = true;
        if (stack[stack.length - 1] !== true) return false;
      }
      i += word.length;
      previous = word[word.length - 1]!;
      continue;
    }
    if (c === "[" || c === "(" || c === "{") stack.push(c === "[" && /[\p{L}\p{N}_)\]"']/u.test(previous));
    else if (c === "]" || c === ")" || c === "}") stack.pop();
    if (!/\s/.test(c)) previous = c;
    i++;
  }
  return used;
}

/**
 * Whether a literal is the stop of a `range` a `for` loop walks with a counter that only
 * indexes arrays (`for k in range(3): r[k] = v[k] * s`): the arrays' length written out.
 */
function isArrayLoopBound(file: PythonFile, literal: PyNode): boolean {
  const node = skipOuter(literal);
  const list = node.parent;
  if (list?.type !== "argument_list" || !list.parent) return false;
  const call = list.parent;
  if (!/^x?range$/.test(file.compact(file.field(call, "function") ?? call))) return false;
  const args = list.children.filter((c) => c.named && c.type !== "comment");
  if (args.length > 2 || args[args.length - 1] !== node) return false;
  const outer = skipOuter(call);
  const loop = outer.parent;
  if (loop?.type !== "for_statement" || outer.field !== "right") return false;
  const counter = file.field(loop, "left");
  const body = file.field(loop, "body");
  if (!counter || counter.type !== "identifier" || !body) return false;
  return onlyIndexes(file.textOf(body), file.textOf(counter));
}

function isInLoopHeader(literal: PyNode): boolean {
  for (let child = literal, node = literal.parent; node; child = node, node = node.parent) {
    if (node.type === "for_statement" || node.type === "for_in_clause") return child.field === "right";
    if (node.type === "while_statement") return child.field === "condition";
    if (STATEMENT_LISTS.has(node.type) || FUNCTIONS.has(node.type)) return false;
  }
  return false;
}

function isConstruct(node: PyNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  return (
    STATEMENT_LISTS.has(parent.type) ||
    MEMBER_CONSTRUCTS.has(node.type) ||
    (SEQUENCES.has(parent.type) && parent.type !== "expression_list") ||
    // A positional argument of a multi-line call, as a keyword argument is.
    (parent.type === "argument_list" && node.type !== "comment")
  );
}

function statementOf(node: PyNode): PyNode {
  let current = node;
  while (current.parent && !SCOPE_BOUNDARIES.has(current.parent.type)) current = current.parent;
  return current;
}

/** A string expression statement: a docstring when it follows what it documents. */
function docstringOf(statement: PyNode | undefined): PyNode | null {
  if (!statement || statement.type !== "expression_statement") return null;
  const only = statement.children.filter((c) => c.type !== "comment");
  return only.length === 1 && only[0]!.type === "string" ? only[0]! : null;
}

class Scan {
  readonly literals: PyNode[] = [];
  readonly strings: PyNode[] = [];
  readonly comments: SourceComment[] = [];
  /** Docstrings by the construct they document. */
  readonly docs = new Map<PyNode, SourceComment>();
  private readonly folded = new Map<PyNode, number | undefined>();
  private readonly skeletons = new Map<PyNode, { exact: string; loose: string; renamed: string | null }>();

  constructor(readonly file: PythonFile) {}

  docstring(node: PyNode): SourceComment {
    const body = this.file
      .textOf(node)
      .replace(/^[rRbBuUfF]*("""|'''|"|')/, "")
      .replace(/("""|'''|"|')$/, "");
    const comment: SourceComment = { start: node.start, end: node.end, text: body.replace(/^\s+/gm, "").trim(), docstring: true };
    this.comments.push(comment);
    return comment;
  }

  /** Docstrings of a block's statements: an attribute's below it, a function's or class's first in its body. */
  collectDocs(list: PyNode): void {
    const statements = list.children.filter((c) => c.type !== "comment");
    statements.forEach((statement, index) => {
      const next = docstringOf(statements[index + 1]);
      const isAssignment = statement.type === "expression_statement" && statement.children.some((c) => c.type === "assignment");
      if (next && isAssignment) this.docs.set(statement, this.docstring(next));
      const definition = statement.type === "decorated_definition" ? this.file.field(statement, "definition") : statement;
      if (definition && (definition.type === "function_definition" || definition.type === "class_definition")) {
        const body = this.file.field(definition, "body");
        const first = docstringOf(body?.children.find((c) => c.type !== "comment"));
        if (first) this.docs.set(statement, this.docstring(first));
      }
    });
  }

  constructsOf(literal: PyNode): Construct[] {
    const result: Construct[] = [];
    let insideFunctionBody = false;
    // Inside a nested block (`if`, `for`, `with`) of a function: only the function's own doc
    // can still speak for the literal, so the statements between are passed over.
    let nested = false;
    for (let node: PyNode | null = literal; node; node = node.parent) {
      if (SCOPE_BOUNDARIES.has(node.type)) {
        if (isFunctionBody(node)) {
          insideFunctionBody = true;
          nested = false;
          continue;
        }
        // Once nested, the function lies further up: no need to look again.
        if (node.type === "block" && !insideFunctionBody && (nested || insideFunction(node))) {
          nested = true;
          continue;
        }
        break;
      }
      if (nested || !isConstruct(node)) continue;
      const doc = this.docs.get(node);
      result.push({
        start: node.start,
        end: node.end,
        kind: insideFunctionBody ? "function" : "enclosing",
        ...(doc ? { docs: [doc] } : {}),
      });
    }
    return result;
  }

  /** The value of a constant expression (literals, `math`/`np` functions and constants), or undefined. */
  valueOf(node: PyNode): number | undefined {
    if (this.folded.has(node)) return this.folded.get(node);
    const value = this.compute(node);
    this.folded.set(node, value);
    return value;
  }

  private compute(node: PyNode): number | undefined {
    const file = this.file;
    if (NUMBER_TYPES.has(node.type)) return /[jJ]$/.test(file.textOf(node)) ? undefined : parseNumber(file.textOf(node));
    if (node.type === "identifier") return this.piReference(node);
    if (node.children.length === 0 && node.type !== "attribute") return undefined; // no digit in it: nothing to fold
    if (node.type === "parenthesized_expression") {
      const inner = node.children.filter((c) => c.named && c.type !== "comment");
      return inner.length === 1 ? this.valueOf(inner[0]!) : undefined;
    }
    if (node.type === "unary_operator") {
      const operand = this.valueOf(file.field(node, "argument") ?? node.children.at(-1)!);
      const op = file.operator(node);
      if (operand === undefined) return undefined;
      return op === "-" ? -operand : op === "+" ? operand : op === "~" ? ~operand : undefined;
    }
    if (node.type === "binary_operator") {
      const left = this.valueOf(file.field(node, "left")!);
      if (left === undefined) return undefined;
      const right = this.valueOf(file.field(node, "right")!);
      if (right === undefined) return undefined;
      const op = file.operator(node);
      const ops: Record<string, (a: number, b: number) => number> = {
        "+": (a, b) => a + b, "-": (a, b) => a - b, "*": (a, b) => a * b, "/": (a, b) => a / b, "//": (a, b) => Math.floor(a / b),
        "%": (a, b) => a - b * Math.floor(a / b), "**": (a, b) => a ** b, "&": (a, b) => a & b, "|": (a, b) => a | b,
        "^": (a, b) => a ^ b, "<<": (a, b) => a << b, ">>": (a, b) => a >> b,
      }; // prettier-ignore
      return ops[op]?.(left, right);
    }
    if (node.type === "attribute") {
      const [object, name] = attributeParts(file, node);
      return MATH_MODULES.test(object) ? MATH_CONSTANTS[name] : undefined;
    }
    if (node.type === "call") {
      const fn = file.field(node, "function");
      const args = file.field(node, "arguments");
      if (!fn || !args || fn.type !== "attribute") return undefined;
      const [module, name] = attributeParts(file, fn);
      const compute = MATH_FUNCTIONS[name];
      if (!MATH_MODULES.test(module) || !compute) return undefined;
      const values: number[] = [];
      for (const arg of args.children.filter((c) => c.named && c.type !== "comment")) {
        const value = this.valueOf(arg);
        if (value === undefined) return undefined;
        values.push(value);
      }
      return values.length ? compute(...values) : undefined;
    }
    return undefined;
  }

  /** `pi` (`from math import pi`), `tau`, `π`: the multiple of π the name stands for, where the file binds it to nothing else. */
  private piReference(node: PyNode): number | undefined {
    const name = this.file.textOf(node);
    const value = piName(name);
    return value === undefined || this.file.piRebound.has(name) ? undefined : value;
  }

  /** The largest constant expression holding a literal (the literal itself, nearly always). */
  rootOf(literal: PyNode): PyNode {
    let root = literal;
    for (;;) {
      let parent = root.parent;
      if (parent?.type === "argument_list") parent = parent.parent;
      if (!parent || !FOLDABLE.has(parent.type) || this.valueOf(parent) === undefined) break;
      root = parent;
    }
    while (root.type === "parenthesized_expression") root = root.children.find((c) => c.named && c.type !== "comment") ?? root;
    return root;
  }

  anchor(node: PyNode): Anchor {
    const statement = statementOf(node);
    let skeleton = this.skeletons.get(statement);
    if (!skeleton) {
      const assignment = statement.type === "assignment" ? statement : statement.children.find((c) => c.type === "assignment");
      const target = assignment ? this.file.field(assignment, "left") : undefined;
      skeleton = {
        exact: shapeDigest(this.serialize(statement, false, statement)),
        loose: shapeDigest(this.serialize(statement, true, statement)),
        renamed: target ? shapeDigest(this.serialize(statement, false, statement, target)) : null,
      };
      this.skeletons.set(statement, skeleton);
    }
    const steps: string[] = [];
    for (let current: PyNode = node; current !== statement && current.parent; current = current.parent) {
      if (TRANSPARENT.has(current.parent.type)) continue;
      const siblings = current.parent.children.filter((c) => c.named && !OMITTED.has(c.type));
      steps.push(`${current.parent.type}.${current.field ?? siblings.indexOf(current)}`);
    }
    const outer = skipOuter(node);
    const operator =
      outer.parent?.type === "binary_operator" || outer.parent?.type === "augmented_assignment" ? this.file.operator(outer.parent) : null;
    return {
      statement: skeleton.exact,
      loose: skeleton.loose,
      path: steps.reverse().join("/"),
      identity: this.identityOf(node, statement),
      renamed: skeleton.renamed,
      operator,
    };
  }

  private identityOf(node: PyNode, statement: PyNode): string | null {
    const file = this.file;
    for (let current: PyNode | null = node; current && current !== statement.parent; current = current.parent) {
      if (current.type === "assignment" || current.type === "augmented_assignment") {
        const left = file.field(current, "left");
        return left ? `=${targetsOf(file, left).join(",")}` : null;
      }
      if (current.type === "default_parameter" || current.type === "typed_default_parameter" || current.type === "keyword_argument") {
        return `${current.type}:${file.compact(file.field(current, "name") ?? current)}`;
      }
      if (current.type === "return_statement") {
        for (let fn = current.parent; fn; fn = fn.parent) {
          if (fn.type === "function_definition") return `return:${file.compact(file.field(fn, "name") ?? fn)}`;
        }
        return null;
      }
    }
    return null;
  }

  private serialize(node: PyNode, loose: boolean, root: PyNode, masked?: PyNode): string {
    if (node === masked) return "_";
    if (NUMBER_TYPES.has(node.type)) return "#";
    if (node !== root && node.type === "block") return "{}";
    if (TRANSPARENT.has(node.type)) {
      const inner = node.children.find((c) => c.type !== "comment");
      return inner ? this.serialize(inner, loose, root, masked) : "()";
    }
    if (node.children.length === 0) return this.file.textOf(node).replace(/\s+/g, "");
    // The node's own tokens (keywords, operators) sit between its children; a type annotation's
    // tokens go with it, and an operator is masked in the loose form.
    const gaps = this.file.gaps(node);
    let out = `${node.type}(`;
    node.children.forEach((child, index) => {
      if (OMITTED.has(child.type)) return;
      const gap = gaps[index]!;
      out += loose && ARITHMETIC[gap.replace(/=$/, "")] !== undefined ? "op" : gap;
      out += this.serialize(child, loose, root, masked);
    });
    return `${out}${gaps.at(-1)})`;
  }
}

const STATEMENT_TEXT_LIMIT = 1000;

function siteOf(scan: Scan, place: PyNode, written: WrittenLiteral): LiteralSite {
  const file = scan.file;
  const statement = statementOf(place);
  let context: LiteralContext | undefined;
  let constructs: Construct[] | undefined;
  let anchor: Anchor | undefined;
  return {
    ...written,
    get context() {
      return (context ??= contextOf(file, place));
    },
    get inLoopHeader() {
      return isInLoopHeader(place);
    },
    get inShape() {
      return isInShape(file, place);
    },
    get boundsArrayLoop() {
      return isArrayLoopBound(file, place);
    },
    statementText: file.text.slice(statement.start, Math.min(statement.end, statement.start + STATEMENT_TEXT_LIMIT)),
    statementStart: statement.start,
    get constructs() {
      return (constructs ??= scan.constructsOf(place));
    },
    get anchor() {
      return (anchor ??= scan.anchor(place));
    },
    get argumentTexts() {
      return argumentTextsOf(file, place);
    },
  };
}

/** The plain strings among the arguments (positional or by keyword) of the call a literal is an argument of. */
function argumentTextsOf(file: PythonFile, place: PyNode): SourceComment[] {
  const node = skipOuter(place);
  let list = node.parent;
  if (list?.type === "keyword_argument" && node.field === "value") list = list.parent;
  if (list?.type !== "argument_list" || list.parent?.type !== "call") return [];
  const texts: SourceComment[] = [];
  for (const argument of list.children) {
    const value = argument.type === "keyword_argument" ? file.field(argument, "value") : argument;
    if (!value) continue;
    const strings =
      value.type === "concatenated_string" ? value.children.filter((c) => c.type === "string") : value.type === "string" ? [value] : [];
    for (const string of strings) {
      const body = stringBody(file, string);
      if (body !== null && isProse(body)) texts.push({ start: string.start, end: string.end, text: body });
    }
  }
  return texts;
}

/** The strings a `+` chain or an implicit concatenation joins, left to right; undefined if any part is not a plain string. */
function joinedStrings(file: PythonFile, top: PyNode): PyNode[] | undefined {
  const parts: PyNode[] = [];
  // Iterative, children pushed in reverse: a chain of many parts is one deep tree.
  const stack: PyNode[] = [top];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "string") {
      if (stringBody(file, node) === null) return undefined;
      parts.push(node);
    } else if (isJoining(file, node) || node.type === "parenthesized_expression") {
      for (let i = node.children.length - 1; i >= 0; i--) if (node.children[i]!.type !== "comment") stack.push(node.children[i]!);
    } else return undefined;
  }
  return parts.length > 0 ? parts : undefined;
}

const isJoining = (file: PythonFile, node: PyNode): boolean =>
  node.type === "concatenated_string" || (node.type === "binary_operator" && file.operator(node) === "+");

/**
 * The whole concatenation of string literals (`"1" + ".002"`, `"1" ".002"`) a string begins, or
 * undefined. Only the first part reads it: a part that is not its parent's first is no first
 * part, which keeps a long chain linear.
 */
function concatenationOf(file: PythonFile, node: PyNode): { top: PyNode; first: boolean; text: string } | undefined {
  let top = node;
  let first = true;
  for (let child = node, up = node.parent; up; child = up, up = up.parent) {
    if (isJoining(file, up)) {
      if (up.children.find((c) => c.type !== "comment") !== child) first = false;
      top = up;
    } else if (up.type !== "parenthesized_expression") break;
    if (!first) break;
  }
  if (top === node) return undefined;
  if (!first) return { top, first, text: "" };
  const parts = joinedStrings(file, top);
  return parts ? { top, first, text: parts.map((p) => stringBody(file, p)).join("") } : undefined;
}

/**
 * The text of an f-string whose every replacement field is a plain literal (`f"{1}.002"` is
 * "1.002"), or null: what `float()` of it reads, written to hide the number from a string test.
 */
function literalFString(file: PythonFile, node: PyNode): string | null {
  if (node.type !== "string") return null;
  let text = "";
  for (const child of node.children) {
    if (child.type === "string_content") text += file.textOf(child);
    else if (child.type === "interpolation") {
      const parts = child.children.filter((c) => c.type !== "comment");
      const value = parts.length === 1 ? parts[0]! : null;
      if (value === null) return null;
      if (value.type === "integer" || value.type === "float") text += file.textOf(value).replace(/_/g, "");
      else if (value.type === "string" && stringBody(file, value) !== null) text += stringBody(file, value);
      else return null;
    }
  }
  return text;
}

/** Methods that cut a string into pieces the code may then convert (`"0.27 0.5".split()`). */
const SPLITTERS = /^(?:r?split|splitlines|findall)$/;
/** Calls that pass pieces on unchanged: `list(s.split())`, `sorted(…)`. */
const PASSING = /^(?:list|tuple|sorted|reversed|iter|next)$/;
/**
 * The place where the pieces of a cut string become numbers, or null: a converter the pieces are
 * handed to (`float(s.split(",")[1])`, `np.array(s.split(), dtype=float)`, `map(float, s.split())`),
 * or a comprehension that converts each (`[float(p) for p in s.split()]`). Followed up the
 * expression only: what a name holding the pieces meets later is not read.
 */
function convertedPieces(file: PythonFile, split: PyNode): PyNode | null {
  // The numbers stand where the converted pieces are used: `list(map(float, …))` initialises.
  const widened = (call: PyNode): PyNode => {
    let place = call;
    for (let up = skipOuter(place).parent; up?.type === "argument_list" && up.parent?.type === "call"; up = skipOuter(place).parent) {
      if (!PASSING.test(file.compact(file.field(up.parent, "function") ?? up.parent))) break;
      place = up.parent;
    }
    return place;
  };
  let current = split;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === "argument_list" && parent.parent?.type === "call") {
      const call = parent.parent;
      const callee = file.compact(file.field(call, "function") ?? call);
      const args = parent.children.filter((c) => c.named && c.type !== "comment");
      if (CONVERTERS.test(callee)) return widened(call);
      if (/^(?:builtins\.)?map$/.test(callee) && args[0] && CONVERTERS.test(file.compact(args[0]))) return widened(call);
      if (!PASSING.test(callee)) return null;
      // Past the call that passes the pieces on: the loop steps to what holds it.
      parent = call;
      continue;
    }
    if (parent.type === "for_in_clause" && current.field === "right") {
      const comprehension = parent.parent;
      const body = comprehension && file.field(comprehension, "body");
      // A call without a digit is mirrored as one leaf: its callee is the text before its arguments.
      const callee = body?.type === "call" ? (/^[\w.]+(?=\()/.exec(file.compact(body))?.[0] ?? "") : "";
      return CONVERTERS.test(callee) ? comprehension! : null;
    }
    const chained = (parent.type === "attribute" || parent.type === "subscript") && parent.children.find((c) => c.named) === current;
    const called = parent.type === "call" && file.field(parent, "function") === current;
    if (!(chained || called || TRANSPARENT.has(parent.type))) return null;
  }
  return null;
}

/** The numbers a plain string writes, where it writes them, standing at `place`. */
function numbersWritten(file: PythonFile, node: PyNode, body: string, place: PyNode): StringNumber[] {
  const content = node.children.find((c) => c.type === "string_content");
  const contentStart = content?.start ?? node.start;
  return [...body.matchAll(NUMBERS)].map((m) => ({
    start: contentStart + m.index!,
    end: contentStart + m.index! + m[0].length,
    text: m[0],
    value: Number(m[0]),
    place,
  }));
}
type StringNumber = { start: number; end: number; text: string; value: number; place: PyNode };

/** `default=` of argparse's `add_argument` beside `type=float` (or `int`): the text is converted. */
function convertedDefault(file: PythonFile, keyword: PyNode): boolean {
  if (file.compact(file.field(keyword, "name") ?? keyword) !== "default") return false;
  const call = keyword.parent?.parent;
  if (call?.type !== "call" || !/(?:^|\.)add_argument$/.test(file.compact(file.field(call, "function") ?? call))) return false;
  return keyword.parent!.children.some(
    (c) => c.type === "keyword_argument" && /^type=(?:float|int|np\.float64|numpy\.float64)$/.test(file.compact(c)),
  );
}

/** Numbers of a string the code turns into numbers (`float("1.002")`, `os.getenv("K", "1.002")`). */
function stringNumbers(scan: Scan, node: PyNode): StringNumber[] {
  const file = scan.file;
  const plain = stringBody(file, node);
  const formatted = plain === null ? literalFString(file, node) : null;
  const body = plain ?? formatted;
  if (body === null) return [];
  // A concatenation of strings only (`"1" + ".002"`, `"1" ".002"`) is one string: read once, from its first part.
  const joined = concatenationOf(file, node);
  if (joined && !joined.first) return [];
  const outer = skipOuter(joined?.top ?? node);
  const list = outer.parent;
  // A plain string read where it stands (not a converter's argument, below).
  if (!joined && plain !== null && list) {
    if (list.type === "attribute" && list.parent?.type === "call" && file.field(list.parent, "function") === list) {
      // A string cut into pieces: its numbers are literals where the pieces are converted, or
      // wherever a string of numbers only is cut (a table written as text).
      const [, method] = attributeParts(file, list);
      const place = SPLITTERS.test(method) ? (convertedPieces(file, list.parent) ?? (NUMBERS_ONLY.test(plain) ? list.parent : null)) : null;
      return place ? numbersWritten(file, node, plain, place) : [];
    }
    // A table written as text and named (`_TABLE = """0.27 1.3\n2.7 4.1"""`): read wherever it is parsed.
    if (list.type === "assignment" && outer.field === "right" && isTextTable(plain)) return numbersWritten(file, node, plain, outer);
    // argparse converts a default given as text with the argument's type: `add_argument("--k", type=float, default="0.27")`.
    if (list.type === "keyword_argument" && convertedDefault(file, list))
      return WHOLE_NUMBER.test(plain) ? numbersWritten(file, node, plain, outer) : [];
  }
  if (list?.type !== "argument_list" || !list.parent) return [];
  const callee = file.compact(file.field(list.parent, "function") ?? list.parent);
  const args = list.children.filter((c) => c.named && c.type !== "comment");
  const index = args.indexOf(outer);
  let whole: boolean;
  if ((CONVERTERS.test(callee) || HEX_CONVERTERS.test(callee)) && index === 0) whole = true;
  else if (ENVIRONMENT.test(callee) && index === 1) whole = true;
  else if (JSON_PARSERS.test(callee) || CODE_RUNNERS.test(callee)) whole = false;
  else return [];
  const content = node.children.find((c) => c.type === "string_content");
  const contentStart = content?.start ?? node.start;
  // A converted or parsed string takes the call's place (`k = float("1.002")` initialises k).
  const place = whole || JSON_PARSERS.test(callee) ? list.parent : outer;
  /** A number the string builds rather than writes: it stands where `span` is written. */
  const built = (span: PyNode, value: number | undefined, text = file.textOf(span).replace(/\s+/g, " ")) =>
    value === undefined ? [] : [{ start: span.start, end: span.end, text, value, place }];
  // An f-string of literals (never part of a concatenation read here: only plain strings join).
  if (formatted !== null) return built(node, whole ? wholeNumberValue(formatted) : undefined, file.textOf(node));
  // `float.fromhex("0x1.0083126e978d5p+0")`: the string's digits are the number, in base 16.
  if (HEX_CONVERTERS.test(callee) && index === 0) return built(joined?.top ?? content ?? node, hexFloatValue(joined?.text ?? body));
  if (whole && !joined) {
    // `int("1b", 16)`: digits in another base; `Fraction("27/100")`: a ratio.
    const base = INTEGER_PARSERS.test(callee) ? baseArgument(file, args) : undefined;
    if (base !== undefined && base !== 10) return built(content ?? node, integerInBase(asciiDigits(body), base), body.trim());
    if (RATIO_PARSERS.test(callee) && body.includes("/")) return built(content ?? node, ratioValue(asciiDigits(body)), body.trim());
  }
  if (joined) return built(joined.top, whole ? wholeNumberValue(joined.text) : undefined);
  if (whole) {
    // Python's `float` and `int` read any script's decimal digits (`float("１.００２")` is 1.002).
    const ascii = asciiDigits(body);
    if (ascii !== body) return built(content ?? node, wholeNumberValue(ascii), body.trim());
    const match = WHOLE_NUMBER.exec(body);
    if (!match) return [];
    const at = body.indexOf(match[1]!);
    const value = Number(match[1]!.replace(/_/g, ""));
    return Number.isFinite(value)
      ? [{ start: contentStart + at, end: contentStart + at + match[1]!.length, text: match[1]!, value, place }]
      : [];
  }
  return numbersWritten(file, node, body, place);
}

/** Nodes always entered: statement lists (their docstrings) and assignment targets (the names bound). */
const ALWAYS_ENTERED = new Set(["module", "block", "pattern_list", "tuple_pattern", "list_pattern", "decorated_definition"]);

/**
 * One cursor walk mirrors the tree (and frees it): everything after is plain JavaScript. Each
 * cursor read crosses into WebAssembly, so the walk reads as little as it can:
 * - only named nodes are mirrored; operators and keywords are read from the source between a
 *   node's children (`PythonFile.gaps`);
 * - a subtree whose text holds no digit and no `#` (no literal, no comment) is not entered:
 *   it is mirrored as one leaf, and its compacted text stands for it in a statement's skeleton.
 */
const NON_ASCII_DIGIT = /^\p{Nd}/u;

/** A name of π written in the file: only then are its bindings read. */
const PI_WORD = new RegExp(`(?<![\\w.])(?:${Object.keys(PI_NAMES).join("|")})(?![\\w])`, "u");
const PI_QUERY = `((identifier) @name (#match? @name "^(${Object.keys(PI_NAMES).join("|")})$"))`;
let piQuery: Query | undefined;

/**
 * The names of π the file binds to something else (SPEC section 3: a name of π folds like
 * `math.pi` only where it is one). Read off the whole tree, digit-free parts included (a
 * parameter `def f(pi):` has no digit), with one query: only identifiers spelled as a name of π.
 */
function piRebindings(tree: Tree): Set<string> {
  piQuery ??= new Query(tree.language, PI_QUERY);
  const rebound = new Set<string>();
  for (const { node } of piQuery.captures(tree.rootNode)) {
    const name = node.text;
    if (!rebound.has(name) && !bindsPi(node, piName(name)!)) rebound.add(name);
  }
  return rebound;
}

/** The field a node fills in its parent (`left`, `name`), or null. */
function fieldOf(node: TreeNode): string | null {
  const parent = node.parent;
  if (!parent) return null;
  for (let i = 0; i < parent.childCount; i++) {
    const child = parent.child(i);
    if (child?.startIndex === node.startIndex && child.type === node.type) return parent.fieldNameForChild(i);
  }
  return null;
} // prettier-ignore

/** Nodes whose identifiers are bound by them: parameters, unpacked targets, `as` targets. */
const PY_TARGET_PARENTS = new Set([
  "parameters", "lambda_parameters", "typed_parameter", "list_splat_pattern", "dictionary_splat_pattern", "pattern_list",
  "tuple_pattern", "list_pattern", "as_pattern_target",
]); // prettier-ignore
/** Nodes whose `name` field binds a name: a parameter with a default, a function, a class. */
const PY_NAMED_BINDINGS = new Set(["default_parameter", "typed_default_parameter", "function_definition", "class_definition"]);

/** Every parent under which an identifier may be bound rather than read. */
const BINDING_PARENTS = new Set([
  ...PY_TARGET_PARENTS, ...PY_NAMED_BINDINGS, "dotted_name", "aliased_import", "assignment", "named_expression", "for_statement",
  "for_in_clause", "augmented_assignment",
]); // prettier-ignore

/**
 * Whether an occurrence of a name of π is a reference, or binds it to that value: an import of
 * a name of the same value (`from numpy import pi`, `from math import tau as TWO_PI`), or an
 * assignment of it (`PI = np.pi`, `HALF_PI = np.pi / 2`). A parameter, a loop variable, an
 * unpacked target or any other value makes the name an ordinary variable.
 */
function bindsPi(node: TreeNode, value: number): boolean {
  const parent = node.parent;
  // Most occurrences read the name (`np.pi`, `2 * pi`): only a binding's parent needs its field.
  if (!parent || !BINDING_PARENTS.has(parent.type)) return true;
  if (PY_TARGET_PARENTS.has(parent.type)) return false;
  const field = fieldOf(node);
  if (parent.type === "dotted_name") {
    // `from math import pi` binds pi; `import pi` binds a module; a module's path binds nothing.
    const statement = parent.parent;
    if (statement?.type === "import_from_statement" && fieldOf(parent) !== "module_name") return piName(node.text) === value;
    return statement?.type !== "import_statement";
  }
  if (parent.type === "aliased_import" && field === "alias") {
    const imported = parent.childForFieldName("name")?.text.split(".").at(-1) ?? "";
    return piName(imported) === value;
  }
  if ((parent.type === "assignment" && field === "left") || (parent.type === "named_expression" && field === "name")) {
    const bound = parent.childForFieldName(parent.type === "assignment" ? "right" : "value");
    // An annotation alone (`pi: float`) binds nothing.
    return bound === null ? parent.type === "assignment" : isPiValue(piFormValue(bound.text), value);
  }
  if (field === "left" && (parent.type === "for_statement" || parent.type === "for_in_clause" || parent.type === "augmented_assignment"))
    return false;
  return !(field === "name" && PY_NAMED_BINDINGS.has(parent.type));
}

/** Modules whose `pi` and `tau` are π and 2π. */
const PI_MODULE = /^(?:(?:math|np|numpy|jnp|jax\.numpy|cmath|scipy\.constants|constants|torch)\.)?([\p{L}\w]+)$/u;

/**
 * The value of a right side that writes a multiple of π: `np.pi`, `math.tau`, `2 * np.pi`,
 * `np.pi / 2`, `3.141592653589793`. Anything else is undefined: the name is bound to another value.
 */
function piFormValue(text: string): number | undefined {
  const written = text.replace(/\s+/g, "").replace(/^\((.*)\)$/, "$1");
  if (/^[\d.]+(?:e[-+]?\d+)?$/i.test(written)) return Number(written);
  const named = PI_MODULE.exec(written);
  if (named) return piName(named[1]!);
  const product = /^([^*/]+)([*/])([^*/]+)$/.exec(written);
  if (!product) return undefined;
  const left = piFormValue(product[1]!);
  const right = piFormValue(product[3]!);
  if (left === undefined || right === undefined) return undefined;
  return product[2] === "*" ? left * right : left / right;
}

function mirror(parser: Parser, text: string): { root: PyNode; piRebound: Set<string> } {
  const tree = parser.parse(text);
  if (!tree) throw new Error("tree-sitter could not parse the file");
  const piRebound = PI_WORD.test(text) ? piRebindings(tree) : new Set<string>();
  // Digits and `#` before each offset: whether a range holds any, in constant time.
  const marks = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A digit of another script counts too: `float("１.００２")` reads it as a number.
    const digit = (c >= 48 && c <= 57) || c === 35 || (c >= 0x80 && NON_ASCII_DIGIT.test(String.fromCodePoint(text.codePointAt(i)!)));
    marks[i + 1] = marks[i]! + (digit ? 1 : 0);
  }
  const worthEntering = (node: PyNode): boolean =>
    ALWAYS_ENTERED.has(node.type) ||
    marks[node.end]! > marks[node.start]! ||
    (node.type === "expression_statement" && node.parent !== null && STATEMENT_LISTS.has(node.parent.type)) ||
    node.type === "function_definition" ||
    node.type === "class_definition";
  const cursor = tree.walk();
  try {
    const root: PyNode = {
      type: cursor.nodeType,
      start: cursor.startIndex,
      end: cursor.endIndex,
      field: null,
      named: true,
      parent: null,
      children: [],
    };
    let current: PyNode | null = root; // the mirrored node at the cursor, null on an anonymous token
    let parent: PyNode = root; // the mirrored node the cursor's position hangs under
    const stack: PyNode[] = [];
    let depth = 0;
    for (;;) {
      if (current !== null && worthEntering(current) && cursor.gotoFirstChild()) {
        if (++depth > MAX_DEPTH) throw new RangeError("nesting too deep to analyse");
        stack.push(parent);
        parent = current;
      } else {
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return { root, piRebound };
          depth--;
          parent = stack.pop()!;
        }
      }
      if (!cursor.nodeIsNamed) {
        current = null;
        continue;
      }
      const node: PyNode = {
        type: cursor.nodeType,
        start: cursor.startIndex,
        end: cursor.endIndex,
        field: cursor.currentFieldName,
        named: true,
        parent,
        children: [],
      };
      parent.children.push(node);
      current = node;
    }
  } finally {
    cursor.delete();
    tree.delete();
  }
}

export function extractPython(parser: Parser, text: string, partial = false): Extraction {
  const { root, piRebound } = mirror(parser, text);
  // A file the grammar cannot read at all is never passed (its literals would be guesses): unverified.
  // A base read for pairing (`partial`) offers whatever literals the parser recovered.
  const statements = root.children.filter((c) => c.type !== "comment");
  if (!partial && statements.length > 0 && statements.every((c) => c.type === "ERROR"))
    throw new Error("the Python grammar could not read any statement of it");
  const file = new PythonFile(text);
  file.piRebound = piRebound;
  const scan = new Scan(file);
  const visit = (node: PyNode): void => {
    if (node.type === "comment") {
      const raw = file.textOf(node);
      // The grammar keeps the `\r` of a CRLF line in the comment: the comment ends before it.
      const end = node.start + raw.trimEnd().length;
      scan.comments.push({ start: node.start, end, text: raw.replace(/^#:?/, "").trim() });
      return;
    }
    if (STATEMENT_LISTS.has(node.type)) scan.collectDocs(node);
    if (NUMBER_TYPES.has(node.type)) {
      const parent = node.parent;
      const signed = parent?.type === "unary_operator" && /^[-+]$/.test(file.operator(parent));
      scan.literals.push(signed ? parent! : node);
      return;
    }
    if (node.type === "string") scan.strings.push(node);
    for (const child of node.children) visit(child);
  };
  visit(root);
  const sites: LiteralSite[] = [];
  let lastRoot: PyNode | undefined;
  let lastParts: string[] | undefined;
  for (const literal of scan.literals) {
    const number = literal.type === "unary_operator" ? literal.children.at(-1)! : literal;
    const start = literal.start;
    const rootNode = scan.rootOf(literal);
    if (rootNode === literal || rootNode === number) {
      const written = file.textOf(literal).replace(/\s+/g, "");
      const sign = literal !== number && file.operator(literal) === "-" ? -1 : 1;
      const value = sign * parseNumber(file.textOf(number));
      sites.push(
        siteOf(scan, literal, { text: written, value, start, end: literal.end, numberStart: number.start, folded: false, parts: [] }),
      );
      continue;
    }
    const part = file.textOf(literal).replace(/\s+/g, "");
    if (rootNode === lastRoot) {
      lastParts!.push(part);
      continue;
    }
    lastRoot = rootNode;
    lastParts = [part];
    const written = {
      text: file.textOf(rootNode).replace(/\s+/g, " "),
      value: scan.valueOf(rootNode)!,
      start: rootNode.start,
      end: rootNode.end,
      numberStart: rootNode.start,
      folded: true,
      parts: lastParts,
    };
    sites.push(siteOf(scan, rootNode, written));
  }
  let fromStrings = false;
  for (const node of scan.strings) {
    for (const number of stringNumbers(scan, node)) {
      fromStrings = true;
      sites.push(
        siteOf(scan, number.place, {
          text: number.text,
          value: number.value,
          start: number.start,
          end: number.end,
          numberStart: number.start,
          folded: false,
          parts: [],
        }),
      );
    }
  }
  if (fromStrings) sites.sort((a, b) => a.start - b.start);
  scan.comments.sort((a, b) => a.start - b.start);
  return { sites, comments: scan.comments };
}

/** Where the grammar is: beside the built module (copied there by the build), else in the package. */
function grammarPath(): string {
  const beside = fileURLToPath(new URL("./grammars/tree-sitter-python.wasm", import.meta.url));
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve("tree-sitter-python/tree-sitter-python.wasm");
}

/** Load the grammar (once per process) and build the adapter. */
export async function loadPythonAdapter(): Promise<LanguageAdapter> {
  await Parser.init();
  const grammar = await Grammar.load(grammarPath());
  const parser = new Parser();
  parser.setLanguage(grammar);
  return {
    id: "python",
    namedForm: (key) => NAMED_FORMS[key],
    extract: (_path, text, options) => extractPython(parser, text, options?.partial ?? false),
  };
}
