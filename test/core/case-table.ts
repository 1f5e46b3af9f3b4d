/**
 * The detection case table: code in, findings out, each row reading like a SPEC rule.
 * Shared by the core's tests and the CLI/ESLint parity test, so the two can never drift.
 * A finding is `line literal role status` (and `was OLD` for a retuned value).
 */
import type { Case } from "../helpers.js";
import { integrityTables } from "./integrity-table.js";

const GOOD = "velocity dispersion sigma_v^2 from the linear power spectrum, Eq. 3.4";
/** A second, different justification, for cases with two values. */
const GOOD2 = "one-loop counterterm amplitude c_s^2 of the EFT, Carrasco et al. 2012 Eq. 4.12";

const annotationSyntax: Case[] = [
  { name: "no comment at all", code: "const x = a * 1.002;", findings: ["1 1.002 scale unjustified"] },
  { name: "line comment on the same line", code: `const x = a * 1.002; // @physics: ${GOOD}`, findings: ["1 1.002 scale justified"] },
  { name: "line comment above", code: `// @physics: ${GOOD}\nconst x = a * 1.002;`, findings: ["2 1.002 scale justified"] },
  { name: "colon is optional", code: `// @physics ${GOOD}\nconst x = a * 1.002;`, findings: ["2 1.002 scale justified"] },
  { name: "block comment above", code: `/* @physics ${GOOD} */\nconst x = a * 1.002;`, findings: ["2 1.002 scale justified"] },
  {
    name: "inline block comment before the literal",
    code: `const x = a * /* @physics ${GOOD} */ 1.002;`,
    findings: ["1 1.002 scale justified"],
  },
  {
    name: "JSDoc tag on the declaration",
    code: `/**\n * Damping scale.\n * @physics ${GOOD}\n * @see other\n */\nexport const SIGMA = 0.27;`,
    findings: ["6 0.27 initializer justified"],
  },
  {
    name: "JSDoc tag text stops at the next tag",
    code: `/**\n * @physics short one\n * @see ${GOOD}\n */\nexport const SIGMA = 0.27;`,
    findings: ["5 0.27 initializer weak"],
  },
  { name: "tag match is case-insensitive", code: `// @Physics: ${GOOD}\nconst x = a * 1.002;`, findings: ["2 1.002 scale justified"] },
  { name: "a tag inside a word is not a tag", code: `// x@physics: ${GOOD}\nconst x = a * 1.002;`, findings: ["2 1.002 scale untagged"] },
  { name: "@physicsy is another tag", code: `// @physicsy: ${GOOD}\nconst x = a * 1.002;`, findings: ["2 1.002 scale untagged"] },
  {
    name: "custom tags",
    code: `// @source: ${GOOD}\nconst x = a * 1.002;\n// @physics: ${GOOD}\nconst y = a * 1.003;`,
    config: { tags: ["@source"] },
    findings: ["2 1.002 scale justified", "4 1.003 scale untagged"],
  },
  {
    name: "several tags",
    code: `// @source: ${GOOD}\nconst x = a * 1.002;\n// @physics: ${GOOD2}\nconst y = a * 1.003;`,
    config: { tags: ["@physics", "@source"] },
    findings: ["2 1.002 scale justified", "4 1.003 scale justified"],
  },
  {
    name: "the tagged comment wins over an untagged one nearer",
    code: `// @physics: ${GOOD}\nconst x = a * 1.002; // see notes`,
    findings: ["2 1.002 scale justified"],
  },
  { name: "untagged comment with requireTag", code: `// ${GOOD}\nconst x = a * 1.002;`, findings: ["2 1.002 scale untagged"] },
  {
    name: "requireTag false accepts a good plain comment",
    code: `// ${GOOD}\nconst x = a * 1.002;`,
    config: { requireTag: false },
    findings: ["2 1.002 scale justified"],
  },
  {
    name: "requireTag false still applies the quality rules",
    code: "// tuned to match the reference output of CLASS\nconst x = a * 1.002;",
    config: { requireTag: false },
    findings: ["2 1.002 scale weak"],
  },
];

