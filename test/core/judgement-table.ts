/**
 * Issue 10's rules as tables, in TypeScript and Python: adoption mode reads whether a comment
 * explains a value or narrates the code; cited heads of tables, constant blocks and functions;
 * known values written out; honest calibration. Row format as in case-table.ts.
 */
import type { Case } from "../helpers.js";

const ADOPT = { requireTag: false } as const;
const PY = "src/model.py";

const explains: Case[] = [
  {
    name: "narration: a wider bracket so the root finder converges",
    code: "// Use a wider bracket so the root finder converges faster.\nconst hi = 1.5 * step;",
    config: ADOPT,
    findings: ["2 1.5 scale weak"],
  },
  {
    name: "narration: look for the crossing near the start",
    code: "// Look for the crossing near the start of the window\nconst span = 0.3;",
    config: ADOPT,
    findings: ["2 0.3 initializer weak"],
  },
  {
    name: "a quantity word inside narration does not explain",
    code: "// search near the centre of mass to speed things up\nconst guess = r * 0.42;",
    config: ADOPT,
    findings: ["2 0.42 scale weak"],
  },
  {
    name: "a quantity with its unit explains",
    code: "const earthRadius = 6378.14; // equatorial radius in km, for the topocentric parallax",
    config: ADOPT,
    findings: ["1 6378.14 initializer justified"],
  },
  {
    name: "a derivation explains, however short",
    code: "const t0 = 0.137931034; // 4 / 29",
    config: ADOPT,
    findings: ["1 0.137931034 initializer justified"],
  },
  {
    name: "a standard explains, however short",
    code: "const xn = 0.95041; // F7 (ASTM E308-01)",
    config: ADOPT,
    findings: ["1 0.95041 initializer justified"],
  },
  {
    name: "a bare unit names what a table holds",
    code: "const wavelengths = [300.5, 305.5, 310.5]; // nm",
    config: ADOPT,
    findings: ["1 300.5 element justified", "1 305.5 element justified", "1 310.5 element justified"],
  },
  {
    name: "restating the code is no derivation",
    code: "const x = base * 1.07; // 1.07 * base\n",
    config: ADOPT,
    findings: ["1 1.07 scale weak"],
  },
  {
    name: "'exactly' is no derivation",
    code: "const x = base * 1.07; // exactly what we need here\n",
    config: ADOPT,
    findings: ["1 1.07 scale weak"],
  },
  {
    name: "a convention word inside narration does not explain",
    code: "// standard step so the solver converges faster\nconst h = dt * 0.37;\n",
    config: ADOPT,
    findings: ["2 0.37 scale weak"],
  },
  {
    name: "a named convention explains a value",
    code: "const g = 9.80665; // standard gravity in SI units\nconst t = 0.37 * x; // nominal transit depth of the model\n",
    config: ADOPT,
    findings: ["1 9.80665 initializer known-constant", "2 0.37 scale justified"],
  },
  {
    name: "a unit label over two values is not a copied justification",
    code: "const muOld = 398600.79964; // in km3 / s2\nconst muNew = 398600.5; // in km3 / s2\n",
    config: ADOPT,
    findings: ["1 398600.79964 initializer justified", "2 398600.5 initializer justified"],
  },
  {
    name: "a longer text over two unrelated values still is",
    code: "const a = x * 1.07; // growth rate of the linear mode in km/s\nconst b = y * 2.9; // growth rate of the linear mode in km/s\n",
    config: ADOPT,
    findings: ["1 1.07 scale weak", "2 2.9 scale weak"],
  },
  {
    name: "a duration in words explains a step",
    path: PY,
    code: "step_days = 0.04  # catch days at least an hour long\n",
    config: ADOPT,
    findings: ["1 0.04 initializer justified"],
  },
  {
    name: "a fix that says why the code exists, not why the value",
    code: "// sgp4fix for 180 deg incl\nif (inclm < 5.2359877e-2) shs = 0.0;",
    config: ADOPT,
    findings: ["2 5.2359877e-2 threshold weak", "2 0.0 initializer allowed"],
  },
  {
    name: "tagged mode keeps the tag rule: a plain explanation is untagged",
    code: "const earthRadius = 6378.14; // equatorial radius in km, for the topocentric parallax",
    findings: ["1 6378.14 initializer untagged"],
  },
  {
    name: "explain: always judges tagged text too",
    code: "// @physics: use a wider bracket so the root finder converges faster\nconst hi = 1.5 * step;",
    config: { justification: { explain: "always" } },
    findings: ["2 1.5 scale weak"],
  },
  {
    name: "explain: off accepts narration in adoption mode",
    code: "// Use a wider bracket so the root finder converges faster.\nconst hi = 1.5 * step;",
    config: { requireTag: false, justification: { explain: "off" } },
    findings: ["2 1.5 scale justified"],
  },
  {
    name: "python: narration is weak",
    path: PY,
    code: "# Use a wider bracket so the root finder converges faster.\nhi = 1.5 * step\n",
    config: ADOPT,
    findings: ["2 1.5 scale weak"],
  },
  {
    name: "python: a quantity and its unit explain",
    path: PY,
    code: "perigee_limit = 156.0  # perigee height in km below which s is altered\n",
    config: ADOPT,
    findings: ["1 156.0 initializer justified"],
  },
];

