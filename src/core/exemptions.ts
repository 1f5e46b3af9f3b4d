/**
 * Exemptions: literals that never need a justification. Structural ones (indexes, bitwise
 * operands, enum values, literal types, small exponents, 0/1 as loop bounds and counters)
 * are not findings at all. Value-based ones (`allowValues`, powers of ten as scale factors)
 * are findings with status `allowed`, and lose the exemption when retuned.
 */
import type { Config } from "./config.js";
import type { Literal } from "./source-file.js";
import type { Role } from "./roles.js";

/** Largest |exponent| still "small" for halves (`x ** 1.5`, `x ** -3.5`). */
const SMALL_EXPONENT = 4;
/**
 * Largest |exponent| still "small" for integers: a power series' terms (`x ** 6 / 5040`), a
 * potential's form (`(s / r) ** 12`, `T ** 4`). An integer power is the form of a law, not a
 * tuned coefficient; a retune of one is still reported (`** 6` → `** 7`).
 */
const SMALL_INTEGER_EXPONENT = 12;

const isSmallExponent = (value: number): boolean =>
  Number.isInteger(value) ? Math.abs(value) <= SMALL_INTEGER_EXPONENT : Number.isInteger(value * 2) && Math.abs(value) <= SMALL_EXPONENT;

/** A structural exemption a retune takes away: `k ** 2` → `k ** 2.5` is a retuned coefficient. */
export const SMALL_EXPONENT_EXEMPTION = "small exponent";
/** Another: a loop over arrays that now walks more or fewer elements (`i < 3` → `i < 4`) changed a count. */
export const ARRAY_LOOP_EXEMPTION = "length of the arrays a loop walks";
/** The structural exemptions a retune takes away; the others (indexes, bitwise operands, …) hold. */
export const RETUNABLE_EXEMPTIONS: ReadonlySet<string> = new Set([SMALL_EXPONENT_EXEMPTION, ARRAY_LOOP_EXEMPTION]);

const isZeroOrOne = (value: number): boolean => value === 0 || value === 1;

/**
 * A statement that sets a version (`__version_info__ = (1, 53)`, `export const VERSION = …`,
 * `APP_VERSION`, `pkg.version`): the name is a version's, with "version" at a word boundary,
 * so `conversion = 1.002` is no version.
 */
const VERSION_STATEMENT =
  /^\s*(?:export\s+)?(?:(?:const|let|var)\s+)?(?:[\w$]*[._$]|_*)version(?:_?info|_?tuple|_?string)?_*\s*(?::[^=\n]+)?=(?!=)/i;

/**
 * A comparison with a version on the same line (`sys.version_info >= (3, 8)`,
 * `sys.version_info[0] < 3`, `process.versions.node.split(".")[0] >= 18`, `__version__ < "2"`):
 * the number is a release, on either side of the comparison, alone or in a tuple.
 */
