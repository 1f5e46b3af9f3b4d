/**
 * Python detection as tables (issue 9): the same rules as the TypeScript tables, read from
 * Python code. Row format as in case-table.ts: `line literal role status` (`was OLD` on retunes).
 */
import type { Case } from "../helpers.js";

const GOOD = "velocity dispersion sigma_v^2 from the linear power spectrum, Eq. 3.4";
const PATH = "src/model.py";
const py = (rows: Array<Omit<Case, "path"> & { path?: string }>): Case[] => rows.map((row) => ({ path: PATH, ...row }));

const annotations: Case[] = py([
  {
    name: "a comment on its own line inside a multi-line expression covers the line below",
    code: `P = (a * 0.27\n     # @physics: ${GOOD}\n     + b * 1.002)\n`,
    findings: ["1 0.27 scale unjustified", "3 1.002 scale justified"],
  },
  {
    name: "a comment on the lines above a positional argument of a multi-line call covers it",
    code: `f(\n    0.27,\n    # @physics: ${GOOD}\n    1.002,\n)\n`,
    findings: ["2 0.27 argument unjustified", "4 1.002 argument justified"],
  },
  { name: "no comment", code: "x = a * 1.002\n", findings: ["1 1.002 scale unjustified"] },
  { name: "same-line comment", code: `x = a * 1.002  # @physics: ${GOOD}\n`, findings: ["1 1.002 scale justified"] },
  { name: "comment above", code: `# @physics: ${GOOD}\nx = a * 1.002\n`, findings: ["2 1.002 scale justified"] },
  { name: "colon optional", code: `# @physics ${GOOD}\nx = a * 1.002\n`, findings: ["2 1.002 scale justified"] },
  {
    name: "after a noqa suppression",
    code: `x = a * 1.002  # noqa: PLR2004  # @physics: ${GOOD}\n`,
    findings: ["1 1.002 scale justified"],
  },
  { name: "Sphinx #: doc comment", code: `#: @physics: ${GOOD}\nSIGMA = 0.27\n`, findings: ["2 0.27 initializer justified"] },
  {
    name: "attribute docstring below the assignment",
    code: `SIGMA = 0.27\n"""@physics: ${GOOD}"""\n`,
    findings: ["1 0.27 initializer justified"],
  },
  {
    name: "an attribute docstring covers only the assignment above it",
    code: `SIGMA = 0.27\n"""@physics: ${GOOD}"""\nBETA = 1.3\n`,
    findings: ["1 0.27 initializer justified", "3 1.3 initializer unjustified"],
  },
  {
    name: "a function docstring covers parameter defaults",
    code: `def f(k, alpha=0.27):\n    """@physics: ${GOOD}"""\n    return k\n`,
    findings: ["1 0.27 default justified"],
  },
  {
    name: "a function docstring does not cover the body",
    code: `def f(k):\n    """@physics: ${GOOD}"""\n    return k * 1.5\n`,
    findings: ["3 1.5 scale unjustified"],
  },
  {
    name: "functionDocCoversBody lets it cover the body",
    code: `def f(k):\n    """@physics: ${GOOD}"""\n    return k * 1.5\n`,
    config: { justification: { functionDocCoversBody: true } },
    findings: ["3 1.5 scale justified"],
  },
  {
    name: "a module docstring is a file header and covers nothing below",
    code: `"""@physics: ${GOOD}"""\n\nimport math\n\nx = a * 1.002\n`,
    findings: ["5 1.002 scale unjustified"],
  },
  { name: "a blank line breaks the attachment", code: `# @physics: ${GOOD}\n\nx = a * 1.002\n`, findings: ["3 1.002 scale unjustified"] },
  { name: "untagged comment, requireTag", code: `# ${GOOD}\nx = a * 1.002\n`, findings: ["2 1.002 scale untagged"] },
  {
    name: "untagged comment, adoption mode",
    code: `# ${GOOD}\nx = a * 1.002\n`,
    config: { requireTag: false },
    findings: ["2 1.002 scale justified"],
  },
  { name: "custom tag", code: `# @source: ${GOOD}\nx = a * 1.002\n`, config: { tags: ["@source"] }, findings: ["2 1.002 scale justified"] },
  {
    name: "one comment covers every literal of a list",
    code: "# @physics: Gauss-Legendre nodes for n = 3, Abramowitz & Stegun Table 25.4\nNODES = [-0.7745966692, 0.0, 0.7745966692]\n",
    findings: ["2 -0.7745966692 element justified", "2 0.0 element justified", "2 0.7745966692 element justified"],
  },
  {
    name: "a justification continued over several # lines",
    code: "# @physics: velocity dispersion\n# of the linear field,\n# Eq. 3.4\nx = a * 1.002\n",
    findings: ["4 1.002 scale justified"],
  },
  {
    name: "a comment in a class body covers its attribute",
    code: `class Model:\n    # @physics: ${GOOD}\n    sigma = 0.27\n`,
    findings: ["3 0.27 initializer justified"],
  },
]);