const coverage: Case[] = [
  {
    name: "a comment on the lines above an argument of a multi-line call covers it",
    code: `const w = new Integrator(\n  f,\n  0.27,\n  // @physics: ${GOOD}\n  1.002,\n);`,
    findings: ["3 0.27 argument unjustified", "5 1.002 argument justified"],
  },
  {
    name: "a comment on its own line inside a multi-line statement covers the line below",
    code: `const P = a * 0.27 +\n  // @physics: ${GOOD}\n  b * 1.002;`,
    findings: ["1 0.27 scale unjustified", "3 1.002 scale justified"],
  },
  {
    name: "neighbour: a comment a blank line above the line does not",
    code: `const P = a * 0.27 +\n  // @physics: ${GOOD}\n\n  b * 1.002;`,
    findings: ["1 0.27 scale unjustified", "4 1.002 scale unjustified"],
  },
  {
    name: "neighbour: a comment above a one-line call covers its arguments, not the next call's",
    code: `// @physics: ${GOOD}\nf(0.27, 1.002);\ng(1.003);`,
    findings: ["2 0.27 argument justified", "2 1.002 argument justified", "3 1.003 argument unjustified"],
  },
  {
    name: "one annotation covers every literal of the statement",
    code: "// @physics: Gauss-Legendre nodes for n = 3, Abramowitz & Stegun Table 25.4\nconst nodes = [-0.7745966692, 0, 0.7745966692];",
    findings: ["2 -0.7745966692 element justified", "2 0 element justified", "2 0.7745966692 element justified"],
  },
  {
    name: "trailing comment on a multi-line statement's first line",
    code: "const nodes = [ // @physics: Gauss-Legendre nodes, Abramowitz & Stegun Table 25.4\n  -0.7745966692,\n  0.7745966692,\n];",
    findings: ["2 -0.7745966692 element justified", "3 0.7745966692 element justified"],
  },
  {
    name: "a blank line breaks the attachment",
    code: `// @physics: ${GOOD}\n\nconst x = a * 1.002;`,
    findings: ["3 1.002 scale unjustified"],
  },
  {
    name: "a file header does not cover a statement far below",
    code: `// @physics: ${GOOD}\n// module header\n\n${"const filler = compute();\n".repeat(30)}const x = a * 1.002;`,
    findings: ["34 1.002 scale unjustified"],
  },
  {
    name: "a contiguous comment block above covers",
    code: `// Velocity dispersion.\n// @physics: ${GOOD}\n// (see also the appendix)\nconst x = a * 1.002;`,
    findings: ["4 1.002 scale justified"],
  },
  {
    name: "a function's JSDoc does not cover its body",
    code: `/** @physics ${GOOD} */\nfunction f(a: number) {\n  return a * 1.002;\n}`,
    findings: ["3 1.002 scale unjustified"],
  },
  {
    name: "functionDocCoversBody lets it",
    code: `/** @physics ${GOOD} */\nfunction f(a: number) {\n  return a * 1.002;\n}`,
    config: { justification: { functionDocCoversBody: true } },
    findings: ["3 1.002 scale justified"],
  },
  {
    name: "a function's JSDoc covers its parameter defaults",
    code: `/** @physics ${GOOD} */\nfunction f(a = 0.27) {\n  return a;\n}`,
    findings: ["2 0.27 default justified"],
  },
  {
    name: "a comment above an object property covers it only",
    code: `const p = {\n  // @physics: ${GOOD}\n  sigma: 0.27,\n  beta: 0.31,\n};`,
    findings: ["3 0.27 element justified", "4 0.31 element unjustified"],
  },
  {
    name: "a comment above the declaration covers its object properties",
    code: `// @physics: Planck 2018 TT,TE,EE+lowE+lensing, Table 2 of arXiv:1807.06209\nconst planck = {\n  h: 0.6736,\n  ns: 0.9649,\n};`,
    findings: ["3 0.6736 element justified", "4 0.9649 element justified"],
  },
  {
    name: "class members",
    code: `class Model {\n  // @physics: ${GOOD}\n  sigma = 0.27;\n  beta = 0.31;\n}`,
    findings: ["3 0.27 initializer justified", "4 0.31 initializer unjustified"],
  },
  {
    name: "a class comment does not cover its members",
    code: `// @physics: ${GOOD}\nclass Model {\n  beta = 0.31;\n}`,
    findings: ["3 0.31 initializer unjustified"],
  },
  {
    name: "a comment above an if covers its condition, not its body",
    code: `// @physics: ${GOOD}\nif (x > 0.31) {\n  y = x * 1.7;\n}`,
    findings: ["2 0.31 threshold justified", "3 1.7 scale unjustified"],
  },
  {
    name: "expression-bodied arrow functions are part of the statement",
    code: `// @physics: ${GOOD}\nconst f = (a: number) => a * 1.002;`,
    findings: ["2 1.002 scale justified"],
  },
  {
    name: "a statement inside a function body gets its own comment",
    code: `function f(a: number) {\n  // @physics: ${GOOD}\n  const s = a * 1.002;\n  return s * 1.7;\n}`,
    findings: ["3 1.002 scale justified", "4 1.7 scale unjustified"],
  },
  {
    name: "a comment on the statement's last line",
    code: `const x = compute(\n  a,\n  1.002,\n); // @physics: ${GOOD}`,
    findings: ["3 1.002 argument justified"],
  },
  {
    name: "the previous statement's trailing comment does not cover the next line",
    code: `const a = 2.5; // @physics: ${GOOD}\nconst b = x * 1.7;`,
    findings: ["1 2.5 initializer justified", "2 1.7 scale unjustified"],
  },
  {
    name: "a same-line comment also covers another statement on that line",
    code: `a = 0.31; b = 0.42; // @physics: ${GOOD}`,
    findings: ["1 0.31 initializer justified", "1 0.42 initializer justified"],
  },
];