const TABLE = `// Meeus, Astronomical Algorithms (1998), table 47.A: periodic terms of the Moon's longitude
const terms = [
  6288774, -20905355,
  1274027, -3699111,
  658314, -2955968,
];
`;

const cited: Case[] = [
  {
    name: "a citation at the head of a table covers its rows",
    code: TABLE,
    config: ADOPT,
    findings: [
      "3 6288774 element justified",
      "3 -20905355 element justified",
      "4 1274027 element justified",
      "4 -3699111 element justified",
      "5 658314 element justified",
      "5 -2955968 element justified",
    ],
  },
  {
    name: "a citation at the head of a block of constants covers the block",
    code: "// WGS-84 ellipsoid, NIMA TR8350.2 Table 3.1\nconst a = 6378.2;\nconst inverseFlattening = 298.3;\nconst omega = 7.3e-5;\n",
    config: ADOPT,
    findings: ["2 6378.2 initializer justified", "3 298.3 initializer justified", "4 7.3e-5 initializer justified"],
  },
  {
    name: "a blank line ends the block",
    code: "// WGS-84 ellipsoid, NIMA TR8350.2 Table 3.1\nconst a = 6378.2;\n\nconst k = x * 1.07;\n",
    config: ADOPT,
    findings: ["2 6378.2 initializer justified", "4 1.07 scale unjustified"],
  },
  {
    name: "a head that cites nothing covers nothing below its first line",
    code: "// constants\nconst zns = 1.19459e-5;\nconst zes = 0.01675;\n",
    config: ADOPT,
    findings: ["2 1.19459e-5 initializer weak", "3 0.01675 initializer unjustified"],
  },
  {
    name: "a retuned row under an unchanged citation is retuned",
    base: TABLE,
    code: TABLE.replace("658314", "658400"),
    config: ADOPT,
    findings: ["5 658400 element retuned was 658314"],
  },
  {
    name: "a new row under an unchanged citation is not covered",
    base: TABLE,
    code: TABLE.replace("];", "  1200, -3600,\n];"),
    config: ADOPT,
    findings: ["6 1200 element unjustified", "6 -3600 element unjustified"],
  },
  {
    name: "a licence banner covers nothing",
    code: "/*! lib 1.0 | MIT License | https://example.org */\nconst k = 1.07;\nconst j = 2.3;\n",
    config: ADOPT,
    findings: ["2 1.07 initializer unjustified", "3 2.3 initializer unjustified"],
  },
  {
    name: "block heads are adoption mode's: tagged mode reads the literal's own comments",
    code: "// @physics: WGS-84 ellipsoid, NIMA TR8350.2 Table 3.1, semi-major axis\nconst a = 6378.2;\nconst b = 6356.8;\n",
    findings: ["2 6378.2 initializer justified", "3 6356.8 initializer unjustified"],
  },
  {
    name: "a cited function doc covers its body in adoption mode",
    code: "/** Solar position, Meeus (1998) chapter 25. */\nfunction sun(t) {\n  return 280.46646 + 36000.76983 * t;\n}\n",
    config: ADOPT,
    findings: ["3 280.46646 offset justified", "3 36000.76983 scale justified"],
  },
  {
    name: "an uncited function doc does not",
    code: "/** Where the sun is. */\nfunction sun(t) {\n  return 280.46646 + 36000.76983 * t;\n}\n",
    config: ADOPT,
    findings: ["3 280.46646 offset unjustified", "3 36000.76983 scale unjustified"],
  },
  {
    name: "functionDocCoversBody: false overrides adoption's default",
    code: "/** Solar position, Meeus (1998) chapter 25. */\nfunction sun(t) {\n  return 280.46646 + 36000.76983 * t;\n}\n",
    config: { requireTag: false, justification: { functionDocCoversBody: false } },
    findings: ["3 280.46646 offset unjustified", "3 36000.76983 scale unjustified"],
  },
  {
    name: "python: a cited head covers a tuple of coefficients",
    path: PY,
    code: "# Lee and Panchula (2016), Table 2\nCOEFFS = (\n    0.86273, -0.038948,\n    -0.012506, 0.098871,\n)\n",
    config: ADOPT,
    findings: [
      "3 0.86273 element justified",
      "3 -0.038948 element justified",
      "4 -0.012506 element justified",
      "4 0.098871 element justified",
    ],
  },
  {
    name: "python: a cited docstring covers the body in adoption mode",
    path: PY,
    code: 'def sun(t):\n    """Solar longitude, Meeus (1998) chapter 25."""\n    return 280.46646 + 36000.76983 * t\n',
    config: ADOPT,
    findings: ["3 280.46646 offset justified", "3 36000.76983 scale justified"],
  },
];