const quality: Case[] = py([
  {
    name: "the case study's comment, strict mode",
    code: "_TREE_ALPHA = 0.27  # Empirically alpha=0.27 minimises max error across all 9 RSD spectra\n",
    findings: ["1 0.27 initializer untagged"],
  },
  {
    name: "the case study's comment, adoption mode",
    code: "_TREE_ALPHA = 0.27  # Empirically alpha=0.27 minimises max error across all 9 RSD spectra\n",
    config: { requireTag: false },
    findings: ["1 0.27 initializer weak"],
  },
  { name: "tuned", code: "x = a * 1.002  # @physics: factor tuned to match the reference output\n", findings: ["1 1.002 scale weak"] },
  {
    name: "calibration in other words: agreement with another code",
    code: "alpha = 0.27  # @physics: gives good agreement with CLASS for k below 0.2\n",
    findings: ["1 0.27 initializer weak"],
  },
  {
    name: "calibration in other words: matches a code's output, in a docstring",
    code: 'alpha = 0.27\n"""@physics: the damping that matches the halofit output at z = 0."""\n',
    findings: ["1 0.27 initializer weak"],
  },
  {
    name: "calibration in other words: calibrate as a verb, adoption mode",
    code: "# We calibrate the damping against the emulator at the fiducial cosmology.\nalpha = 0.27\n",
    config: { requireTag: false },
    findings: ["2 0.27 initializer weak"],
  },
  {
    name: "calibration in other words: the test suite",
    code: "alpha = 0.27  # @physics: determined numerically from the test suite at the fiducial\n",
    findings: ["1 0.27 initializer weak"],
  },
  {
    name: "neighbour: a test particle is physics",
    code: "v = 0.27  # @physics: speed of a test particle at the ISCO in units of c, Bardeen et al. 1972\n",
    findings: ["1 0.27 initializer justified"],
  },
  {
    name: "neighbour: a regression with its data",
    code: "slope = 0.27  # @physics: regression slope of the mass-metallicity relation, Table 3 of Tremonti et al. 2004\n",
    findings: ["1 0.27 initializer justified"],
  },
  { name: "placeholder", code: "x = a * 1.002  # @physics: TODO explain this later please\n", findings: ["1 1.002 scale weak"] },
  {
    name: "calibration in other words, hearsay and filler",
    code: "a = x * 1.002  # @physics: determined by numerical experiments on the grid\nb = x * 1.3  # @physics: makes the spectrum match halofit\nc = x * 2.7  # @physics: as discussed with Bob on Slack last week\nd = x * 3.1  # @physics: lorem ipsum dolor sit amet consectetur\n",
    findings: ["1 1.002 scale weak", "2 1.3 scale weak", "3 2.7 scale weak", "4 3.1 scale weak"],
  },
  {
    name: "a calibration word negated is no admission; a repeated phrase is two words",
    code: "a = x * 1.002  # @physics: velocity dispersion of the halo (not tuned), Eq. 3.4\nb = x * 1.3  # @physics: velocity dispersion velocity dispersion\n",
    findings: ["1 1.002 scale justified", "2 1.3 scale weak"],
  },

  { name: "too short", code: "x = a * 1.002  # @physics: ok\n", findings: ["1 1.002 scale weak"] },
  {
    name: "requireReference without one",
    code: "x = a * 1.002  # @physics: the two-loop counterterm amplitude at k_NL\n",
    config: { justification: { requireReference: true } },
    findings: ["1 1.002 scale weak"],
  },
  {
    name: "requireReference with a source location",
    code: "x = a * 1.002  # @physics: the two-loop counterterm amplitude, perturbations.c:5070-5075\n",
    config: { justification: { requireReference: true } },
    findings: ["1 1.002 scale justified"],
  },
  {
    name: "calibration words on the next line",
    code: `# @physics: ${GOOD}\n# (grid search over the fiducial cosmology)\nx = a * 1.002\n`,
    findings: ["3 1.002 scale weak"],
  },
  { name: "a negated tag", code: `# no @physics: ${GOOD}\nx = a * 1.002\n`, findings: ["2 1.002 scale weak"] },
  {
    name: "physics wording",
    code: "x = a * 1.002  # @physics: the Gauss weights minimise the quadrature error, Eq. 25.4.29\n",
    findings: ["1 1.002 scale justified"],
  },
]);

const literals: Case[] = py([
  { name: "an integer", code: "n = k * 7\n", findings: ["1 7 scale unjustified"] },
  { name: "a float with an exponent", code: "x = a * 1.5e-3\n", findings: ["1 1.5e-3 scale unjustified"] },
  { name: "underscores", code: "N = 1_024\n", findings: ["1 1_024 initializer unjustified"] },
  { name: "hexadecimal", code: "MASK_VALUE = x * 0x1F\n", findings: ["1 0x1F scale unjustified"] },
  { name: "octal", code: "K = 0o755\n", findings: ["1 0o755 initializer unjustified"] },
  { name: "binary", code: "K = 0b101\n", findings: ["1 0b101 initializer unjustified"] },
  { name: "a leading minus", code: "x = a * -1.7\n", findings: ["1 -1.7 scale unjustified"] },
  { name: "an imaginary literal", code: "z = a * 0.27j\n", findings: ["1 0.27j scale unjustified"] },
  { name: "numbers in an f-string format spec are not literals", code: 'label = f"{x:.3f} at {y:10.2e}"\n', findings: [] },
  { name: "numbers in a plain string are not literals", code: 'label = "run 1.002 of 3"\n', findings: [] },
  {
    name: "a syntax error mid-file keeps the literals that parse",
    code: "def broken(:\n    x = a * 1.7\n",
    findings: ["2 1.7 scale unjustified"],
  },
  { name: "an unterminated string after a factor", code: "x = a * 1.3\ny = 'oops\n", findings: ["1 1.3 scale unjustified"] },
]);