const quality: Case[] = [
  { name: "too short", code: "const x = a * 1.002; // @physics: dispersion eq", findings: ["1 1.002 scale weak"] },
  {
    name: "too few words",
    code: "const x = a * 1.002; // @physics: velocity-dispersion-from-linear-theory",
    findings: ["1 1.002 scale weak"],
  },
  { name: "empty after the tag", code: "const x = a * 1.002; // @physics:", findings: ["1 1.002 scale weak"] },
  {
    name: "placeholder TODO",
    code: "const x = a * 1.002; // @physics: TODO explain this factor later on",
    findings: ["1 1.002 scale weak"],
  },
  {
    name: "placeholder see above",
    code: "const x = a * 1.002; // @physics: see above for the details of it",
    findings: ["1 1.002 scale weak"],
  },
  {
    name: "placeholder magic number",
    code: "const x = a * 1.002; // @physics: magic number from the old code",
    findings: ["1 1.002 scale weak"],
  },
  { name: "fudge", code: "const x = a * 1.002; // @physics: fudge factor for the one-loop term", findings: ["1 1.002 scale weak"] },
  {
    name: "tuned",
    code: "const x = a * 1.002; // @physics: coefficient tuned at the fiducial cosmology",
    findings: ["1 1.002 scale weak"],
  },
  {
    name: "hand-tuned",
    code: "const x = a * 1.002; // @physics: hand-tuned amplitude of the one-loop term",
    findings: ["1 1.002 scale weak"],
  },
  { name: "tweak", code: "const x = a * 1.002; // @physics: small tweak to the damping of the BAO", findings: ["1 1.002 scale weak"] },
  { name: "hack", code: "const x = a * 1.002; // @physics: hack around the IR divergence in P13", findings: ["1 1.002 scale weak"] },
  {
    name: "empirically",
    code: "const alpha = 0.27; // @physics: empirically minimises the max error",
    findings: ["1 0.27 initializer weak"],
  },
  {
    name: "empirical fit",
    code: "const alpha = 0.27; // @physics: empirical fit to the simulation suite",
    findings: ["1 0.27 initializer weak"],
  },
  {
    name: "to match the reference",
    code: "const x = a * 1.002; // @physics: chosen to match the reference output",
    findings: ["1 1.002 scale weak"],
  },
  {
    name: "to match the tests",
    code: "const x = a * 1.002; // @physics: set so as to match the tests at z = 0",
    findings: ["1 1.002 scale weak"],
  },
  {
    name: "makes the tests pass",
    code: "const x = a * 1.002; // @physics: this value makes the tests pass at z=0",
    findings: ["1 1.002 scale weak"],
  },
  {
    name: "minimises the error",
    code: "const x = a * 1.002; // @physics: value that minimizes the residual error",
    findings: ["1 1.002 scale weak"],
  },
  {
    name: "grid search",
    code: "const x = a * 1.002; // @physics: best value from a grid search over alpha",
    findings: ["1 1.002 scale weak"],
  },
  {
    name: "trial and error",
    code: "const x = a * 1.002; // @physics: found by trial and error on the fiducial",
    findings: ["1 1.002 scale weak"],
  },
  {
    name: "plain 'empirical' naming a physical formula is accepted",
    code: "const aV = 15.8; // @physics: volume term of the empirical semi-empirical mass formula, Krane Eq. 3.28",
    findings: ["1 15.8 initializer justified"],
  },
  {
    name: "'best-fit' parameter values with a source are accepted",
    code: "const h = 0.6736; // @physics: Planck 2018 best-fit Hubble parameter, Table 2 of arXiv:1807.06209",
    findings: ["1 0.6736 initializer justified"],
  },
  // Calibration said in other words (each weak), beside the physics usage of the same word (each justified).
  ...[
    ["fiddle factor", "fiddle factor for the one-loop power spectrum at z = 0"],
    ["'gives good agreement with' another code", "gives good agreement with CLASS at z = 0 for k below 0.2"],
    ["'best agreement'", "gives the best agreement with our N-body runs at the fiducial"],
    ["'matches' another code's output", "matches CAMB output to 0.1% for k below 1 h/Mpc"],
    ["'reproduces' the reference spectrum", "reproduces the reference spectrum within the tolerance"],
    ["'calibrate' as a verb", "we calibrate this against the emulator at the fiducial"],
    ["'works best'", "the damping value that works best for the one-loop spectrum"],
    ["the test suite as the data", "determined numerically from the test suite at the fiducial"],
    ["'for the tests'", "chosen to set the damping scale right for the tests"],
    ["a regression without its data", "regression coefficient of the damping scale from our fit"],
    ["'fits the data' without its data", "fits the data at the fiducial cosmology very well"],
  ].map(([kind, text]): Case => ({
    name: `calibration in other words: ${kind}`,
    code: `const alpha = 0.27; // @physics: ${text}`,
    findings: ["1 0.27 initializer weak"],
  })),
  ...[
    ["a test particle is physics", "orbital speed of a test particle at the ISCO, Bardeen et al. 1972 Eq. 2.16"],
    ["a regression with its data", "regression slope of the mass-metallicity relation, Table 3 of Tremonti et al. 2004"],
    ["a fit with its data", "from a fit to the Planck 2018 TT spectrum, arXiv:1807.06209 Table 2"],
    ["the approximation's validity", "first-order term of the Kepler series, works for e < 0.1, Murray & Dermott 1999 Eq. 2.88"],
  ].map(([kind, text]): Case => ({
    name: `neighbour: ${kind}`,
    code: `const alpha = 0.27; // @physics: ${text}`,
    findings: ["1 0.27 initializer justified"],
  })),
  {
    name: "extra reject phrases from the config",
    code: "const x = a * 1.002; // @physics: correction from the calibration notebook run",
    config: { justification: { rejectPhrases: ["calibration notebook"] } },
    findings: ["1 1.002 scale weak"],
  },
  {
    name: "minLength and minWords are configurable",
    code: "const x = a * 1.002; // @physics: Eq. 3.4",
    config: { justification: { minLength: 5, minWords: 2 } },
    findings: ["1 1.002 scale justified"],
  },
  {
    name: "requireReference rejects a text without one",
    code: "const x = a * 1.002; // @physics: velocity dispersion of the linear field",
    config: { justification: { requireReference: true } },
    findings: ["1 1.002 scale weak"],
  },
  ...[
    ["equation", "velocity dispersion of the linear field, Eq. 12"],
    ["equation in parentheses", "velocity dispersion of the linear field, eq. (3.4)"],
    ["DOI", "velocity dispersion, doi 10.1103/PhysRevD.86.023518"],
    ["arXiv id", "velocity dispersion of the linear field, arXiv:1208.2701"],
    ["old arXiv id", "velocity dispersion of the linear field, astro-ph/0701234 arXiv:astro-ph/0701234"],
    ["URL", "velocity dispersion, see https://example.org/notes#sigma"],
    ["table", "velocity dispersion of the linear field, Table 2"],
    ["section sign", "velocity dispersion of the linear field, § 3.2"],
    ["author et al. year", "velocity dispersion as in Baldauf et al. 2015"],
    ["source location", "same as CLASS perturbations.c:5070-5075 (sigma_v)"],
  ].map(([kind, text]): Case => ({
    name: `requireReference accepts a ${kind}`,
    code: `const x = a * 1.002; // @physics: ${text}`,
    config: { justification: { requireReference: true } },
    findings: ["1 1.002 scale justified"],
  })),
];