const knownValues: Case[] = [
  { name: "√3/2 written out", code: "const s60 = 0.8660254;", findings: ["1 0.8660254 initializer known-constant"] },
  {
    name: "1/√(2π) written out",
    code: "const norm = 0.3989423 * Math.exp(-x * x / 2);",
    findings: ["1 0.3989423 scale known-constant", "1 2 scale allowed"],
  },
  { name: "ln 10 / 20 written out", code: "const np = db * 0.1151293;", findings: ["1 0.1151293 scale known-constant"] },
  { name: "WGS-84 GM in km³/s²", code: "const mu = 398600.4418;", findings: ["1 398600.4418 initializer known-constant"] },
  { name: "WGS-84 GM in m³/s²", code: "const mu = 3.986004418e14;", findings: ["1 3.986004418e14 initializer known-constant"] },
  { name: "WGS-72 radius in km", code: "const re = 6378.135;", findings: ["1 6378.135 initializer known-constant"] },
  { name: "GM of the Sun in km³/s²", code: "const gmSun = 1.32712440018e11;", findings: ["1 1.32712440018e11 initializer known-constant"] },
  { name: "decibels: 20 log10", code: "const db = 20 * Math.log10(ratio);", findings: ["1 20 scale known-constant"] },
  { name: "20 without a logarithm is a factor", code: "const y = 20 * ratio;", findings: ["1 20 scale unjustified"] },
  { name: "magnitudes: -2.5 log10", code: "const mag = -2.5 * Math.log10(flux);", findings: ["1 -2.5 scale known-constant"] },
  {
    name: "a generator's multiplier under a comment naming it",
    code: "// Park-Miller minimal standard generator\nseed = (seed * 16807) % 2147483647;",
    findings: ["2 16807 scale known-constant", "2 2147483647 operand known-constant"],
  },
  { name: "the same multiplier without the generator is a factor", code: "const y = x * 16807;", findings: ["1 16807 scale unjustified"] },
  { name: "a hex hash constant", code: "// FNV-1a hash\nh = Math.imul(h, 16777619);", findings: ["2 16777619 argument known-constant"] },
  {
    name: "a retuned WGS value is still retuned",
    base: "const re = 6378.135;",
    code: "const re = 6378.137;",
    findings: ["1 6378.137 initializer retuned was 6378.135"],
  },
  { name: "python: √3/2", path: PY, code: "S60 = 0.8660254\n", findings: ["1 0.8660254 initializer known-constant"] },
  { name: "python: WGS-84 GM", path: PY, code: "MU = 398600.4418\n", findings: ["1 398600.4418 initializer known-constant"] },
  { name: "python: magnitudes", path: PY, code: "mag = -2.5 * np.log10(flux)\n", findings: ["1 -2.5 scale known-constant"] },
];

const calibration: Case[] = [
  {
    name: "@calibrated with its data and range",
    code: "// @calibrated: damping of the BAO wiggles against the N-body runs of Smith et al. valid for k < 0.3 h/Mpc at z < 2\nconst alpha = 0.27;",
    findings: ["2 0.27 initializer calibrated"],
  },
  {
    name: "@calibrated without its data is weak",
    code: "// @calibrated: damping of the BAO wiggles, valid for k < 0.3 h/Mpc\nconst alpha = 0.27;",
    findings: ["2 0.27 initializer weak"],
  },
  {
    name: "@calibrated without its range is weak",
    code: "// @calibrated: damping of the BAO wiggles against the N-body runs of Smith et al.\nconst alpha = 0.27;",
    findings: ["2 0.27 initializer weak"],
  },
  {
    name: "calibration: allow lists it without blocking",
    code: "// @calibrated: damping of the BAO wiggles against the N-body runs of Smith et al. valid for k < 0.3 h/Mpc at z < 2\nconst alpha = 0.27;",
    config: { calibration: "allow" },
    findings: ["2 0.27 initializer calibrated"],
  },
  {
    name: "adoption: a comment admitting a fit with data and range is calibrated",
    code: "// tuned against the Takahashi N-body spectra, valid for k < 1 h/Mpc\nconst alpha = 0.27;",
    config: ADOPT,
    findings: ["2 0.27 initializer calibrated"],
  },
  {
    name: "adoption: admitting a fit without data stays weak",
    code: "// empirically minimises the max error\nconst alpha = 0.27;",
    config: ADOPT,
    findings: ["2 0.27 initializer weak"],
  },
  {
    name: "a @calibrated value retuned without a new declaration is retuned",
    base: "// @calibrated: BAO damping against the N-body runs of Smith et al. valid for k < 0.3 h/Mpc\nconst alpha = 0.27;",
    code: "// @calibrated: BAO damping against the N-body runs of Smith et al. valid for k < 0.3 h/Mpc\nconst alpha = 0.29;",
    findings: ["2 0.29 initializer retuned was 0.27"],
  },
  {
    name: "python: @calibrated with data and range",
    path: PY,
    code: "# @calibrated: BAO damping against the N-body runs of Smith et al. valid for k < 0.3 h/Mpc\nalpha = 0.27\n",
    findings: ["2 0.27 initializer calibrated"],
  },
  {
    name: "python: adoption, a fit admitted without its range stays weak",
    path: PY,
    code: "alpha = 0.27  # tuned to match CLASS\n",
    config: ADOPT,
    findings: ["1 0.27 initializer weak"],
  },
];