const roles: Case[] = py([
  { name: "floor division", code: "n = k // 3\n", findings: ["1 3 scale unjustified"] },
  { name: "matrix multiplication", code: "y = m @ 2.5\n", findings: ["1 2.5 scale unjustified"] },
  { name: "modulo", code: "r = k % 7\n", findings: ["1 7 operand unjustified"] },
  {
    name: "a case pattern is a comparison, as JavaScript's case is; a whole number there is a code",
    code: "match n:\n    case 3:\n        y = x * 1.002\n    case 2.5:\n        y = x\n",
    findings: ["3 1.002 scale unjustified", "4 2.5 threshold unjustified"],
  },
  { name: "offset", code: "t = x + 273.2\n", findings: ["1 273.2 offset unjustified"] },
  { name: "exponent", code: "p = k ** 2.7\n", findings: ["1 2.7 exponent unjustified"] },
  { name: "pow exponent", code: "p = pow(k, 2.7)\n", findings: ["1 2.7 exponent unjustified"] },
  { name: "np.power exponent", code: "p = np.power(k, 2.7)\n", findings: ["1 2.7 exponent unjustified"] },
  { name: "augmented assignment", code: "x *= 1.05\n", findings: ["1 1.05 scale unjustified"] },
  { name: "augmented counter step", code: "i += 1\n", findings: [] },
  { name: "comparison", code: "if x > 1.5:\n    pass\n", findings: ["1 1.5 threshold unjustified"] },
  { name: "chained comparison", code: "ok = 0.1 < x < 2.5\n", findings: ["1 0.1 threshold unjustified", "1 2.5 threshold unjustified"] },
  {
    name: "a keyword tolerance is a threshold",
    code: "np.isclose(a, b, rtol=1e-3, atol=1e-9)\n",
    findings: ["1 1e-3 threshold unjustified", "1 1e-9 threshold unjustified"],
  },
  { name: "another keyword is an argument", code: "fit(x, damping=0.7)\n", findings: ["1 0.7 argument unjustified"] },
  { name: "min/max bounds", code: "y = max(x, 0.05)\n", findings: ["1 0.05 threshold unjustified"] },
  {
    name: "np.clip bounds",
    code: "y = np.clip(x, 0.05, 0.95)\n",
    findings: ["1 0.05 threshold unjustified", "1 0.95 threshold unjustified"],
  },
  { name: "a parameter default", code: "def f(x, k=0.27):\n    return x\n", findings: ["1 0.27 default unjustified"] },
  { name: "a typed parameter default", code: "def f(x, k: float = 0.27):\n    return x\n", findings: ["1 0.27 default unjustified"] },
  { name: "a tolerance-named default", code: "def f(x, tol=1e-6):\n    return x\n", findings: ["1 1e-6 threshold unjustified"] },
  { name: "an annotated assignment", code: "ALPHA: float = 0.27\n", findings: ["1 0.27 initializer unjustified"] },
  { name: "tuple unpacking", code: "a, b = 1.5, 2.5\n", findings: ["1 1.5 initializer unjustified", "1 2.5 initializer unjustified"] },
  { name: "a class attribute", code: "class Cosmo:\n    h = 0.674\n", findings: ["2 0.674 initializer unjustified"] },
  { name: "an attribute assignment", code: "self.k = 0.27\n", findings: ["1 0.27 initializer unjustified"] },
  { name: "a dict value", code: 'PARAMS = {"alpha": 0.27}\n', findings: ["1 0.27 element unjustified"] },
  { name: "a dict value named like a tolerance", code: 'OPTS = {"rtol": 1e-4}\n', findings: ["1 1e-4 threshold unjustified"] },
  {
    name: "list, tuple and set members",
    code: "w = f([0.3, 0.7], (1.5,), {2.5})\n",
    findings: ["1 0.3 element unjustified", "1 0.7 element unjustified", "1 1.5 element unjustified", "1 2.5 element unjustified"],
  },
  { name: "a return value", code: "def f():\n    return 0.27\n", findings: ["2 0.27 operand unjustified"] },
  { name: "a lambda body", code: "f = lambda x: x * 1.3\n", findings: ["1 1.3 scale unjustified"] },
  { name: "a decorator argument", code: "@lru_cache(maxsize=128)\ndef f(x):\n    return x\n", findings: ["1 128 argument unjustified"] },
  { name: "a call argument", code: "y = smooth(x, 3.5)\n", findings: ["1 3.5 argument unjustified"] },
]);