const exemptions: Case[] = [
  {
    name: "allowValues by default",
    code: "const z = a * 2 + b * 0.5 - 1 + c * -1;",
    findings: ["1 2 scale allowed", "1 0.5 scale allowed", "1 1 offset allowed", "1 -1 scale allowed"],
  },
  {
    name: "allowValues configurable",
    code: "const z = a * 2 + b * 3;",
    config: { allowValues: [3] },
    findings: ["1 2 scale unjustified", "1 3 scale allowed"],
  },
  { name: "small integer and half exponents", code: "const e = k ** 2 + x ** 0.5 + y ** -1 + z ** 3 + Math.pow(w, 1.5);", findings: [] },
  {
    name: "integer exponents up to 12 are the form of a law (Lennard-Jones, a series)",
    code: "const u = 4 * eps * ((s / r) ** 12 - (s / r) ** 6) + Math.pow(r, -12);",
    findings: ["1 4 scale unjustified"],
  },
  {
    name: "neighbour: 13, 6.5, or a retuned integer exponent is a candidate",
    base: "const u = r ** 6;\n",
    code: "const u = r ** 7 + q ** 13 + p ** 6.5;\n",
    findings: ["1 7 exponent retuned was 6", "1 13 exponent unjustified", "1 6.5 exponent unjustified"],
  },
  {
    name: "the bound of a loop that only walks arrays is their length",
    code: "for (let i = 0; i < 3; i++) {\n  out[i] = v[i + 1] * s;\n}\n",
    findings: [],
  },
  {
    name: "neighbour: a loop that reads its counter otherwise counts terms",
    code: "for (let i = 0; i < 5; i++) sum += c[i] * x ** i;\nfor (let j = 0; j < 27; j++) acc *= k;\n",
    findings: ["1 5 threshold unjustified", "2 27 threshold unjustified"],
  },
  {
    name: "neighbour: a loop over arrays that walks more elements is retuned",
    base: "for (let i = 0; i < 3; i++) out[i] = v[i];\n",
    code: "for (let i = 0; i < 4; i++) out[i] = v[i];\n",
    findings: ["1 4 threshold retuned was 3"],
  },
  {
    name: "a loop counter compared for equality picks an iteration, as an index does",
    code: "for (let l = 0; l < n; l++) {\n  if (l === 3) s += c[l] * 0.4;\n}\n",
    findings: ["2 0.4 scale unjustified"],
  },
  {
    name: "neighbour: another name compared, or the counter bounded, is a threshold",
    code: "for (let l = 0; l < n; l++) {\n  if (k === 3 || l > 5) break;\n}\n",
    findings: ["2 3 threshold unjustified", "2 5 threshold unjustified"],
  },
  { name: "index arithmetic is an index", code: "const y = g[i - 4] + a[2 * k + 3] + b[(n + 7) % 12];", findings: [] },
  {
    name: "neighbour: a value beside an index is a value",
    code: "const y = g[i - 4] * 3 + a[Math.floor(x * 1.5)];",
    findings: ["1 3 scale unjustified", "1 1.5 scale unjustified"],
  },
  { name: "neighbour: a fraction in an index is no position", code: "const y = a[i + 0.25];", findings: ["1 0.25 index unjustified"] },
  {
    name: "an array's length is a size",
    code: "const w = new Float32Array(1024);\nconst v = new Float64Array(3 * n);\nconst u = Array.from({ length: 3 }, f);",
    findings: [],
  },
  {
    name: "either branch of a conditional size is a size, its condition is not",
    code: "const a = new Float64Array(full ? 6 : 3);\nconst b = new Float64Array(k > 7 ? n : m);",
    findings: ["2 7 threshold unjustified"],
  },
  {
    name: "neighbour: what fills an array is a value",
    code: "const w = new Array(3).fill(0.27);\nconst v = new Array(3, 4);",
    findings: ["1 0.27 argument unjustified", "2 3 argument unjustified", "2 4 argument unjustified"],
  },
  {
    name: "odd exponents are candidates",
    code: "const e = k ** 1.7 + Math.pow(w, 2.2);",
    findings: ["1 1.7 exponent unjustified", "1 2.2 exponent unjustified"],
  },
  { name: "array indexes", code: "const v = table[3] + grid[17][4];", findings: [] },
  {
    name: "loop bounds and counters against 0/1",
    code: "for (let i = 0; i < n; i += 1) { count -= 1; if (count === 0) break; if (n > 1) go(); }",
    findings: [],
  },
  { name: "other loop bounds are thresholds", code: "for (let i = 0; i < 64; i++) step();", findings: ["1 64 threshold unjustified"] },
  { name: "bitwise operands", code: "const flags = (mask & 0xff) | (bits << 3) | (x >>> 7) ^ 5;", findings: [] },
  { name: "enum member values", code: "enum Order { Tree = 3, OneLoop = 7 }", findings: [] },
  { name: "literal types and type indexes", code: "type Spin = 0.5 | 1.5;\ntype T = Tuple[3];\nlet s: 42;", findings: [] },
  {
    name: "powers of ten as scale factors",
    code: "const km = m / 1000;\nconst mm = m * 1e3;\nconst um = m * 1e-6;\nconst cm = m * 100;",
    findings: ["1 1000 scale allowed", "2 1e3 scale allowed", "3 1e-6 scale allowed", "4 100 scale allowed"],
  },
  {
    name: "a power of ten as a tolerance is a candidate",
    code: "if (err < 1e-6) done();\nconst rtol = 1e-8;",
    findings: ["1 1e-6 threshold unjustified", "2 1e-8 threshold unjustified"],
  },
  { name: "a named unit constant that is a power of ten", code: "const KM_PER_M = 1e-3;", findings: ["1 1e-3 initializer allowed"] },
  {
    name: "named unit constants: a conversion, a scale, a prefix or a unit in the name",
    code: "const msPerSecond = 1000;\nconst m2km = 1e-3;\nthis.worldScale = 100;\nconst MPC = 1e6;\nconst toCgs = 1e7;\n",
    findings: [
      "1 1000 initializer allowed",
      "2 1e-3 initializer allowed",
      "3 100 initializer allowed",
      "4 1e6 initializer allowed",
      "5 1e7 initializer allowed",
    ],
  },
  {
    name: "a tolerance's name makes a threshold, read word by word (nSteps holds no eps)",
    code: "const xtol = 0.002;\nconst relTol = 0.003;\nconst MAX_EPS = 0.004;\nconst nSteps = 64;\nconst biceps = 0.2;\n",
    findings: [
      "1 0.002 threshold unjustified",
      "2 0.003 threshold unjustified",
      "3 0.004 threshold unjustified",
      "4 64 initializer unjustified",
      "5 0.2 initializer unjustified",
    ],
  },
  {
    name: "a unit's definition read the other way, with a prefix, is a unit factor; a table keyed by units holds them",
    code: "const factors = {\n  yards: 1000 / 0.9144,\n  feet: 1000 / 0.3048,\n  meters: 1000,\n};\n",
    findings: ["2 1000 / 0.9144 element known-constant", "3 1000 / 0.3048 element known-constant", "4 1000 element allowed"],
  },
  {
    name: "neighbour: an integer unit read the other way is no unit (1000 / 60), nor is a table entry named by no unit",
    code: "const frame = 1000 / 60;\nconst t = { steps: 1000 };\n",
    findings: ["1 1000 / 60 initializer unjustified", "2 1000 element unjustified"],
  },
  {
    name: "neighbour: a named power of ten that is a cut, a step or a count is a value",
    code: "const kmax = 10;\nlet dt = 0.001;\nthis.nSteps = 1000;\nconst rMin = 1e-4;\nconst FUDGE_FACTOR = 10;\n",
    findings: [
      "1 10 initializer unjustified",
      "2 0.001 initializer unjustified",
      "3 1000 initializer unjustified",
      "4 1e-4 initializer unjustified",
      "5 10 initializer unjustified",
    ],
  },
];