const notQuantities: Case[] = [
  { name: "a missing-data sentinel", code: "df = df.replace(-9999, NaN);", findings: ["1 -9999 argument allowed"] },
  {
    name: "a retuned sentinel is retuned",
    base: "const MISSING = -999;",
    code: "const MISSING = -9999;",
    findings: ["1 -9999 initializer retuned was -999"],
  },
  { name: "positions in a string", code: "const epochyr = parseInt(line.substring(18, 20), 10);", findings: [] },
  { name: "digits of a number", code: "const s = x.toFixed(3);", findings: [] },
  { name: "an integer error code", code: "rec.error = 4;", findings: ["1 4 initializer allowed"] },
  { name: "a fractional value in a code's name is still a value", code: "rec.error = 0.4;", findings: ["1 0.4 initializer unjustified"] },
  { name: "python: a sentinel", path: PY, code: "df = df.replace(-999, np.nan)\n", findings: ["1 -999 argument allowed"] },
  { name: "python: a file mode is an integer code", path: PY, code: "MODE = 0o755\n", findings: ["1 0o755 initializer allowed"] },
];

/** The same place (SPEC section 3): rewritten statements, conversions and operators of one family. */
const samePlace: Case[] = [
  {
    name: "a rewritten quadratic formula keeps its 2 (the old 2 × a, not the old b ** 2)",
    base: "const y = (-b + Math.sqrt(b ** 2 - 4 * a * c)) / (2 * a);",
    code: "const y = 2 * c / (-b - disc);",
    findings: [],
  },
  {
    name: "python: a rewritten quadratic formula keeps its 2",
    path: PY,
    base: "y = (-b + (b**2 - 4*a*c)**0.5) / (2 * a)\n",
    code: "y = 2*c / (-b - disc)\n",
    findings: [],
  },
  {
    name: "an exponent turned into a factor is retuned",
    base: "const y = x ** 2 + c;",
    code: "const y = x * 2 + c;",
    findings: ["1 2 scale retuned was ** 2"],
  },
  {
    name: "python: floor() rewritten as // divides by the same factor",
    path: PY,
    base: "k = floor((mon + 9) / 12.0)\n",
    code: "k = (mon + 9.0) // 12.0\n",
    findings: [],
  },
  {
    name: "python: // turned into * is retuned",
    path: PY,
    base: "k = (mon + 9) // 12.0\n",
    code: "k = (mon + 9) * 12.0\n",
    findings: ["1 12.0 scale retuned was // 12.0"],
  },
  {
    name: "python: nanoseconds to hours rewritten as seconds to hours",
    path: PY,
    base: "hours = np.diff(t).astype(float) / 1e9 / 60 / 60\n",
    code: "hours = seconds / 3600\n",
    findings: ["1 3600 scale known-constant"],
  },
  {
    name: "radians per turn rewritten as degrees: arcminutes",
    base: "class A {\n  arcminutes() {\n    return (this.radians / TAU) * 21600;\n  }\n}",
    code: "class A {\n  arcminutes() {\n    return this.degrees * 60;\n  }\n}",
    findings: ["3 60 scale known-constant"],
  },
  {
    name: "a conversion whose operator flips is retuned",
    path: PY,
    base: "def m_to_cm(m):\n    return m / 100\n",
    code: "def m_to_cm(m):\n    return m * 100\n",
    findings: ["2 100 scale retuned was / 100"],
  },
  {
    name: "a coefficient in a rewritten statement is still retuned",
    base: "const k = x * 0.27 * 1.0;",
    code: "const k = y * 0.3;",
    findings: ["1 0.3 scale retuned was 0.27"],
  },
  {
    name: "a unit factor retuned to a coefficient is retuned",
    path: PY,
    base: "hours = np.diff(t) / 3600 + offset\n",
    code: "hours = seconds / 3601.5\n",
    findings: ["1 3601.5 scale retuned was 3600"],
  },
];