const exemptions: Case[] = py([
  { name: "allowed values", code: "y = x * 2 + 0.5\n", findings: ["1 2 scale allowed", "1 0.5 offset allowed"] },
  { name: "a small exponent", code: "y = k ** 2\n", findings: [] },
  { name: "a half exponent", code: "y = k ** 0.5\n", findings: [] },
  { name: "a subscript index", code: "y = x[3]\n", findings: [] },
  { name: "a slice", code: "y = x[1:4]\n", findings: [] },
  { name: "a negative index", code: "y = x[-1]\n", findings: [] },
  { name: ".at[0].set", code: "y = x.at[0].set(v)\n", findings: [] },
  { name: "range(0, n) starts", code: "for i in range(1, n):\n    pass\n", findings: [] },
  { name: "a range bound is a loop bound", code: "for i in range(64):\n    pass\n", findings: ["1 64 threshold unjustified"] },
  { name: "comparison against 0", code: "if x > 0:\n    pass\n", findings: [] },
  { name: "a power of ten as a unit scale", code: "km = m / 1000\n", findings: ["1 1000 scale allowed"] },
  {
    name: "a named unit constant that is a power of ten",
    code: "KM_PER_M = 1e-3\nself.cm_to_m = 0.01\nMEV = 1e6\n",
    findings: ["1 1e-3 initializer allowed", "2 0.01 initializer allowed", "3 1e6 initializer allowed"],
  },
  {
    name: "neighbour: a named power of ten that is a cut, a step or a count is a value",
    code: "kmin, kmax = 1e-4, 10.0\nself.n_pad = 1000\ndt = 0.1\n",
    findings: [
      "1 1e-4 initializer unjustified",
      "1 10.0 initializer unjustified",
      "2 1000 initializer unjustified",
      "3 0.1 initializer unjustified",
    ],
  },
  { name: "a power of ten as a threshold is not a scale", code: "if err < 1e-6:\n    pass\n", findings: ["1 1e-6 threshold unjustified"] },
  { name: "Literal[3] is a type", code: "def f(x: Literal[3]) -> None:\n    pass\n", findings: [] },
  {
    name: "the members of an Enum name cases",
    code: "@enum.unique\nclass Body(enum.Enum):\n    Invalid = -1\n    Mars = 3\n    Moon = 10\n    Star1 = 101\n\nclass Mode(IntFlag):\n    A = 4\n    B = 8\n\nm = Mode.A | Mode.B\nok = body == Body.Moon\n",
    findings: [],
  },
  {
    name: "neighbour: a fractional member, or one the file computes with, is a number",
    code: "class Tuning(Enum):\n    ALPHA = 0.27\n    N = 27\n    M = 5\n\ny = x * Tuning.N.value / 100\nz = Tuning.M == k\n",
    findings: ["2 0.27 enum-member unjustified", "3 27 enum-member unjustified", "6 100 scale allowed"],
  },
  {
    name: "neighbour: a plain class's attributes are named constants",
    code: "class Body:\n    Mars = 3\n    Moon = 10\n",
    findings: ["2 3 initializer unjustified", "3 10 initializer unjustified"],
  },
  {
    name: "neighbour: Literal[0.27] is no type (PEP 586 admits integers), only a value get_args reads",
    code: "A = Literal[0.27]\nB = Literal[-1, 5]\ny = x * get_args(A)[0]\n",
    findings: ["1 0.27 operand unjustified"],
  },
  { name: "bitwise operands", code: "m = flags & 0xFF\n", findings: [] },
  {
    name: "jnp.linspace(0, 1, 100)",
    code: "k = jnp.linspace(0, 1, 100)\n",
    findings: ["1 0 argument allowed", "1 1 argument allowed", "1 100 argument unjustified"],
  },
  {
    name: "jnp.where(x > 1e-3, …)",
    code: "y = jnp.where(x > 1e-3, x, 0.0)\n",
    findings: ["1 1e-3 threshold unjustified", "1 0.0 argument allowed"],
  },
]);