const knownConstants: Case[] = [
  { name: "π at five digits", code: "const c = 3.14159 * r * 2;", findings: ["1 3.14159 scale known-constant", "1 2 scale allowed"] },
  { name: "π at three digits", code: "const area = 3.14 * r * r;", findings: ["1 3.14 scale known-constant"] },
  { name: "π truncated", code: "const area = 3.1415 * r * r;", findings: ["1 3.1415 scale known-constant"] },
  { name: "3.15 is not π", code: "const area = 3.15 * r * r;", findings: ["1 3.15 scale unjustified"] },
  { name: "3 is not π", code: "const area = 3 * r * r;", findings: ["1 3 scale unjustified"] },
  { name: "π/180", code: "const rad = deg * 0.0174533;", findings: ["1 0.0174533 scale known-constant"] },
  { name: "180 beside Math.PI", code: "const rad = deg * Math.PI / 180;", findings: ["1 180 scale known-constant"] },
  { name: "180 without π is a candidate", code: "const half = turn / 180;", findings: ["1 180 scale unjustified"] },
  {
    name: "the factorials of a power series are known constants beside a power",
    code: "const s = 1 - x * x / 6 + Math.pow(x, 4) / 120 - Math.pow(x, 6) / 5040;",
    findings: ["1 1 offset allowed", "1 6 scale unjustified", "1 120 scale known-constant", "1 5040 scale known-constant"],
  },
  { name: "neighbour: 720 without a power is no factorial", code: "const m = t / 720;", findings: ["1 720 scale unjustified"] },
  {
    name: "a plain fraction of π is a known constant, and so is a negated one",
    code: "const h = 0.5 * Math.PI;\nconst q = Math.PI * 0.25;\nconst w = -2 * Math.PI;",
    findings: [
      "1 0.5 * Math.PI initializer known-constant",
      "2 Math.PI * 0.25 initializer known-constant",
      "3 -2 * Math.PI initializer known-constant",
    ],
  },
  {
    name: "neighbour: a fraction beside a rounded π could hide a factor, and 0.27π is no constant",
    code: "const c = r * (3.14 * 1.0001);\nconst d = r * (0.27 * Math.PI);",
    findings: ["1 3.14 * 1.0001 scale unjustified", "2 0.27 * Math.PI scale unjustified"],
  },
  {
    name: "minutes per day, squared, and 1440 / 2π",
    code: "const n = no / 1440.0;\nconst xpdotp = 1440.0 / (2.0 * Math.PI);\nconst GM_KM_DAY = GM * 7464960000;",
    findings: [
      "1 1440.0 scale known-constant",
      "2 1440.0 / (2.0 * Math.PI) initializer known-constant",
      "3 7464960000 scale known-constant",
    ],
  },
  { name: "neighbour: 1440 / 6 is no unit", code: "const k = 1440 / 6.5;", findings: ["1 1440 / 6.5 initializer unjustified"] },
  {
    name: "e, √2, ln 2 and the golden ratio",
    code: "const v = [2.71828, 1.41421, 0.693147, 1.618034];",
    findings: [
      "1 2.71828 element known-constant",
      "1 1.41421 element known-constant",
      "1 0.693147 element known-constant",
      "1 1.618034 element known-constant",
    ],
  },
  { name: "G at CODATA precision", code: "const G = 6.674e-11;", findings: ["1 6.674e-11 initializer known-constant"] },
  { name: "G from CODATA 2014", code: "const G = 6.67408e-11;", findings: ["1 6.67408e-11 initializer known-constant"] },
  { name: "a wrong G", code: "const G = 6.694e-11;", findings: ["1 6.694e-11 initializer unjustified"] },
  {
    name: "speed of light, Planck, Boltzmann",
    code: "const k = [299792458, 6.62607015e-34, 1.380649e-23, 2.998e8];",
    findings: [
      "1 299792458 element known-constant",
      "1 6.62607015e-34 element known-constant",
      "1 1.380649e-23 element known-constant",
      "1 2.998e8 element known-constant",
    ],
  },
  {
    name: "astronomical constants",
    code: "const t = (jd - 2451545.0) / 36525;\nconst au = 1.495978707e11;\nconst pc = 3.0857e16;",
    findings: [
      "1 2451545.0 offset known-constant",
      "1 36525 scale known-constant",
      "2 1.495978707e11 initializer known-constant",
      "3 3.0857e16 initializer known-constant",
    ],
  },
  {
    name: "unit factors",
    code: "const s = [60, 3600, 86400, 273.15, 101325, 2.54, 0.3048];",
    findings: [
      "1 60 element known-constant",
      "1 3600 element known-constant",
      "1 86400 element known-constant",
      "1 273.15 element known-constant",
      "1 101325 element known-constant",
      "1 2.54 element known-constant",
      "1 0.3048 element known-constant",
    ],
  },
  {
    name: "imperial and nautical units by definition, and read the other way where the unit is named",
    code: "export const factors = {\n  ft: earthRadius * 3.28084,\n  in: earthRadius * 39.37,\n  nmi: earthRadius / 1852,\n  yd: earthRadius * 1.0936,\n  mi: earthRadius / 1609.344,\n};\nconst acre = 4046.8564224;\nconst yard = 0.9144;\n",
    findings: [
      "2 3.28084 scale known-constant",
      "3 39.37 scale known-constant",
      "4 1852 scale known-constant",
      "5 1.0936 scale known-constant",
      "6 1609.344 scale known-constant",
      "8 4046.8564224 initializer known-constant",
      "9 0.9144 initializer known-constant",
    ],
  },
  {
    name: "neighbour: a reciprocal's digits or the year 1852 where no unit is named are values",
    code: "const k = x * 3.28084;\nconst founded = 1852;\nconst g = y * 39.37;\n",
    findings: ["1 3.28084 scale unjustified", "2 1852 initializer unjustified", "3 39.37 scale unjustified"],
  },
  {
    name: "whole degrees where the code speaks of angles or coordinates",
    code: "const minY = Math.max(y - latDistanceInDegrees, -90.0);\nconst minX = Math.max(x - lonDistanceInDegrees, -360.0);\nangle = -90 + angle;\nconst bearing = 0 - (90 - baseAngle);\n",
    findings: [
      "1 -90.0 threshold known-constant",
      "2 -360.0 threshold known-constant",
      "3 -90 offset known-constant",
      "4 0 offset allowed",
      "4 90 offset known-constant",
    ],
  },
  {
    name: "neighbour: 90 where nothing speaks of angles is a value",
    code: "const lateness = Math.max(delay, 90);\nconst p = x * 90;\n",
    findings: ["1 90 threshold unjustified", "2 90 scale unjustified"],
  },
  {
    name: "simple multiples and ratios of π written with the named constant",
    code: "const a = 3 * Math.PI;\nconst d = (4 * r) / (3 * Math.PI);\nconst e = 8 * Math.PI * G;\nconst f = (5 * Math.PI) / 6;\n",
    findings: [
      "1 3 * Math.PI initializer known-constant",
      "2 4 scale unjustified",
      "2 3 * Math.PI scale known-constant",
      "3 8 * Math.PI scale known-constant",
      "4 (5 * Math.PI) / 6 initializer known-constant",
    ],
  },
  {
    name: "neighbour: π times a large or fractional factor is a value",
    code: "const a = 143 * Math.PI;\nconst b = 1.07 * Math.PI;\nconst c = Math.PI / 13;\n",
    findings: [
      "1 143 * Math.PI initializer unjustified",
      "2 1.07 * Math.PI initializer unjustified",
      "3 Math.PI / 13 initializer unjustified",
    ],
  },
  {
    name: "knownConstants: false",
    code: "const area = 3.14159 * r * r;",
    config: { knownConstants: false },
    findings: ["1 3.14159 scale unjustified"],
  },
  { name: "numeric separators", code: "const c = 299_792_458;", findings: ["1 299_792_458 initializer known-constant"] },
];