/** A comment that predates a value does not speak for it; one the change wrote does (SPEC section 2). */
const freshComments: Case[] = [
  {
    name: "an old label moved onto new coefficients gives way to a new cited function doc",
    base: "function sun(M) {\n  return 1.9148 * Math.sin(M); // equation of center\n}\n",
    code: "// Sun's equation of center, Meeus ch. 25\nfunction sun(M) {\n  return 1.914602 * Math.sin(M); // equation of center\n}\n",
    config: ADOPT,
    findings: ["3 1.914602 scale justified was 1.9148"],
  },
  {
    name: "an old explaining comment over a retuned coefficient gives way to a new cited function doc",
    base: "function sun(M) {\n  return 1.9148 * Math.sin(M); // equation of the centre, in degrees\n}\n",
    code: "// Sun's equation of center, Meeus ch. 25\nfunction sun(M) {\n  return 1.914602 * Math.sin(M); // equation of the centre, in degrees\n}\n",
    config: ADOPT,
    findings: ["3 1.914602 scale justified was 1.9148"],
  },
  {
    name: "python: an old explaining comment moved onto a new coefficient gives way to a new cited docstring",
    path: PY,
    base: "def sun(M):\n    # equation of the centre, in degrees\n    return 1.9148 * sin(M)\n",
    code: 'def sun(M):\n    """Equation of center, Meeus (1998) chapter 25."""\n    # equation of the centre, in degrees\n    return 1.9148 * sin(M) + 0.019993 * sin(2 * M)\n',
    config: ADOPT,
    findings: ["4 0.019993 scale justified", "4 2 scale justified"],
  },
  {
    name: "without a new citation the old comment covers nothing new",
    path: PY,
    base: "def sun(M):\n    # equation of the centre, in degrees\n    return 1.9148 * sin(M)\n",
    code: "def sun(M):\n    # equation of the centre, in degrees\n    return 1.9148 * sin(M) + 0.019993 * sin(2 * M)\n",
    config: ADOPT,
    findings: ["3 0.019993 scale unjustified", "3 2 scale allowed"],
  },
  {
    name: "an unchanged function doc does not cover a retune",
    base: "// Sun's equation of center, Meeus ch. 25\nfunction sun(M) {\n  return 1.9148 * Math.sin(M); // equation of center\n}\n",
    code: "// Sun's equation of center, Meeus ch. 25\nfunction sun(M) {\n  return 1.914602 * Math.sin(M); // equation of center\n}\n",
    config: ADOPT,
    findings: ["3 1.914602 scale retuned was 1.9148"],
  },
  {
    name: "an old comment admitting a fit is not passed over for a new citation",
    base: "function sun(M) {\n  return 1.9148 * Math.sin(M); // tuned to match the almanac\n}\n",
    code: "// Sun's equation of center, Meeus ch. 25\nfunction sun(M) {\n  return 1.914602 * Math.sin(M); // tuned to match the almanac\n}\n",
    config: ADOPT,
    findings: ["3 1.914602 scale retuned was 1.9148"],
  },
  {
    name: "python: a cited docstring speaks when the label above the value is old",
    path: PY,
    base: "def sun(M):\n    # equation of center\n    return 1.9148 * sin(M)\n",
    code: 'def sun(M):\n    """Equation of center, Meeus (1998) chapter 25."""\n    # equation of center\n    return 1.914602 * sin(M)\n',
    config: ADOPT,
    findings: ["4 1.914602 scale justified was 1.9148"],
  },
  {
    name: "python: a parameter's documentation is not an admission about the body",
    path: PY,
    code: [
      "def mismatch(pw, am, coefficients=None):",
      '    """Spectral mismatch, Lee and Panchula (2016), eq. 3.',
      "",
      "    Parameters",
      "    ----------",
      "    coefficients : array-like, optional",
      "        Your own coefficients, to fine tune the correction to a module.",
      "",
      "    Returns",
      "    -------",
      "    modifier : numeric",
      '    """',
      "    table = (0.86273, -0.038948)",
      "",
    ].join("\n"),
    config: ADOPT,
    findings: ["13 0.86273 element justified", "13 -0.038948 element justified"],
  },
  {
    name: "editing only a @param line does not make a cited doc cover a new value",
    base: "/**\n * Refraction, Bennett (1982) eq. 1.\n * @param h altitude\n */\nfunction refraction(h) {\n  return 1.02 / Math.tan(h);\n}\n",
    code: "/**\n * Refraction, Bennett (1982) eq. 1.\n * @param h altitude in degrees\n */\nfunction refraction(h) {\n  return 1.02 / Math.tan(h + 10.3 / (h + 5.11));\n}\n",
    config: ADOPT,
    findings: ["6 10.3 scale unjustified", "6 5.11 offset unjustified"],
  },
  {
    name: "an edited @param entry does not cover its parameter's new default (a number in a doc is no reason)",
    base: "/**\n * Time-corrected Verlet, https://lonesock.net/article/verlet.html\n * @param {number} delta\n */\nfunction update(delta) {\n  step(delta);\n}\n",
    code: "/**\n * Time-corrected Verlet, https://lonesock.net/article/verlet.html\n * @param {number} [delta=16.666] one frame at 60 Hz, in ms\n */\nfunction update(delta) {\n  delta = delta || 1000 / 60;\n  step(delta);\n}\n",
    config: ADOPT,
    findings: ["6 1000 / 60 operand unjustified"],
  },
  {
    name: "an edited @param entry of another parameter does not cover a retuned default",
    base: "/**\n * Decomposition, https://github.com/schteppe/poly-decomp.js\n * @param {bool} [removeCollinear=true]\n * @param {number} [minimumArea=100]\n */\nfunction fromVertices(removeCollinear, minimumArea) {\n  minimumArea = minimumArea === undefined ? 100 : minimumArea;\n}\n",
    code: "/**\n * Decomposition, https://github.com/schteppe/poly-decomp.js\n * @param {number} [removeCollinear=0.01]\n * @param {number} [minimumArea=100]\n */\nfunction fromVertices(removeCollinear, minimumArea) {\n  minimumArea = minimumArea === undefined ? 10 : minimumArea;\n}\n",
    config: ADOPT,
    findings: ["7 10 operand retuned was 100"],
  },
  {
    name: "python: a default retuned with the number in its numpydoc entry is still retuned",
    path: PY,
    base: 'def cell(x, t=None):\n    """Cell temperature, Faiman (2008) eq. 3.\n\n    Parameters\n    ----------\n    t : float, default 12\n        air temperature [C]\n    """\n    if t is None:\n        t = 12.0\n    return x + t\n',
    code: 'def cell(x, t=None):\n    """Cell temperature, Faiman (2008) eq. 3.\n\n    Parameters\n    ----------\n    t : float, default 20\n        air temperature [C], the NOCT condition\n    """\n    if t is None:\n        t = 20.0\n    return x + t\n',
    config: ADOPT,
    findings: ["10 20.0 initializer retuned was 12.0"],
  },
  {
    name: "python: a default retuned under an unedited numpydoc entry is retuned",
    path: PY,
    base: 'def cell(x, t=None):\n    """Cell temperature, Faiman (2008) eq. 3.\n\n    Parameters\n    ----------\n    t : float, default 12\n        air temperature [C]\n    """\n    if t is None:\n        t = 12.0\n    return x + t\n',
    code: 'def cell(x, t=None):\n    """Cell temperature, Faiman (2008) eq. 3.\n\n    Parameters\n    ----------\n    t : float, default 12\n        air temperature [C]\n    """\n    if t is None:\n        t = 20.0\n    return x + t\n',
    config: ADOPT,
    findings: ["10 20.0 initializer retuned was 12.0"],
  },
  {
    name: "a cited function doc covers coefficients nested in its loops and branches",
    code: "/** Refraction, Bennett (1982) eq. 1. */\nfunction refraction(h) {\n  for (const x of h) {\n    if (x > 0) {\n      out.push(1.02 / Math.tan(x + 10.3 / (x + 5.11)));\n    }\n  }\n}\n",
    config: ADOPT,
    findings: ["5 1.02 scale justified", "5 10.3 scale justified", "5 5.11 offset justified"],
  },
  {
    name: "python: a cited docstring covers coefficients in an if block",
    path: PY,
    code: 'def refraction(h):\n    """Refraction, Bennett (1982) eq. 1."""\n    if h > 0:\n        return 1.02 / tan(h + 10.3 / (h + 5.11))\n    return 0.0\n',
    config: ADOPT,
    findings: ["4 1.02 scale justified", "4 10.3 scale justified", "4 5.11 offset justified", "5 0.0 operand justified"],
  },
  {
    name: "a comment above a branch does not cover what is inside it",
    code: "function f(h) {\n  // Bennett (1982) eq. 1\n  if (h > 0) {\n    return 1.02 / h;\n  }\n}\n",
    config: ADOPT,
    findings: ["4 1.02 scale unjustified"],
  },
  {
    name: "tagged mode: a function doc does not cover a nested body by default",
    code: "/** @physics: refraction, Bennett (1982) eq. 1 */\nfunction refraction(h) {\n  if (h > 0) {\n    return 1.02 / h;\n  }\n}\n",
    findings: ["4 1.02 scale unjustified"],
  },
  {
    name: "python: an admission in the description still counts",
    path: PY,
    code: 'def mismatch(pw):\n    """Spectral mismatch, Lee and Panchula (2016); coefficients tuned to our module.\n\n    Parameters\n    ----------\n    pw : float\n    """\n    return pw * 0.86273\n',
    config: ADOPT,
    findings: ["8 0.86273 scale weak"],
  },
  {
    name: "a JSDoc @param line is not an admission about the body",
    code: "/**\n * Refraction, Bennett (1982) eq. 1.\n * @param h altitude, fine tune it to your site\n */\nfunction refraction(h) {\n  return 1.02 / Math.tan(h);\n}\n",
    config: ADOPT,
    findings: ["6 1.02 scale justified"],
  },
];