const knownConstants: Case[] = py([
  { name: "π at five digits", code: "c = r * 3.14159\n", findings: ["1 3.14159 scale known-constant"] },
  {
    name: "math.pi / 180 folds to a known constant",
    code: "rad = deg * (math.pi / 180)\n",
    findings: ["1 math.pi / 180 scale known-constant"],
  },
  { name: "2 * 3.14159 is 2π", code: "c = 2 * 3.14159 * r\n", findings: ["1 2 * 3.14159 scale known-constant"] },
  { name: "the speed of light", code: "C = 299792458.0\n", findings: ["1 299792458.0 initializer known-constant"] },
  { name: "G", code: "G = 6.674e-11\n", findings: ["1 6.674e-11 initializer known-constant"] },
  { name: "np.sqrt(2) folds", code: "s = x / np.sqrt(2)\n", findings: ["1 np.sqrt(2) scale known-constant"] },
  {
    name: "a sinhc series: integer exponents and the factorials beside them",
    code: "s = 1 + x ** 2 / 6 + x ** 4 / 120 + x ** 6 / 5040\n",
    findings: ["1 1 offset allowed", "1 6 scale unjustified", "1 120 scale known-constant", "1 5040 scale known-constant"],
  },
  {
    name: "a plain fraction of π, and a negated multiple, are known constants",
    code: "Or2 = 0.5 * numpy.pi * djzdE + Or2\nx = -4.0 * numpy.pi * a\n",
    findings: ["1 0.5 * numpy.pi scale known-constant", "2 -4.0 * numpy.pi scale known-constant"],
  },
  {
    name: "minutes per day, and a TLE's revolutions per day in radians per minute",
    code: "n = no_kozai / 1440.0\nxpdotp = 1440.0 / (2.0 * math.pi)\nnddot_units = 2985984000.0\n",
    findings: [
      "1 1440.0 scale known-constant",
      "2 1440.0 / (2.0 * math.pi) initializer known-constant",
      "3 2985984000.0 initializer known-constant",
    ],
  },
  { name: "neighbour: 1441 is no unit", code: "n = no_kozai / 1441.0\n", findings: ["1 1441.0 scale unjustified"] },
]);

const changes: Case[] = py([
  { name: "an unchanged line", base: "x = a * 1.002\ny = 1\n", code: "x = a * 1.002\ny = b\n", findings: [] },
  {
    name: "re-indented into a function is a move",
    base: "x = a * 1.7\n",
    code: "def f(a):\n    x = a * 1.7\n    return x\n",
    findings: [],
  },
  {
    name: "a retuned coefficient",
    base: `SIGMA = 0.27  # @physics: ${GOOD}\n`,
    code: `SIGMA = 0.30  # @physics: ${GOOD}\n`,
    findings: ["1 0.30 initializer retuned was 0.27"],
  },
  {
    name: "a typo fixed in a cited docstring does not cover a new factor",
    base: 'def p(k):\n    """One-loop power spectrum, Smith et al. 2003 eq. 4. Implments the halo model."""\n    return k * 0.93\n',
    code: 'def p(k):\n    """One-loop power spectrum, Smith et al. 2003 eq. 4. Implements the halo model."""\n    return k * 0.93 * 1.15\n',
    config: { requireTag: false },
    findings: ["3 1.15 scale unjustified"],
  },
  {
    name: "a word added to a cited docstring does not cover a retune, nor does the new value written in it",
    base: 'def pad(k, degree=13):\n    """Filter, Hinton et al. 2017 eq. 4.\n\n    degree : int, default=13\n    """\n    return k\n',
    code: 'def pad(k, degree=12):\n    """Filter, Hinton et al. 2017 eq. 4, fast.\n\n    degree : int, default=12\n    """\n    return k\n',
    config: { requireTag: false },
    findings: ["1 12 default retuned was 13"],
  },
  {
    name: "neighbour: a citation's year changed covers the retune",
    base: "g = 0.93  # drag coefficient, Smith et al. 2003\n",
    code: "g = 0.95  # drag coefficient, Smith et al. 2005\n",
    config: { requireTag: false },
    findings: ["1 0.95 initializer justified was 0.93"],
  },
  {
    name: "neighbour: a declared fit refitted to new data covers the retune",
    base: "g = k * 0.93  # @calibrated: fitted to N-body runs A, valid 0.01 < k < 0.2\n",
    code: "g = k * 0.95  # @calibrated: fitted to N-body runs B, valid 0.01 < k < 0.2\n",
    findings: ["1 0.95 scale calibrated was 0.93"],
  },
  {
    name: "a retune with a new justification",
    base: `SIGMA = 0.27  # @physics: ${GOOD}\n`,
    code: `SIGMA = 0.30  # @physics: ${GOOD}, at z = 0.5 (Eq. 3.6)\n`,
    findings: ["1 0.30 initializer justified was 0.27"],
  },
  {
    name: "an operator change",
    base: `y = x * 0.93  # @physics: ${GOOD}\n`,
    code: `y = x / 0.93  # @physics: ${GOOD}\n`,
    findings: ["1 0.93 scale retuned was * 0.93"],
  },
  {
    name: "math.pi written as a bare pi is no retune",
    base: "w = 2.0 * math.pi * f\n",
    code: "w = 2.0 * pi * f\n",
    findings: [],
  },
  {
    name: "neighbour: one known constant for another is a retune",
    base: "k = 2.0 * math.pi\n",
    code: "k = 2.0 * math.e\n",
    findings: ["1 2.0 * math.e initializer retuned was 2.0 * math.pi"],
  },
  {
    name: "a retuned small exponent",
    base: `p = k ** 2  # @physics: ${GOOD}\n`,
    code: `p = k ** 2.5  # @physics: ${GOOD}\n`,
    findings: ["1 2.5 exponent retuned was 2"],
  },
  {
    name: "a type annotation added while retuning",
    base: `# @physics: ${GOOD}\nK = 0.93\n`,
    code: `# @physics: ${GOOD}\nK: float = 0.95\n`,
    findings: ["2 0.95 initializer retuned was 0.93"],
  },
  {
    name: "a factor added under an old comment",
    base: `# @physics: ${GOOD}\nx = a * b\n`,
    code: `# @physics: ${GOOD}\nx = a * b * 1.002\n`,
    findings: ["2 1.002 scale unjustified"],
  },
  {
    name: "the statement split over lines",
    base: `# @physics: ${GOOD}\nv = compute(a, 0.31, 0.42)\n`,
    code: `# @physics: ${GOOD}\nv = compute(\n    a,\n    0.31,\n    0.45,\n)\n`,
    findings: ["5 0.45 argument retuned was 0.42"],
  },
]);