const roles: Case[] = [
  {
    name: "scale",
    code: "y = x * 1.7; z = x / 1.7; x *= 1.7; x /= 1.7;",
    findings: ["1 1.7 scale unjustified", "1 1.7 scale unjustified", "1 1.7 scale unjustified", "1 1.7 scale unjustified"],
  },
  {
    name: "offset",
    code: "y = x + 0.3; z = x - 0.3; x += 0.3; x -= 0.3;",
    findings: ["1 0.3 offset unjustified", "1 0.3 offset unjustified", "1 0.3 offset unjustified", "1 0.3 offset unjustified"],
  },
  {
    name: "threshold by comparison",
    code: "if (z > 0.3 && k <= 0.25) f();",
    findings: ["1 0.3 threshold unjustified", "1 0.25 threshold unjustified"],
  },
  {
    name: "threshold by clamp bounds",
    code: "const v = Math.min(Math.max(x, 0.01), 0.99);",
    findings: ["1 0.01 threshold unjustified", "1 0.99 threshold unjustified"],
  },
  {
    name: "threshold by tolerance name",
    code: "const atol = 0.003;\nconst opts = { rtol: 0.002 };",
    findings: ["1 0.003 threshold unjustified", "2 0.002 threshold unjustified"],
  },
  { name: "initializer", code: "export const TREE_ALPHA = 0.27;", findings: ["1 0.27 initializer unjustified"] },
  { name: "argument", code: "damp(k, 0.3);", findings: ["1 0.3 argument unjustified"] },
  { name: "parameter default", code: "function f(k: number, sigma = 0.3) { return k; }", findings: ["1 0.3 default unjustified"] },
  { name: "destructuring default", code: "const { sigma = 0.3 } = opts;", findings: ["1 0.3 default unjustified"] },
  { name: "array element", code: "const w = [0.3, 0.7];", findings: ["1 0.3 element unjustified", "1 0.7 element unjustified"] },
  { name: "object member", code: "const p = { omegaM: 0.31 };", findings: ["1 0.31 element unjustified"] },
  { name: "return value is an operand", code: "function f() { return 0.3; }", findings: ["1 0.3 operand unjustified"] },
  {
    name: "parentheses and type assertions are looked through",
    code: "const a = ((0.27 as number));\ny = x * (1.7);",
    findings: ["1 0.27 initializer unjustified", "2 1.7 scale unjustified"],
  },
  {
    name: "a leading minus is part of the literal",
    code: "const a = -0.27;\ny = x * -1.7;",
    findings: ["1 -0.27 initializer unjustified", "2 -1.7 scale unjustified"],
  },
  { name: "the base of a power is an operand", code: "const v = 1.7 ** n;", findings: ["1 1.7 operand unjustified"] },
];