/** Known values of astronomy and of text formats, in the context that names them. */
const namedDefinitions: Case[] = [
  {
    name: "an almanac's table of the Sun's altitudes",
    code: "const times = [\n  [-0.833, 'sunrise', 'sunset'],\n  [-6, 'dawn', 'dusk'],\n  [-12, 'nauticalDawn', 'nauticalDusk'],\n  [-18, 'nightEnd', 'night'],\n  [6, 'goldenHourEnd', 'goldenHour'],\n];",
    findings: [
      "2 -0.833 element known-constant",
      "3 -6 element known-constant",
      "4 -12 element known-constant",
      "5 -18 element known-constant",
      "6 6 element unjustified",
    ],
  },
  { name: "-12 with no twilight named is a value", code: "const dip = -12;", findings: ["1 -12 initializer unjustified"] },
  {
    name: "python: nautical twilight",
    path: PY,
    code: "NAUTICAL = -12.0  # nautical twilight\n",
    findings: ["1 -12.0 initializer known-constant"],
  },
  {
    name: "days in a common year in a calendar computation",
    code: "let days = temp - ((year - 1900) * 365.0 + leapyrs);",
    findings: ["1 1900 offset unjustified", "1 365.0 scale known-constant"],
  },
  { name: "365 with no year named is a factor", code: "const k = x * 365;", findings: ["1 365 scale unjustified"] },
  {
    name: "python: hours of sidereal time to radians",
    path: PY,
    code: "R = mxm(rot_z(-t.gast * tau / 24.0), R)\n",
    findings: ["1 24.0 scale known-constant"],
  },
  { name: "radians per hour: π / 12", code: "const h = ha * Math.PI / 12;", findings: ["1 12 scale known-constant"] },
  { name: "degrees per hour of right ascension", code: "const raDeg = raHours * 15;", findings: ["1 15 scale known-constant"] },
  { name: "15 with no hours named is a factor", code: "const y = x * 15;", findings: ["1 15 scale unjustified"] },
  { name: "arcseconds per turn", code: "const asec = (rad / TAU) * 1296000;", findings: ["1 1296000 scale known-constant"] },
  {
    name: "python: reciprocal planetary masses",
    path: PY,
    code: "rmasses = {\n    199: 6023600.0,  # mercury\n    599: 1047.3486,  # jupiter\n    899: 19413.5,  # neptune\n}\n",
    findings: ["2 6023600.0 element known-constant", "3 1047.3486 element known-constant", "4 19413.5 element untagged"],
  },
  {
    name: "python: a character code named by its comment",
    path: PY,
    code: "if data[start] == 32:  # space\n    start += 1\n",
    findings: ["1 32 threshold known-constant"],
  },
  { name: "a character code read with charCodeAt", code: "if (s.charCodeAt(i) === 32) i++;", findings: ["1 32 threshold known-constant"] },
  {
    name: "python: phase space is no space character",
    path: PY,
    code: "n = 32  # points in phase space\n",
    findings: ["1 32 initializer untagged"],
  },
  { name: "a third of a turn of hue", code: "t3[0] = h + 1 / 3;", findings: ["1 1 / 3 offset known-constant"] },
  { name: "python: 4/3 π r³", path: PY, code: "v = 4.0 / 3.0 * pi * r**3\n", findings: ["1 4.0 / 3.0 scale known-constant"] },
  { name: "0.33 is not a third", code: "const k = x * 0.33;", findings: ["1 0.33 scale unjustified"] },
  { name: "3/11 is not a simple fraction", code: "const alpha = 3 / 11;", findings: ["1 3 / 11 initializer unjustified"] },
  {
    name: "the same constant in another unit is that constant (c in m/s → km/s)",
    base: "var c = 299792458; // Speed of light in km/s\n",
    code: "var c = 299792.458; // Speed of light in km/s\n",
    findings: ["1 299792.458 initializer known-constant was 299792458"],
  },
  {
    name: "another geodetic system is a retune (WGS-84 → WGS-72 GM)",
    base: "export const mu = 398600.4418; // in km3 / s2\n",
    code: "export const mu = 398600.8; // in km3 / s2\n",
    findings: ["1 398600.8 initializer retuned was 398600.4418"],
  },
  {
    name: "a unit factor scaled to another unit is a retune (seconds → milliseconds per day)",
    base: "const t = d * 86400;\n",
    code: "const t = d * 86400000;\n",
    findings: ["1 86400000 scale retuned was 86400"],
  },
  {
    name: "a retuned known value is still retuned",
    base: "const times = [[-6, 'dawn', 'dusk']];",
    code: "const times = [[-7, 'dawn', 'dusk']];",
    findings: ["1 -7 element retuned was -6"],
  },
];