const strings: Case[] = py([
  { name: 'float("1.002")', code: 'k = x * float("1.002")\n', findings: ["1 1.002 scale unjustified"] },
  { name: "Decimal", code: "k = Decimal('1.002')\n", findings: ["1 1.002 initializer unjustified"] },
  { name: "np.float64", code: 'k = np.float64("0.27")\n', findings: ["1 0.27 initializer unjustified"] },
  { name: "an environment default", code: 'k = float(os.environ.get("K", "1.002"))\n', findings: ["1 1.002 argument unjustified"] },
  { name: "json.loads", code: "p = json.loads('{\"alpha\": 0.27}')\n", findings: ["1 0.27 initializer unjustified"] },
  {
    name: "ast.literal_eval",
    code: 'w = ast.literal_eval("[0.27, 1.3]")\n',
    findings: ["1 0.27 initializer unjustified", "1 1.3 initializer unjustified"],
  },
  {
    name: "arbitrary-precision numbers from strings (mpmath, SymPy)",
    code: "a = mpf('1.002')\nb = sympy.Rational('0.27')\n",
    findings: ["1 1.002 initializer unjustified", "2 0.27 initializer unjustified"],
  },
  {
    name: "expressions run from strings (NumExpr, SymPy, pandas)",
    code: "y = ne.evaluate('x * 1.002')\ne = sympify('x * 1.003')\nz = pd.eval('df.x * 1.004')\n",
    findings: ["1 1.002 argument unjustified", "2 1.003 argument unjustified", "3 1.004 argument unjustified"],
  },
  { name: "a concatenation converted", code: 'k = x * float("1" + ".002")\n', findings: ['1 "1" + ".002" scale unjustified'] },
  { name: "an implicit concatenation", code: "k = x * float('1' '.002')\n", findings: ["1 '1' '.002' scale unjustified"] },
  {
    name: "three parts, one without a digit",
    code: 'k = x * float("1" + "." + "002")\n',
    findings: ['1 "1" + "." + "002" scale unjustified'],
  },
  {
    name: "an f-string of literals converted",
    code: 'k = x * float(f"{1}.002")\n',
    findings: ['1 f"{1}.002" scale unjustified', "1 1 operand allowed"],
  },
  { name: "neighbour: an f-string with a variable is text", code: 'k = x * float(f"{whole}.002")\n', findings: [] },
  { name: "full-width digits, which float() reads", code: 'k = x * float("１.００２")\n', findings: ["1 １.００２ scale unjustified"] },
  { name: "Arabic-Indic digits in int()", code: 'n = int("٢٧")\n', findings: ["1 ٢٧ initializer unjustified"] },
  { name: "neighbour: a Greek letter is no number", code: 'k = float("π")\n', findings: [] },
  {
    name: "a string cut into pieces the code converts",
    code: 'k = x * float("x,1.002".split(",")[1])\nc = list(map(float, "0.27 1.3".split()))\nd = [float(s) for s in "a 0.28".split()]\ne = np.array("0.29 1.4".split(), dtype=float)\n',
    findings: [
      "1 1.002 scale unjustified",
      "2 0.27 initializer unjustified",
      "2 1.3 initializer unjustified",
      "3 0.28 initializer unjustified",
      "4 0.29 initializer unjustified",
      "4 1.4 initializer unjustified",
    ],
  },
  {
    name: "a table written as text and cut",
    code: 'T = """0.27 1.3\n2.7 4.1""".split()\n',
    findings: [
      "1 0.27 initializer unjustified",
      "1 1.3 initializer unjustified",
      "2 2.7 initializer unjustified",
      "2 4.1 initializer unjustified",
    ],
  },
  {
    name: "a retune inside a cut string",
    base: 'c = list(map(float, "0.27,0.5".split(",")))\n',
    code: 'c = list(map(float, "0.30,0.5".split(",")))\n',
    findings: ["1 0.30 initializer retuned was 0.27"],
  },
  {
    name: "a table written as text and named is read where it stands",
    code: '_TABLE = """\n0.27 1.3\n2.7 4.1\n"""\nT = np.loadtxt(io.StringIO(_TABLE))\n',
    findings: [
      "2 0.27 initializer unjustified",
      "2 1.3 initializer unjustified",
      "3 2.7 initializer unjustified",
      "3 4.1 initializer unjustified",
    ],
  },
  {
    name: "argparse converts a default written as text with the argument's type",
    code: "p.add_argument('--alpha', type=float, default='0.27')\np.add_argument('--name', default='0.28')\n",
    findings: ["1 0.27 argument unjustified"],
  },
  {
    name: "neighbour: a named string of one or two numbers on a line is text",
    code: 'LABEL = "1 2"\nZIP = "12345"\n__version__ = "1.2.3"\n',
    findings: [],
  },
  {
    name: "neighbour: versions, dates and words cut are no numbers",
    code: 'v = tuple(map(int, "1.2.3".split(".")))\nd = "2000-01-01".split("-")\nparts = "run 7 of 9".split()\n',
    findings: [],
  },
  { name: "neighbour: a concatenated label stays text", code: 'label = "v" + "1.002"\n', findings: [] },
  {
    name: "a hexadecimal float",
    code: 'k = x * float.fromhex("0x1.0083126e978d5p+0")\n',
    findings: ["1 0x1.0083126e978d5p+0 scale unjustified"],
  },
  {
    name: "an integer written in another base",
    code: 'k = x * int("1b", 16)\nj = x * int("0x1b", 0)\nm = x * int("11011", base=2)\n',
    findings: ["1 1b scale unjustified", "2 0x1b scale unjustified", "3 11011 scale unjustified"],
  },
  { name: "neighbour: a base that is not a literal leaves the text", code: "k = x * int(digits, base)\n", findings: [] },
  {
    name: "a ratio written as text",
    code: 'k = x * float(Fraction("27/100"))\nr = sympy.Rational("-3/4")\n',
    findings: ["1 27/100 argument unjustified", "2 -3/4 initializer unjustified"],
  },
  { name: "neighbour: a ratio that is 1/2", code: 'k = x * Fraction("1/2")\n', findings: ["1 1/2 scale allowed"] },
  { name: "neighbour: a hexadecimal float that is 1", code: 'k = x * float.fromhex("0x1p+0")\n', findings: ["1 0x1p+0 scale allowed"] },
  {
    name: "folded: 3π is a simple multiple of π",
    code: "c = 4 * r / (3 * np.pi)\n",
    findings: ["1 4 scale unjustified", "1 3 * np.pi scale known-constant"],
  },
  {
    name: "a power of ten beside e is another number",
    code: "k = x * math.e / 10\nm = t * 1000\n",
    findings: ["1 10 scale unjustified", "2 1000 scale allowed"],
  },
  { name: "folded: 1 + 2/1000", code: "k = x * (1 + 2 / 1000)\n", findings: ["1 1 + 2 / 1000 scale unjustified"] },
  { name: "folded: math.sqrt(1.004)", code: "k = x * math.sqrt(1.004)\n", findings: ["1 math.sqrt(1.004) scale unjustified"] },
  { name: "neighbour: m * 10 ** -3", code: "km = m * 10 ** -3\n", findings: ["1 10 ** -3 scale allowed"] },
]);