const changes: Case[] = [
  {
    name: "only added lines are checked",
    base: "const a = x * 1.7;\n",
    code: "const a = x * 1.7;\nconst b = x * 1.002;\n",
    findings: ["2 1.002 scale unjustified"],
  },
  {
    name: "re-indented code is not new",
    base: "function f(x) {\nreturn x * 1.7;\n}\n",
    code: "function f(x) {\n    return x * 1.7;\n}\n",
    findings: [],
  },
  {
    name: "reformatted spacing is not new",
    base: "const c = x*7.5+y;\n",
    code: "const c   =   x * 7.5 + y;\n",
    findings: [],
  },
  {
    name: "moved code is not new",
    base: "const a = x * 1.7;\nconst b = 2;\nconst c = 3;\n",
    code: "const b = 2;\nconst c = 3;\nconst a = x * 1.7;\n",
    findings: [],
  },
  {
    name: "a literal moved into another expression keeping its role is not new",
    base: "const a = x * 1.7 + b;\n",
    code: "const a = x * 1.7 + c;\n",
    findings: [],
  },
  {
    name: "an operator change at the same place is a retune",
    base: "const a = x * 1.7;\n",
    code: "const a = x + 1.7;\n",
    findings: ["1 1.7 offset retuned was * 1.7"],
  },
  {
    name: "a statement split over lines is not new",
    base: "const v = compute(a, 0.31, 0.42);\n",
    code: "const v = compute(\n  a,\n  0.31,\n  0.42,\n);\n",
    findings: [],
  },
  {
    name: "retuned coefficient with an unchanged justification",
    base: `const g = 0.93; // @physics: ${GOOD}\n`,
    code: `const g = 0.95; // @physics: ${GOOD}\n`,
    findings: ["1 0.95 initializer retuned was 0.93"],
  },
  {
    name: "retuned coefficient with an unchanged justification above",
    base: `// @physics: ${GOOD}\nconst g = 0.93;\n`,
    code: `// @physics: ${GOOD}\nconst g = 0.95;\n`,
    findings: ["2 0.95 initializer retuned was 0.93"],
  },
  {
    name: "retuned coefficient with a new justification",
    base: `const g = 0.93; // @physics: ${GOOD}\n`,
    code: "const g = 0.95; // @physics: growth index for w0waCDM, Linder 2005 Eq. (6)\n",
    findings: ["1 0.95 initializer justified was 0.93"],
  },
  {
    name: "retuned coefficient whose new justification is weak",
    base: `const g = 0.93; // @physics: ${GOOD}\n`,
    code: "const g = 0.95; // @physics: retuned to match the reference output\n",
    findings: ["1 0.95 initializer weak was 0.93"],
  },
  {
    name: "retuned into an allowed value still fails",
    base: "const b = multiply(1.01);\n",
    code: "const b = multiply(2);\n",
    findings: ["1 2 argument retuned was 1.01"],
  },
  {
    name: "retuned unjustified coefficient",
    base: "return (pLin + p22 + p13) * 1.001;\n",
    code: "return (pLin + p22 + p13) * 1.002;\n",
    findings: ["1 1.002 scale retuned was 1.001"],
  },
  {
    name: "retuned second literal of a line",
    base: "const v = f(0.31, 0.42);\n",
    code: "const v = f(0.31, 0.45);\n",
    findings: ["1 0.45 argument retuned was 0.42"],
  },
  {
    name: "retuned to a known constant",
    base: "const area = 3.14 * r * r;\n",
    code: "const area = 3.14159 * r * r;\n",
    findings: ["1 3.14159 scale known-constant was 3.14"],
  },
  {
    name: "an index changed is still an index",
    base: "const v = table[3];\n",
    code: "const v = table[4];\n",
    findings: [],
  },
  {
    name: "a new justification comment alone adds nothing",
    base: "const g = 0.93;\n",
    code: `// @physics: ${GOOD}\nconst g = 0.93;\n`,
    findings: [],
  },
];