const VERSION_BEFORE = /\bversions?(?:_info)?\b[\w$.[\]()"' ]*?(?:[<>]=?|[!=]==?)\s*[([]?\s*(?:\d+\s*,\s*)*$/i;
const VERSION_AFTER = /^\s*(?:,\s*\d+\s*)*[)\]]?\s*(?:[<>]=?|[!=]==?)\s*[\w$.(]*\bversions?(?:_info)?\b/i;

/** Methods whose integer arguments are positions, lengths, digits or radixes, not quantities. */
const POSITION_METHODS =
  /(?:^|\.)(slice|substring|substr|charAt|charCodeAt|codePointAt|splice|at|padStart|padEnd|toFixed|toPrecision|toExponential|repeat|indexOf|lastIndexOf|startswith|endswith|ljust|rjust|zfill|center|splitlines|readUInt\w*|readInt\w*|getUint\w*|getInt\w*|getFloat\w*)$/;

/**
 * Inside the byte offset of a read or write of binary data, on the literal's line: the first
 * argument of a `DataView`'s `getFloat32(…)`/`setUint16(…)` or a Buffer's `readInt32LE(…)`, the
 * second of a Buffer's `writeDoubleBE(value, …)`, the offset of Python's `struct.unpack_from`
 * and `pack_into`, or an `offset=` (`np.frombuffer(b, offset=…)`). `nodesOffset + i * 16 + 12`
 * says where a field starts in a record, not how much of anything.
 */
const BYTE_OFFSET_BEFORE = new RegExp(
  [
    String.raw`\.(?:get|set)(?:Int8|Uint8|Int16|Uint16|Int32|Uint32|Float16|Float32|Float64|BigInt64|BigUint64)\s*\([^(),]*$`,
    String.raw`\.read(?:U?Int|UInt|Float|Double|BigU?Int|BigUInt)\w*\s*\([^(),]*$`,
    String.raw`\.write(?:U?Int|UInt|Float|Double|BigU?Int|BigUInt)\w*\s*\([^(),]*,[^(),]*$`,
    String.raw`\b(?:unpack_from|pack_into)\s*\([^(),]*,[^(),]*,[^(),]*$`,
    String.raw`\b(?:unpack_from|pack_into|frombuffer)\s*\([^()]*\boffset\s*=[^(),]*$`,
  ].join("|"),
);
const inByteOffset = (site: Literal): boolean =>
  site.context.kind === "binary" && ["+", "-", "*"].includes(site.context.operator) && BYTE_OFFSET_BEFORE.test(site.around.before);

/** A receiver that is a figure, its axes or pyplot itself: where generic method names (`text`, `grid`) are plotting. */
const FIGURE_RECEIVER = String.raw`(?:plt|pl|pylab|sns|ax|axs|axes|ax\d+|ax_\w+|\w+_ax|fig|figure|cbar|legend)(?:\[[^\]]*\])?`;
const LAYOUT_CALL = new RegExp(
  String.raw`(?:\.(?:legend|subplot|subplots|add_subplot|add_axes|subplot2grid|set_xlim|set_ylim|set_zlim|xlim|ylim|set_xticks|set_yticks|xticks|yticks|set_xticklabels|set_yticklabels|subplots_adjust|set_size_inches|tight_layout|savefig|tick_params|locator_params|set_aspect|annotate|suptitle|set_title|xlabel|ylabel|set_xlabel|set_ylabel|colorbar)|\b${FIGURE_RECEIVER}\.(?:text|title|grid|axis|figure|margins))\s*\([^()]*$`,
);
const PLOTTING_CALLEE = new RegExp(
  String.raw`\.(?:plot|scatter|errorbar|fill_between|fill_betweenx|hist|hist2d|barh|imshow|contour|contourf|pcolormesh|pcolor|loglog|semilogx|semilogy|axhline|axvline|axhspan|axvspan|hlines|vlines|quiver|annotate|legend|xlabel|ylabel|set_xlabel|set_ylabel|set_title|suptitle|colorbar|savefig|subplots|tick_params|violinplot|boxplot)$|\b${FIGURE_RECEIVER}\.(?:text|title|figure|grid|bar|step|stairs|pie|stem)$`,
);
const STYLE_KEYWORD =
  /^(?:fontsize|size|labelsize|titlesize|markersize|ms|markeredgewidth|mew|linewidth|lw|linewidths|alpha|zorder|dpi|figsize|capsize|capthick|elinewidth|ncol|ncols|framealpha|borderpad|labelspacing|handlelength|rotation|pad|s|loc|bbox_to_anchor|width|height|shrink|aspect|fraction|headwidth|headlength)$/;
/** Inside a tuple given to a layout keyword (`figsize=(16, 10)`, `bbox_to_anchor=(1.015, 0.5)`). */
const LAYOUT_TUPLE = /\b(?:figsize|bbox_to_anchor|rect|pad_inches)\s*=\s*[([][^()[\]]*$/;
const CANVAS_CALL =
  /\.(?:arc|arcTo|rect|fillRect|strokeRect|clearRect|fillText|strokeText|moveTo|lineTo|bezierCurveTo|quadraticCurveTo|ellipse|roundRect|setLineDash|drawImage|createLinearGradient|createRadialGradient|createConicGradient)\s*\([^()]*$/;
const CANVAS_STYLE = /(?:^|\.)(?:lineWidth|globalAlpha|shadowBlur|shadowOffsetX|shadowOffsetY|lineDashOffset|miterLimit)$/;

/**
 * A figure's layout and style, in a file that draws figures: not quantities of the science.
 * - Layout calls of matplotlib (`legend`, `subplot`, `set_ylim`, `xticks`, `subplots_adjust`,
 *   `savefig`, `figure`, `text`, …): every number inside the call on the literal's line.
 * - Style keywords of a plotting call (`fontsize=`, `lw=`, `markersize=`, `alpha=` of `plot`,
 *   `loc=` of `legend`, `figsize=(16, 10)`): the data a plotting call draws (`plot(x, 1.1 * y)`)
 *   stays a value, since a factor applied to a curve can patch a figure.
 * - A canvas's drawing calls (`arc`, `fillRect`, `lineTo`, `fillText`, …) and style properties
 *   (`lineWidth`, `globalAlpha`, …).
 */
function isPresentation(site: Literal): boolean {
  if (!site.drawsFigures) return false;
  const { before } = site.around;
  if (LAYOUT_CALL.test(before) || LAYOUT_TUPLE.test(before) || CANVAS_CALL.test(before)) return true;
  const context = site.context;
  if (context.kind === "call-argument" && context.keyword !== undefined)
    return STYLE_KEYWORD.test(context.keyword) && PLOTTING_CALLEE.test(context.callee);
  return context.kind === "assignment" && CANVAS_STYLE.test(context.name);
}

/** The base argument of a call that reads or writes a number in a base. */
const isRadix = (context: { callee: string; index: number; keyword?: string }): boolean =>
  (/(?:^|\.)parseInt$/.test(context.callee) && context.index === 1) ||
  (/\.toString$/.test(context.callee) && context.index === 0) ||
  (/^(?:builtins\.)?int$/.test(context.callee) && (context.index === 1 || context.keyword === "base"));

/** Interpolating splines (SciPy's and their like) and the keywords that give their degree. */
const SPLINE_CALLEE = /(?:^|\.)(?:\w*Spline\w*|splrep|splprep|make_interp_spline|make_lsq_spline|make_smoothing_spline|bisplrep)$/;
const isSplineDegree = (context: { callee: string; keyword?: string }): boolean =>
  context.keyword !== undefined && /^(?:k|kx|ky|degree)$/.test(context.keyword) && SPLINE_CALLEE.test(context.callee);

/** Methods of a regular-expression match whose integer arguments name a group (Python's `re.Match`). */
const REGEX_GROUP_METHODS = /\.(group|span)$/;

const COMPARE = String.raw`(?:[<>]=?|[!=]==?)`;
/** A length before the comparison: `len(x) >=`, `x.length <`, `a.size ==`, `a.shape[0] >`, `a.ndim ==` (NumPy's number of axes). */
const LENGTH_BEFORE = new RegExp(
  String.raw`(?:\blen\s*\([^()]*(?:\([^()]*\)[^()]*)*\)|\.(?:length|size|ndim)(?:\s*\(\s*\))?|\.shape\s*\[\s*-?\d+\s*\])\s*${COMPARE}\s*$`,
);
/** A length after it: `3 < len(x)`, `0 === s.length`. */
const LENGTH_AFTER = new RegExp(String.raw`^\s*${COMPARE}\s*(?:len\s*\(|[\w$.\])]*\.(?:length|size|ndim)\b|[\w$.\])]*\.shape\s*\[)`);

/** A name that holds the layout of a fixed-width record: column specs, widths, positions. */
const RECORD_LAYOUT_NAME =
  /(?:^|[._$]|(?<=[a-z]))(col_?specs?|colspecs|column_?specs?|col_?widths|column_?widths|field_?widths|widths|col_?positions|column_?positions)$/i;
/** Inside a `colspecs=` or `widths=` argument, on the literal's line. */
const RECORD_LAYOUT_ARGUMENT = /\b(?:colspecs|widths)\s*=\s*[[(][^=]*$/;

const isRecordLayout = (site: Literal): boolean => {
  const identity = site.site.anchor.identity;
  if (identity !== null && RECORD_LAYOUT_NAME.test(identity)) return true;
  return RECORD_LAYOUT_ARGUMENT.test(site.around.before);
};

/** A keyword that counts digits (`precision=3`, `decimals=2`, `ndigits`). */
const DIGITS_KEYWORD = /^(?:precision|digits|n_?digits|decimals|decimal_?places|sig_?figs|significant_?(?:digits|figures))$/i;
/**
 * Functions that round or format numbers: a count of digits passed to one is consumed there
 * (`round(x, 3)`, `np.round(a, decimals=2)`, `np.set_printoptions(precision=4)`). A name alone
 * (`const digits = 7`) is not enough: the number could feed a factor.
 */
const FORMAT_FUNCTION =
  /^(?:(?:np|numpy|math)\.)?(?:round|around|set_printoptions|printoptions|format_float_positional|format_float_scientific|array2string|array_str|array_repr)$/;

/** Rounding functions: their digits are a presentation only where the rounded value is shown. */
const ROUNDING = /(?:^|\.)(?:round|around)$/;

/**
 * A statement that shows or hands back a value rather than computing with it: a return, a
 * print or log call, a write, a formatted string (`f"…"`, `.format(`, `${…}`, `str(round(…))`).
 */
const PRESENTING_STATEMENT =
  /^\s*(?:return\b|yield\b|print\s*\(|console\.\w+\s*\(|(?:self\.)?(?:log|logger|logging)\.\w+\s*\(|warnings\.warn\s*\(|[\w.]+\.(?:write|writeln|info|debug|warning|error)\s*\()|\bf["']|\.format\s*\(|\$\{|\b(?:str|repr|String)\s*\(\s*(?:(?:np|numpy|math)\.)?(?:round|around)\s*\(/;

/**
 * How many digits a value is rounded or printed with: a count consumed by a printing function,
 * or by a rounding function whose result is shown (`print(round(x, 3))`, `return round(x, 3)`).
 * Rounding a value the code goes on computing with (`let c = round(chroma, 4)` to hide
 * floating-point noise) changes the value: its digits are a value.
 */
const countsDigits = (site: Literal): boolean => {
  const context = site.context;
  if (context.kind !== "call-argument" || !FORMAT_FUNCTION.test(context.callee)) return false;
  const rounding = ROUNDING.test(context.callee);
  if (rounding && !PRESENTING_STATEMENT.test(site.statementText)) return false;
  return context.keyword !== undefined ? DIGITS_KEYWORD.test(context.keyword) : rounding && context.index === 1;
};

const comparedWithVersion = (site: Literal): boolean => {
  const { before, after } = site.around;
  return VERSION_BEFORE.test(before) || VERSION_AFTER.test(after);
};

const comparedWithLength = (site: Literal): boolean => {
  const { before, after } = site.around;
  return LENGTH_BEFORE.test(before) || LENGTH_AFTER.test(after);
};

/** Why a literal is not a candidate at all, or undefined when it is one. */
export function structuralExemption(site: Literal, role: Role): string | undefined {
  switch (role) {
    case "index":
      // An object's or dict's key names its entry (`{ 0.975: 3.82 }`, a table's probability level); an index is a position.
      if (site.context.kind === "index" && site.context.key) return "key of an entry";
      return Number.isInteger(site.value) ? "array index" : undefined;
    case "bitwise":
      return "bitwise operand";
    case "enum-member":
      // An enum's integer values name cases; a fractional value is a coefficient in disguise, and
      // so is a member the file computes with (`x * Tuning.ALPHA / 100`).
      if (site.context.kind === "enum-member" && site.context.arithmetic) return undefined;
      return Number.isInteger(site.value) ? "enum member value" : undefined;
    case "type":
      return "literal type";
    case "exponent":
      return isSmallExponent(site.value) ? SMALL_EXPONENT_EXEMPTION : undefined;
    default:
      break;
  }
  if (isZeroOrOne(site.value)) {
    if (site.inLoopHeader) return "loop bound or counter";
    const context = site.context;
    if (context.kind === "compound-assignment" && (context.operator === "+" || context.operator === "-")) return "counter step";
    if (context.kind === "comparison") return "comparison against 0 or 1";
  }
  const context = site.context;
  // A plot's legend position, an axis limit, a font size, a canvas's line width: how a figure looks.
  if (isPresentation(site)) return "presentation of a figure (its layout or style)";
  if (Number.isInteger(site.value)) {
    // An array's size or shape (`np.zeros((n, 3))`, `x.reshape(-1, 3)`, `new Float64Array(1024)`): how many, not how much.
    if (site.inShape) return "array size, shape or axes";
    // The bound of a loop that only walks arrays (`for (let i = 0; i < 3; i++) out[i] = v[i]`).
    if (site.boundsArrayLoop) return ARRAY_LOOP_EXEMPTION;
    // A position or count in a string or array (`s.slice(1, 4)`, `x.toFixed(3)`): where, not how much.
    if (context.kind === "call-argument" && POSITION_METHODS.test(context.callee)) return "position or count argument";
    // Where a field starts in binary data (`view.getFloat32(offset + i * 16 + 12)`): a byte position.
    if (inByteOffset(site)) return "byte offset in binary data";
    // The base a number is read or written in (`parseInt(s, 16)`, `n.toString(16)`, Python's `int(s, 16)`).
    if (context.kind === "call-argument" && isRadix(context)) return "radix";
    // A group of a regular-expression match (`m.group(2)`, `m.span(1)`): which group, an index.
    if (context.kind === "call-argument" && REGEX_GROUP_METHODS.test(context.callee)) return "regular-expression group";
    // How many digits a number is rounded or printed with (`round(x, 3)`, `np.round(a, decimals=2)`).
    if (countsDigits(site)) return "a count of digits";
    // A whole number a switch or `match` tells apart (`case 6:` of a marching-squares cell): a code, not a threshold.
    if (context.kind === "comparison" && context.caseLabel) return "case of a switch";
    // A count compared with a length (`len(line) >= 68`, `xs.length > 3`): how many, not how much.
    if (context.kind === "comparison" && comparedWithLength(site)) return "count compared with a length";
    // The degree of a spline (`UnivariateSpline(x, y, k=3)`, `RectBivariateSpline(…, kx=3, ky=3)`): cubic is a method, not a coefficient.
    if (context.kind === "call-argument" && isSplineDegree(context)) return "degree of a spline";
    // An axis of an array is an index (`np.sum(x, axis=1)`).
    if (context.kind === "call-argument" && context.keyword && /^(axis|axes)$/.test(context.keyword)) return "array axis";
    // Column positions of a fixed-width record (`COL_SPECS = [(0, 3), (3, 8)]`, `read_fwf(f, widths=[3, 5])`).
    if ((context.kind === "array-element" || context.kind === "call-argument") && isRecordLayout(site))
      return "column position of a record";
    // Digits of a number (`year % 100`): a power of ten as a modulus.
    if (context.kind === "binary" && context.operator === "%" && context.side === "right" && isPowerOfTen(site.value))
      return "digits of a number";
  }
  // Last, as it reads the statement's text: a release number is no coefficient.
  if (VERSION_STATEMENT.test(site.statementText)) return "version number";
  if (comparedWithVersion(site)) return "version number";
  return undefined;
}

export function isPowerOfTen(value: number): boolean {
  if (!(value > 0)) return false;
  const exponent = Math.round(Math.log10(value));
  return exponent !== 0 && Math.abs(value / 10 ** exponent - 1) < 1e-12;
}

/** A number written as nines (`-999`, `-9999.0`, `99999`): the convention for missing data. */
const SENTINEL = /^[-+]?9{3,}(\.0*)?$/;

/** A name that holds a code or a state, not a quantity (`rec.error = 4`, `status = 3`, `MODE_X = 2`). */
const CODE_NAME =
  /(?:^|[._$]|(?<=[a-z]))(error|err|errno|code|status|state|mode|flag|flags|kind|type|level|verbosity|opcode|exit_?code|ret|retval)$/i;

/** A name for a computing resource: a capacity, a batch, a pool, a number of workers. */
const CAPACITY_NAME =
  /(?:^|[._$]|(?<=[a-z]))(capacity|pool_?size|cache_?size|buffer_?size|batch_?size|chunk_?size|queue_?size|max_?entries|max_?items|max_?cache_?size|batch_?bytes|cache_?bytes|buffer_?bytes|n_?workers|num_?workers|n_?jobs|n_?threads|num_?threads|workers|threads)$/i;
/** A statement that makes a pool, cache or queue: its `size` is a capacity. */
const POOLED = /\bnew\s+[\w$.]*(?:Pool|Cache|Queue|Buffer)\s*\(|\b[\w.]*(?:Pool|Cache|Queue)\s*\(/;

/** Why a value needs no justification unless retuned, or undefined. */
export function valueExemption(site: Literal, role: Role, config: Config): string | undefined {
  if (config.allowValues.some((allowed) => allowed === site.value)) return `${site.text} is in allowValues`;
  if (SENTINEL.test(site.text)) return "missing-data sentinel (a number written as nines)";
  const named = Number.isInteger(site.value) ? namedBy(site.context) : null;
  if (named) {
    if (named.kind !== "parameter-default" && CODE_NAME.test(named.name)) return `an integer code assigned to ${named.name}`;
    // A computing resource (`maxEntries = 9`, `poolSize`, `{ size: 16 }` of a pool): how much memory or work, not physics.
    if (CAPACITY_NAME.test(named.name) || (named.name === "size" && POOLED.test(site.statementText)))
      return `a computing resource (${named.name})`;
    // One case of an enumeration written as constants (`World.NO_SLEEPING = 1`, `… = 2`, `World.ISLAND_SLEEPING = 4`).
    if (named.kind !== "object-property" && named.kind !== "parameter-default" && site.inConstantFamily)
      return "one case of an enumeration written as constants";
  }
  // A power of ten converts units; beside a pure number such as e or π it makes another number (`x * Math.E / 10`).
  // Named, it is a unit constant only when its name says so (`KM_PER_M = 1e-3`, a table's `meters: 1000`):
  // `kmax = 10` is a cut, `nsteps = 1000` a count.
  if (
    isPowerOfTen(site.value) &&
    (role === "scale" || ((role === "initializer" || role === "element") && namesUnitFactor(site.context))) &&
    !MATH_CONSTANT_BEFORE.test(site.around.before)
  )
    return "power of ten used as a unit scale";
  return undefined;
}

/**
 * Words of a name that holds a unit factor: a conversion (`per`, `to`, `in`, `2` as in `m2km`),
 * a scale, a metric prefix, or a unit's symbol (`KM`, `MS`, `Mpc`, `keV`). Not "factor": a
 * `FUDGE_FACTOR = 10` says nothing of units.
 */
const UNIT_NAME_WORDS = new Set([
  "per", "to", "in", "2", "scale", "scaling", "unit", "units", "conv", "conversion", "convert",
  "kilo", "mega", "giga", "tera", "milli", "micro", "nano", "pico", "centi", "deci", "hecto",
  "km", "cm", "mm", "um", "nm", "pm", "ms", "us", "ns", "kg", "mg", "hz", "khz", "mhz", "ghz", "pc", "kpc", "mpc", "gpc",
  "ev", "kev", "mev", "gev", "tev", "erg", "ergs", "jy", "mjy", "ujy", "kw", "mw", "gw", "pa", "hpa", "kpa", "mbar",
  "cgs", "mks", "si", "percent", "pct", "ppm", "ppb", "kb", "mb", "gb", "kib", "mib", "gib",
  "metre", "metres", "meter", "meters", "kilometre", "kilometres", "kilometer", "kilometers", "centimetre", "centimetres",
  "centimeter", "centimeters", "millimetre", "millimetres", "millimeter", "millimeters", "micron", "microns",
  "millisecond", "milliseconds", "microsecond", "microseconds", "nanosecond", "nanoseconds", "gram", "grams",
  "kilogram", "kilograms", "litre", "litres", "liter", "liters", "bytes", "kilobytes", "megabytes", "gigabytes",
]); // prettier-ignore
/** A name's words: `KM_PER_M` is km, per, m; `msPerSecond` is ms, per, second; `m2km` is m, 2, km. */
const nameWords = (name: string): string[] =>
  (name.split(".").pop() ?? name)
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Za-z])(\d)/g, "$1 $2")
    .replace(/(\d)([A-Za-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
function namesUnitFactor(context: Literal["context"]): boolean {
  const named = namedBy(context);
  return named !== null && nameWords(named.name).some((word) => UNIT_NAME_WORDS.has(word));
}

/** A named mathematical constant, then the operator of the power of ten that follows it. */
const MATH_CONSTANT_BEFORE =
  /(?:\bMath\.(?:E|PI|LN2|LN10|LOG2E|LOG10E|SQRT2|SQRT1_2)|\b(?:math|np|numpy|jnp|cmath)\.(?:e|pi|tau)|(?<![\w$.])(?:pi|PI|M_PI|tau|TAU)\b|[πτ])\s*[*/]\s*$/u;

/** The name a value is given: assigned, declared, a property's or a parameter's default. */
function namedBy(context: Literal["context"]): { kind: Literal["context"]["kind"]; name: string } | null {
  switch (context.kind) {
    case "assignment":
    case "variable-initializer":
    case "property-initializer":
    case "object-property":
    case "parameter-default":
      return { kind: context.kind, name: context.name };
    default:
      return null;
  }
}