const notCoefficients: Case[] = py([
  {
    name: "the bound of a loop that only walks arrays is their length",
    code: 'for k in range(3):\n    r[k + 1, 0] = a[idx[k]] * s  # the k-th axis\n    print("k", r[k])\n',
    findings: [],
  },
  {
    name: "neighbour: a loop that reads its counter otherwise counts terms",
    code: "for n in range(12):\n    total += c[n] * x**n\nfor k in range(3):\n    r = [k, 2]\n",
    findings: ["1 12 threshold unjustified", "3 3 threshold unjustified", "4 2 element allowed"],
  },
  {
    name: "neighbour: a loop over arrays that walks more elements is retuned",
    base: "for k in range(3):\n    r[k] = v[k]\n",
    code: "for k in range(4):\n    r[k] = v[k]\n",
    findings: ["1 4 threshold retuned was 3"],
  },
  {
    name: "a loop counter compared for equality picks an iteration, as an index does",
    code: "for l in range(self.jn):\n    mu3fac = 0.6 * (l == 1) - 0.4 * (l == 3)\n",
    findings: ["2 0.6 scale unjustified", "2 0.4 scale unjustified"],
  },
  {
    name: "neighbour: the same test outside the loop, and a bound inside it, are thresholds",
    code: "mu = 0.4 * (l == 3)\nfor l in range(n):\n    if l > 3:\n        break\n",
    findings: ["1 0.4 scale unjustified", "1 3 threshold unjustified", "3 3 threshold unjustified"],
  },
  { name: "index arithmetic is an index", code: "y = G0s[ii - 4] + a[2 * k + 1] + x[n // 2] + b[n - 3:]\n", findings: [] },
  {
    name: "neighbour: a value beside an index is a value",
    code: "y = a[i] * 3 + b[int(i * 1.5)]\n",
    findings: ["1 3 scale unjustified", "1 1.5 scale unjustified"],
  },
  {
    name: "an array's shape is a size",
    code: [
      "z = np.zeros((n, 7))",
      "w = jnp.zeros(3, dtype=jnp.int32)",
      "u = x.reshape(-1, 3) + np.reshape(x, (-1, 3)) + np.empty(3 * n) + torch.zeros(4, 3)",
      "r.shape = v.shape = (mylen, jdlen, 3)",
      "if v.shape != (3,):",
      "    q = rng.normal(0, 1, size=(n, 3))",
      "",
    ].join("\n"),
    findings: ["6 0 argument allowed", "6 1 argument allowed"],
  },
  {
    name: "a tuple that subscripts is an index, and a transpose's axes are axes",
    code: "FF[(2, i + 1, 8)] = name\nFF[2, i + 1, 8] = 3.5\ng = jnp.transpose(grid, (1, 2, 3, 0)) + x.permute(0, 2, 1) + np.moveaxis(a, 0, -1)\n",
    findings: ["2 3.5 initializer unjustified"],
  },
  {
    name: "neighbour: a tuple passed to another function holds values",
    code: "f((2, 8))\ng = jnp.transpose(x * 1.5, (1, 0))\n",
    findings: ["1 2 element allowed", "1 8 element unjustified", "2 1.5 scale unjustified"],
  },
  {
    name: "either branch of a conditional shape is a shape, its condition is not",
    code: "out = numpy.zeros((6, 6) if with_vel else (3, 3))\nalt = numpy.zeros(n if k > 7 else m)\n",
    findings: ["2 7 threshold unjustified"],
  },
  {
    name: "neighbour: an array's size read back at once is a number, not a shape",
    code: "k = x * np.zeros(27).size / 100\nj = x * len(np.ones(27)) / 100\n",
    findings: ["1 27 argument unjustified", "1 100 scale allowed", "2 27 argument unjustified", "2 100 scale allowed"],
  },
  {
    name: "an array of ones summed reads its size back",
    code: "k = x * np.ones(27).sum() / 100\nj = x * sum(np.ones(27)) / 100\nbuf = np.ones(27)\n",
    findings: ["1 27 argument unjustified", "1 100 scale allowed", "2 27 argument unjustified", "2 100 scale allowed"],
  },
  {
    name: "numbers of text read as data inline are literals",
    code: 'a = np.fromstring("0.27 1.3", sep=" ")\nb = np.loadtxt(io.StringIO("0.27"))\nc = pd.read_csv(StringIO("k,v\\nalpha,0.27"))\n',
    findings: [
      "1 0.27 initializer unjustified",
      "1 1.3 initializer unjustified",
      "2 0.27 argument unjustified",
      "3 0.27 argument unjustified",
    ],
  },
  {
    name: "neighbour: what fills an array, and another function's argument, are values",
    code: "z = np.full((n, 3), 1.002)\nw = np.ones(3) * 1.002\nu = model.zeros(3)\nv = np.zeros(int(n * 1.5))\n",
    findings: ["1 1.002 argument unjustified", "2 1.002 scale unjustified", "3 3 argument unjustified", "4 1.5 scale unjustified"],
  },
  { name: "a version tuple bump", base: "__version_info__ = (1, 53)\n", code: "__version_info__ = (1, 54)\n", findings: [] },
  {
    name: "a fractional dict key names an entry (a probability level), its value is a value",
    code: "T = {0.975: 3.82, 0.5: 10.34}\n",
    findings: ["1 3.82 element unjustified", "1 10.34 element unjustified"],
  },
  {
    name: "numeric dict keys",
    // The keys are NAIF ids; the values, IAU reciprocal masses, are known; a new entry is not.
    code: "RMASS = {199: 6023600.0, 299: 408523.71, 301: 0.27}\n",
    findings: ["1 6023600.0 element known-constant", "1 408523.71 element known-constant", "1 0.27 element unjustified"],
  },
]);