const files: Case[] = [
  { name: "JavaScript", path: "src/model.js", code: "const x = a * 1.002;", findings: ["1 1.002 scale unjustified"] },
  { name: "ES module JavaScript", path: "src/model.mjs", code: "export const x = a * 1.002;", findings: ["1 1.002 scale unjustified"] },
  { name: "CommonJS", path: "src/model.cjs", code: "module.exports = { x: 1.002 };", findings: ["1 1.002 element unjustified"] },
  {
    name: "JSX",
    path: "src/Plot.jsx",
    code: "export const P = () => <Line width={1.7} scale={k * 1.002} />;",
    findings: ["1 1.7 operand unjustified", "1 1.002 scale unjustified"],
  },
  {
    name: "TSX",
    path: "src/Plot.tsx",
    code: "export const P = (p: Props) => <Line scale={p.k * 1.002} />;",
    findings: ["1 1.002 scale unjustified"],
  },
  { name: "mts and cts", path: "src/model.mts", code: "export const x: number = a * 1.002;", findings: ["1 1.002 scale unjustified"] },
  {
    name: "CRLF line endings",
    code: `// @physics: ${GOOD}\r\nconst x = a * 1.002;\r\nconst y = a * 1.7;\r\n`,
    findings: ["2 1.002 scale justified", "3 1.7 scale unjustified"],
  },
  {
    name: "syntax error: unclosed call",
    code: "const x = f(a * 1.002\nconst y = 1.7 * b;",
    findings: ["1 1.002 scale unjustified", "2 1.7 scale unjustified"],
  },
  {
    name: "syntax error: stray tokens",
    code: "const x = a * 1.002 ))) ;;; }}}\nlet = = 0.3;",
    findings: ["1 1.002 scale unjustified", "2 0.3 initializer unjustified"],
  },
  { name: "syntax error: unterminated string", code: 'const s = "open;\nconst y = 1.7 * b;', findings: ["2 1.7 scale unjustified"] },
  {
    name: "numbers in strings and comments are not literals",
    code: 'const s = "x * 1.002"; // 0.27\nconst t = `k=${0.3}`;',
    findings: ["2 0.3 operand unjustified"],
  },
  { name: "a test file is ignored", path: "src/model.test.ts", code: "const x = a * 1.002;", findings: [] },
  { name: "a test folder is ignored", path: "test/fit.ts", code: "const x = a * 1.002;", findings: [] },
  { name: "a test module named test.js is ignored", path: "generate/test.js", code: "if (hourDiff > 0.6) fail();", findings: [] },
  {
    name: "a module whose name only contains test is read",
    path: "src/contest.ts",
    code: "const x = a * 1.002;",
    findings: ["1 1.002 scale unjustified"],
  },

  { name: "a nested __tests__ folder is ignored", path: "src/ept/__tests__/fit.ts", code: "const x = a * 1.002;", findings: [] },
  { name: "declaration files are ignored", path: "types/model.d.ts", code: "declare const x: 1.002;", findings: [] },
  { name: "generated code is ignored", path: "dist/model.js", code: "const x = a * 1.002;", findings: [] },
  { name: "minified code is ignored", path: "src/vendor.min.js", code: "const x = a * 1.002;", findings: [] },
  { name: "minified CommonJS and ES modules are ignored", path: "docs/libs/chroma.min.cjs", code: "const x = a * 1.002;", findings: [] },
  {
    name: "ignore: [] checks tests too",
    path: "src/model.test.ts",
    config: { ignore: [] },
    code: "const x = a * 1.002;",
    findings: ["1 1.002 scale unjustified"],
  },
  {
    name: "paths limit the check",
    path: "src/ui/chart.ts",
    config: { paths: ["src/physics/**"] },
    code: "const x = a * 1.002;",
    findings: [],
  },
  {
    name: "paths select physics code",
    path: "src/physics/ept.ts",
    config: { paths: ["src/physics/**"] },
    code: "const x = a * 1.002;",
    findings: ["1 1.002 scale unjustified"],
  },
  { name: "unsupported file types are not read", path: "src/model.jl", code: "x = a * 1.002", findings: [] },
  {
    name: "a long file",
    code: `${"// @physics: " + GOOD + "\nconst a = x * 1.002;\n".repeat(1)}${"const filler = compute(a);\n".repeat(500)}const late = y * 1.7;\n`,
    findings: ["2 1.002 scale justified", "503 1.7 scale unjustified"],
  },
  {
    name: "one-line minified-looking code",
    code: "const a=x*1.7,b=y+0.3;if(a>0.9){b*=1.1}",
    findings: ["1 1.7 scale unjustified", "1 0.3 offset unjustified", "1 0.9 threshold unjustified", "1 1.1 scale unjustified"],
  },
];

export const tables: Array<[string, Case[]]> = [
  ["annotation syntax", annotationSyntax],
  ["what a comment covers", coverage],
  ["justification quality", quality],
  ["exemptions", exemptions],
  ["known constants", knownConstants],
  ["roles", roles],
  ["changes: moved, reformatted, retuned", changes],
  ["files and languages", files],
  ...integrityTables,
];