/** Counts compared with lengths: how many, not how much. */
const counts: Case[] = [
  {
    name: "python: a TLE line's length, retuned",
    path: PY,
    base: "if (len(line) >= 69 and\n        line.startswith('2 ')):\n    pass\n",
    code: "if (len(line) >= 68 and\n        line.startswith('2 ')):\n    pass\n",
    findings: [],
  },
  { name: "a string's length", code: "if (line.length < 68) throw new Error('short');", findings: [] },
  { name: "a length on the right", code: "if (3 > parts.length) return;", findings: [] },
  { name: "python: an array's size", path: PY, code: "if x.shape[0] > 12:\n    pass\n", findings: [] },
  {
    name: "a value compared with a plain variable is a threshold",
    code: "if (line >= 68) return;",
    findings: ["1 68 threshold unjustified"],
  },
  { name: "a fractional bound on a length is a value", code: "if (xs.length > 2.5) return;", findings: ["1 2.5 threshold unjustified"] },
];

/** Structure, not quantity: modified lines, loop bounds, array dimensions, digits; sources named in words. */
const structure: Case[] = [
  {
    name: "a modified line keeps its values when the expression around them is rewritten",
    base: "if (nm >= 8.26e-3 <= 9.24e-3 && em >= 0.5) irez = 2;\n",
    code: "if ((nm >= 8.26e-3) && (nm <= 9.24e-3) && (em >= 0.5)) irez = 2;\n",
    findings: [],
  },
  {
    name: "a modified line with a new value reports the new value",
    base: "if (nm >= 8.26e-3 <= 9.24e-3 && em >= 0.5) irez = 2;\n",
    code: "if ((nm >= 8.26e-3) && (nm <= 9.3e-3) && (em >= 0.5)) irez = 2;\n",
    findings: ["1 9.3e-3 threshold unjustified"],
  },
  {
    name: "python: a modified line keeps its values when the expression around them is rewritten",
    path: PY,
    base: "if nm >= 8.26e-3 and nm <= 9.24e-3 and em >= 0.5: irez = 2\n",
    code: "if (8.26e-3 <= nm <= 9.24e-3) and (em >= 0.5): irez = 2\n",
    findings: [],
  },
  {
    name: "python: a modified line with a retuned bound reports it",
    path: PY,
    base: "if nm >= 8.26e-3 and nm <= 9.24e-3 and em >= 0.5: irez = 2\n",
    code: "if (8.26e-3 <= nm <= 9.3e-3) and (em >= 0.5): irez = 2\n",
    findings: ["1 9.3e-3 threshold unjustified"],
  },
  { name: "a two-digit year", base: "const yy = y % 1000;\n", code: "const yy = y % 100;\n", findings: [] },
  {
    name: "a table under a comment naming the paper it comes from",
    code: "// Coefficients from the EU JRC paper\nconst huld = { csi: [-0.006756, -0.016444] };\n",
    config: ADOPT,
    findings: ["2 -0.006756 element justified", "2 -0.016444 element justified"],
  },
  {
    name: "python: c written in km/s instead of m/s is c",
    path: PY,
    base: "C = 299792458  # speed of light in km/s\n",
    code: "C = 299792.458  # speed of light in km/s\n",
    findings: ["1 299792.458 initializer known-constant was 299792458"],
  },
  {
    name: "an old value on a removed line does not excuse it on an added one",
    base: "const a = 0.27;\n",
    code: "const a = 0.27;\nconst b = x * 0.27;\n",
    findings: ["2 0.27 scale unjustified"],
  },
  {
    name: "a loop bound other than 0 or 1 stays a threshold (a series' order can be tuned)",
    code: "for (let i = 0; i < 4; i++) rgb[i] = +rgb[i];",
    findings: ["1 4 threshold unjustified"],
  },
  { name: "python: an axis is an index", path: PY, code: "s = np.sum(x, axis=2)\n", findings: [] },
  {
    name: "python: a two-digit year",
    path: PY,
    base: "epochyr = y % 1000\n",
    code: "epochyr = y % 100\n",
    findings: [],
  },
  { name: "python: a modulus that is no power of ten is a value", path: PY, code: "d = n % 7\n", findings: ["1 7 operand unjustified"] },
  {
    name: "python: column specs of a fixed-width format",
    path: PY,
    code: "BSRN_LR0500_COL_SPECS = [(0, 3), (3, 8), (8, 14),\n                         (62, 68)]\n",
    findings: [],
  },
  {
    name: "python: widths passed to read_fwf",
    path: PY,
    code: "df = pd.read_fwf(f, widths=[6, 8, 7], header=None)\n",
    findings: [],
  },
  { name: "a record's column widths", code: "const FIELD_WIDTHS = [6, 8, 7];", findings: [] },
  {
    name: "fractional widths are values",
    code: "const WIDTHS = [0.27, 1.5];",
    findings: ["1 0.27 element unjustified", "1 1.5 element unjustified"],
  },
  {
    name: "python: integers in another table are values",
    path: PY,
    code: "ORDERS = [(0, 3), (3, 8)]\n",
    findings: ["1 0 element allowed", "1 3 element unjustified", "1 3 element unjustified", "1 8 element unjustified"],
  },
  {
    name: "python: the old value kept as a comment explains nothing",
    path: PY,
    base: "n = 0.230605479\n",
    code: "#n = 0.230605479\nn = 0.230652907\n",
    config: ADOPT,
    findings: ["2 0.230652907 initializer weak was 0.230605479"],
  },
  {
    name: "commented-out code above a new value explains nothing",
    code: "// const k = 1.02;\nconst k = 1.07;\n",
    config: ADOPT,
    findings: ["2 1.07 initializer weak"],
  },
  {
    name: "a derivation with an equals sign still explains",
    code: "const s60 = 0.866; // = sqrt(3) / 2\n",
    config: ADOPT,
    findings: ["1 0.866 initializer justified"],
  },
  {
    name: "python: a table under a comment naming the paper it comes from",
    path: PY,
    code: "# Coefficients from EU JRC paper\nhuld = {'csi': (-0.006756, -0.016444)}\n",
    config: ADOPT,
    findings: ["2 -0.006756 element justified", "2 -0.016444 element justified"],
  },
];

export const judgementTables: Array<[string, Case[]]> = [
  ["adoption: explains, not narrates", explains],
  ["adoption: cited tables, blocks and functions", cited],
  ["known values written out", knownValues],
  ["honest calibration", calibration],
  ["not quantities", notQuantities],
  ["the same place", samePlace],
  ["fresh comments speak for new values", freshComments],
  ["named definitions", namedDefinitions],
  ["counts compared with lengths", counts],
  ["structure, not quantity", structure],
];