const files: Case[] = [
  // A file the grammar cannot read at all has no findings, and is unverified (test/core/languages.test.ts).
  { name: "garbage is not passed with findings made up", path: "src/junk.py", code: ")))) 1.5 ((( ]]] }}} x = 2.7", findings: [] },
  { name: "test_*.py is not read", path: "tests/test_model.py", code: "assert f(1.7) == 2.3\n", findings: [] },
  { name: "conftest.py is not read", path: "conftest.py", code: "TOL = 1e-3\n", findings: [] },
  { name: "a test module named test.py is not read", path: "generate/test.py", code: "if hour_diff > 0.6:\n    fail()\n", findings: [] },
  { name: "Django's tests.py is not read", path: "orbits/tests.py", code: "self.assertAlmostEqual(f(1.7), 2.3)\n", findings: [] },
  {
    name: "a module whose name only contains test is read",
    path: "src/latest.py",
    code: "k = 1.07\n",
    findings: ["1 1.07 initializer unjustified"],
  },

  { name: "a stub is not read", path: "src/model.pyi", code: "ALPHA: float = ...\n", findings: [] },
];

export const pythonTables: Array<[string, Case[]]> = [
  ["python: annotations", annotations],
  ["python: justification quality", quality],
  ["python: literals", literals],
  ["python: roles", roles],
  ["python: exemptions", exemptions],
  ["python: known constants", knownConstants],
  ["python: changes", changes],
  ["python: numbers in strings and constant expressions", strings],
  ["python: not coefficients", notCoefficients],
  ["python: files", files],
];
