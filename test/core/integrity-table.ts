/**
 * Gate integrity (issue 8, SPEC sections 2-4): the ways around the check, each family as rows
 * that are blocked, beside the nearest harmless neighbour that passes. Same row format as
 * case-table.ts: `line literal role status` (and `was OLD` for a retune).
 */
import type { Case } from "../helpers.js";

const GOOD = "velocity dispersion sigma_v^2 from the linear power spectrum, Eq. 3.4";
const TABLE = "// @physics: Gauss-Legendre nodes for n = 3, Abramowitz & Stegun Table 25.4";

/** 1. An unchanged comment covers only what it covered before. */
const staleCoverage: Case[] = [
  {
    name: "a factor added to a statement under an old annotation",
    base: `// @physics: ${GOOD}\nconst x = a * b;\n`,
    code: `// @physics: ${GOOD}\nconst x = a * b * 1.002;\n`,
    findings: ["2 1.002 scale unjustified"],
  },
  {
    name: "neighbour: the annotation is rewritten for the new factor",
    base: `// @physics: ${GOOD}\nconst x = a * b;\n`,
    code: `// @physics: ${GOOD}, times the one-loop growth correction 1 + 2/1000 of Eq. 3.9\nconst x = a * b * 1.002;\n`,
    findings: ["2 1.002 scale justified"],
  },
  {
    name: "a new row in a cited table",
    base: `${TABLE}\nconst nodes = [\n  -0.7745966692,\n  0.7745966692,\n];\n`,
    code: `${TABLE}\nconst nodes = [\n  -0.7745966692,\n  0.7745966692,\n  0.1234,\n];\n`,
    findings: ["5 0.1234 element unjustified"],
  },
  {
    name: "neighbour: the citation is updated with the row",
    base: `${TABLE}\nconst nodes = [\n  -0.7745966692,\n  0.7745966692,\n];\n`,
    code: `// @physics: Gauss-Legendre nodes for n = 3 and the centre node of n = 5, Abramowitz & Stegun Table 25.4\nconst nodes = [\n  -0.7745966692,\n  0.7745966692,\n  0.5384693101,\n];\n`,
    findings: ["5 0.5384693101 element justified"],
  },
  {
    name: "a literal merged into an annotated declaration",
    base: `// @physics: ${GOOD}\nconst s = 0.27 * g;\n`,
    code: `// @physics: ${GOOD}\nconst s = 0.27 * g * 1.04;\n`,
    findings: ["2 1.04 scale unjustified"],
  },
  {
    name: "a new line under an old comment block",
    base: `// @physics: ${GOOD}\nconst s = 0.27;\n`,
    code: `// @physics: ${GOOD}\nconst s = 0.27,\n  t = 1.3;\n`,
    findings: ["3 1.3 initializer unjustified"],
  },
  {
    name: "the old comment moved onto the new value",
    base: `// @physics: ${GOOD}\nconst s = 0.27;\nconst other = 1;\n`,
    code: `const s = 0.27;\nconst other = 1;\n// @physics: ${GOOD}\nconst k = a * 1.9;\n`,
    findings: ["4 1.9 scale unjustified"],
  },
  {
    name: "the old comment re-punctuated over a new value",
    base: `// @physics: ${GOOD}\nconst s = 0.27 * g;\n`,
    code: `// @Physics: ${GOOD.toUpperCase()}!\nconst s = 0.27 * g * 1.5;\n`,
    findings: ["2 1.5 scale unjustified"],
  },
  {
    name: "neighbour: a change beside an old comment adds no number",
    base: `// @physics: ${GOOD}\nconst s = a * 0.27;\nconst y = f(a);\n`,
    code: `// @physics: ${GOOD}\nconst s = a * 0.27;\nconst y = f(b, 0);\n`,
    findings: ["3 0 argument allowed"],
  },
  {
    name: "an allowed value retuned is still retuned",
    base: `const y = 1;\n`,
    code: `const y = 2;\n`,
    findings: ["1 2 initializer retuned was 1"],
  },
  {
    name: "neighbour: a new file's comments are all new",
    code: `// @physics: ${GOOD}\nconst s = 0.27;\n`,
    findings: ["2 0.27 initializer justified"],
  },
];

/** 2. Retunes in disguise: the same place survives reshaping; a retune comes before every exemption. */
const disguisedRetunes: Case[] = [
  {
    name: "parentheses added around the retuned value",
    base: `const k = x * 0.93; // @physics: ${GOOD}\n`,
    code: `const k = x * (0.95); // @physics: ${GOOD}\n`,
    findings: ["1 0.95 scale retuned was 0.93"],
  },
  {
    name: "a type annotation added",
    base: `// @physics: ${GOOD}\nconst k = 0.93;\n`,
    code: `// @physics: ${GOOD}\nconst k: number = 0.95;\n`,
    findings: ["2 0.95 initializer retuned was 0.93"],
  },
  {
    name: "the statement split over lines",
    base: `// @physics: ${GOOD}\nconst v = compute(a, 0.31, 0.42);\n`,
    code: `// @physics: ${GOOD}\nconst v = compute(\n  a,\n  0.31,\n  0.45,\n);\n`,
    findings: ["5 0.45 argument retuned was 0.42"],
  },
  {
    name: "the statement moved to another function",
    base: `function f() {\n  // @physics: ${GOOD}\n  return pk * 0.93;\n}\nfunction g() {\n  return 1;\n}\n`,
    code: `function f() {\n  return 1;\n}\nfunction g() {\n  // @physics: ${GOOD}\n  return pk * 0.95;\n}\n`,
    findings: ["6 0.95 scale retuned was 0.93"],
  },
  {
    name: "neighbour: the statement moved unchanged",
    base: `function f() {\n  // @physics: ${GOOD}\n  return pk * 0.93;\n}\nfunction g() {\n  return 1;\n}\n`,
    code: `function f() {\n  return 1;\n}\nfunction g() {\n  // @physics: ${GOOD}\n  return pk * 0.93;\n}\n`,
    findings: [],
  },
  {
    name: "the same value on an unrelated removed line is not a move",
    base: `const unused = y * 1.7;\n`,
    code: `const k = x + 1.7;\n`,
    findings: ["1 1.7 offset unjustified"],
  },
  {
    name: "a multiplication turned into a division",
    base: `const k = x * 0.93; // @physics: ${GOOD}\n`,
    code: `const k = x / 0.93; // @physics: ${GOOD}\n`,
    findings: ["1 0.93 scale retuned was * 0.93"],
  },
  {
    name: "a small exponent retuned",
    base: `const p = k ** 2; // @physics: ${GOOD}\n`,
    code: `const p = k ** 2.5; // @physics: ${GOOD}\n`,
    findings: ["1 2.5 exponent retuned was 2"],
  },
  {
    name: "neighbour: a new small exponent needs nothing",
    base: `const p = k;\n`,
    code: `const p = k ** 2;\n`,
    findings: [],
  },
  {
    name: "an allowed value retuned",
    base: `const k = x * 0.5; // @physics: ${GOOD}\n`,
    code: `const k = x * 2; // @physics: ${GOOD}\n`,
    findings: ["1 2 scale retuned was 0.5"],
  },
  {
    name: "a power of ten retuned",
    base: `const k = x * 1000; // @physics: ${GOOD}\n`,
    code: `const k = x * 1100; // @physics: ${GOOD}\n`,
    findings: ["1 1100 scale retuned was 1000"],
  },
  {
    name: "a value retuned onto a known constant's digits (γ 1.4 → 1.414)",
    base: `// @physics: adiabatic index gamma of a diatomic ideal gas, Landau & Lifshitz 1980\nconst GAMMA = 1.4;\n`,
    code: `// @physics: adiabatic index gamma of a diatomic ideal gas, Landau & Lifshitz 1980\nconst GAMMA = 1.414;\n`,
    findings: ["2 1.414 initializer retuned was 1.4"],
  },
  {
    name: "Math.PI renamed (math_PI) is no retune of 2π",
    base: "const omega = 2.0 * Math.PI * f;\n",
    code: "const omega = 2.0 * math_PI * f;\n",
    findings: [],
  },
  {
    name: "neighbour: 2π made 3π while renaming is a retune",
    base: "const omega = 2.0 * Math.PI * f;\n",
    code: "const omega = 3.0 * math_PI * f;\n",
    findings: ["1 3.0 scale retuned was 2.0 * Math.PI"],
  },
  {
    name: "neighbour: a function changed around the same number is a retune",
    base: "const k = x * Math.sqrt(1.004);\n",
    code: "const k = x * Math.cbrt(1.004);\n",
    findings: ["1 Math.cbrt(1.004) scale retuned was Math.sqrt(1.004)"],
  },
  {
    name: "neighbour: a known constant written more precisely is not a retune",
    base: `const c = 2 * r * 3.14;\n`,
    code: `const c = 2 * r * 3.14159;\n`,
    findings: ["1 3.14159 scale known-constant was 3.14"],
  },
  {
    name: "reshaped: the factor moved to the other side of the product",
    base: `// @physics: ${GOOD}\nconst k = x * 0.93;\n`,
    code: `// @physics: ${GOOD}\nconst k = 0.95 * x;\n`,
    findings: ["2 0.95 scale retuned was 0.93"],
  },
];

/** 3. Case, spacing, punctuation and filler words are no edit of a justification. */
const trivialEdits: Case[] = [
  {
    name: "a retune with the justification re-cased and re-punctuated",
    base: `const g = 0.93; // @physics: ${GOOD}\n`,
    code: `const g = 0.95; // @Physics:   ${GOOD.toUpperCase()}.\n`,
    findings: ["1 0.95 initializer retuned was 0.93"],
  },
  {
    name: "a retune with filler words added to the justification",
    base: `const g = 0.93; // @physics: ${GOOD}\n`,
    code: `const g = 0.95; // @physics: this is the ${GOOD}, see here\n`,
    findings: ["1 0.95 initializer retuned was 0.93"],
  },
  {
    name: "a retune with the justification marked as updated",
    base: `const g = 0.93; // @physics: ${GOOD}\n`,
    code: `const g = 0.95; // @physics: ${GOOD} (updated, v2)\n`,
    findings: ["1 0.95 initializer retuned was 0.93"],
  },
  {
    name: "neighbour: a retune whose justification says what changed",
    base: `const g = 0.93; // @physics: ${GOOD}\n`,
    code: `const g = 0.95; // @physics: ${GOOD}, now at z = 0.5 instead of z = 0 (Eq. 3.6)\n`,
    findings: ["1 0.95 initializer justified was 0.93"],
  },
  {
    name: "a retune with the justification's words reordered",
    base: `const g = 0.93; // @physics: ${GOOD}\n`,
    code: `const g = 0.95; // @physics: Eq. 3.4, ${GOOD.replace(", Eq. 3.4", "")}\n`,
    findings: ["1 0.95 initializer retuned was 0.93"],
  },
  {
    name: "neighbour: a tagged justification that adds a reason in the author's words covers the retune",
    base: `const g = 0.93; // @physics: ${GOOD}\n`,
    code: `const g = 0.95; // @physics: ${GOOD}, now including the baryon feedback term\n`,
    findings: ["1 0.95 initializer justified was 0.93"],
  },
  {
    name: "a retune with a word added that says nothing of the value",
    base: `const g = 0.93; // @physics: ${GOOD}\n`,
    code: `const g = 0.95; // @physics: ${GOOD} (fast)\n`,
    findings: ["1 0.95 initializer retuned was 0.93"],
  },
  {
    name: "a typo fixed in a cited function doc does not cover a new factor",
    base: "/**\n * One-loop power spectrum, Smith et al. 2003 eq. 4. Implments the halo model.\n */\nexport function p(k: number) {\n  return k * 0.93;\n}\n",
    code: "/**\n * One-loop power spectrum, Smith et al. 2003 eq. 4. Implements the halo model.\n */\nexport function p(k: number) {\n  return k * 0.93 * 1.15;\n}\n",
    config: { requireTag: false },
    findings: ["5 1.15 scale unjustified"],
  },
  {
    name: "a retuned default whose doc writes the new value and adds a word is retuned",
    base: "/**\n * Drag, Smith et al. 2003 eq. 4.\n * @param {number} [k=0.93] drag coefficient\n */\nfunction drag(v, k = 0.93) {\n  return v * k;\n}\n",
    code: "/**\n * Drag, Smith et al. 2003 eq. 4, simplified.\n * @param {number} [k=0.95] drag coefficient\n */\nfunction drag(v, k = 0.95) {\n  return v * k;\n}\n",
    config: { requireTag: false },
    findings: ["5 0.95 default retuned was 0.93"],
  },
  {
    name: "neighbour: a citation's equation number or year changed covers the retune",
    base: "const g = 0.93; // drag coefficient, Smith et al. 2003 eq. 4\nconst h = 0.41; // drag coefficient, Smith et al. 2003\n",
    code: "const g = 0.95; // drag coefficient, Smith et al. 2003 eq. 5\nconst h = 0.43; // drag coefficient, Smith et al. 2005\n",
    config: { requireTag: false },
    findings: ["1 0.95 initializer justified was 0.93", "2 0.43 initializer justified was 0.41"],
  },
  {
    name: "neighbour: a quantity the comment states changed (4 hours → an hour) covers the retune",
    base: "const stepDays = 0.15; // catch days at least 4 hours long\n",
    code: "const stepDays = 0.04; // catch days at least an hour long\n",
    config: { requireTag: false },
    findings: ["1 0.04 initializer justified was 0.15"],
  },
  {
    name: "neighbour: a new comment is read whole, whatever words older comments share",
    base: "// drag coefficient, Smith et al. 2003 eq. 4\nconst g = 0.93;\n",
    code: "// drag coefficient, Smith et al. 2003 eq. 4\nconst g = 0.93;\n// lift coefficient, Smith et al. 2003 eq. 4\nconst l = 0.27;\n",
    config: { requireTag: false },
    findings: ["4 0.27 initializer justified"],
  },
];

/** 6. Comment laundering: the whole block is judged, after normalising its text. */
const laundering: Case[] = [
  { name: "calibration words before the tag", code: `// tuned, @physics: ${GOOD}\nconst k = x * 1.002;`, findings: ["2 1.002 scale weak"] },
  {
    name: "calibration words on the next line",
    code: `// @physics: ${GOOD}\n// (empirically minimises the error)\nconst k = x * 1.002;`,
    findings: ["3 1.002 scale weak"],
  },
  {
    name: "an untagged line of the block admits a fudge",
    code: `// fudge factor for now\n// @physics: ${GOOD}\nconst k = x * 1.002;`,
    findings: ["3 1.002 scale weak"],
  },
  {
    name: "after another JSDoc tag",
    code: `/**\n * @physics ${GOOD}\n * @remarks value found by grid search over the fiducial cosmology\n */\nexport const K = 1.002;`,
    findings: ["5 1.002 initializer weak"],
  },
  {
    name: "a zero-width space inside a word",
    code: `// @physics: ${GOOD}, tu\u200bned to CLASS\nconst k = x * 1.002;`,
    findings: ["2 1.002 scale weak"],
  },
  { name: "full-width letters", code: `// @physics: ${GOOD}, ｔｕｎｅｄ\nconst k = x * 1.002;`, findings: ["2 1.002 scale weak"] },
  {
    name: "a Cyrillic look-alike letter",
    code: `// @physics: ${GOOD}, tun\u0435d\nconst k = x * 1.002;`,
    findings: ["2 1.002 scale weak"],
  },
  { name: "a negated tag", code: `// no @physics: ${GOOD}\nconst k = x * 1.002;`, findings: ["2 1.002 scale weak"] },
  { name: "a placeholder before the tag", code: `// TODO @physics: ${GOOD}\nconst k = x * 1.002;`, findings: ["2 1.002 scale weak"] },
  {
    name: "the same text copied onto an unrelated value",
    code: `// @physics: ${GOOD}\nconst a = x * 1.002;\n// @physics: ${GOOD}\nconst b = y * 0.31;`,
    findings: ["2 1.002 scale weak", "4 0.31 scale weak"],
  },
  {
    name: "neighbour: the same text over the same value in two places",
    code: `// @physics: ${GOOD}\nconst a = x * 0.27;\n// @physics: ${GOOD}\nconst b = y * 0.27;`,
    findings: ["2 0.27 scale justified", "4 0.27 scale justified"],
  },
  {
    name: "a statement copied whole with its justification (a port, a built copy) is no copied justification",
    code: `// @physics: ${GOOD}\nconst a = x * 1.002, b = y * 0.31;\n// @physics: ${GOOD}\nconst c = x * 1.002, d = y * 0.31;`,
    findings: ["2 1.002 scale justified", "2 0.31 scale justified", "4 1.002 scale justified", "4 0.31 scale justified"],
  },
  {
    name: "neighbour: a value only one copy has is copied onto",
    code: `// @physics: ${GOOD}\nconst a = x * 1.002, b = y * 0.31;\n// @physics: ${GOOD}\nconst c = x * 1.002, d = y * 0.31 * 0.27;`,
    findings: [
      "2 1.002 scale justified",
      "2 0.31 scale justified",
      "4 1.002 scale justified",
      "4 0.31 scale justified",
      "4 0.27 scale weak",
    ],
  },
  ...[
    "optimised against the N-body suite",
    "chosen to reproduce the simulation",
    "agrees with CLASS to 0.1%",
    "reduces the deviation at high k",
    "scanned over 0.2-0.4",
    "best-fit value, it works",
    "adjusted so that the BAO peak lines up",
  ].map((words) => ({
    name: `wider vocabulary: "${words}"`,
    code: `// @physics: damping amplitude of the BAO wiggles, ${words}\nconst k = x * 1.002;`,
    findings: ["2 1.002 scale weak"],
  })),
  ...[
    "this value works well in practice",
    "determined by numerical experiments on the grid",
    "the factor that makes P(k) match halofit",
    "found by bisection to reproduce Table 2",
    "heuristic damping of the BAO wiggles",
    "a rule of thumb for the damping",
    "timescale changed to track changes in the MATLAB version",
  ].map((words) => ({
    name: `calibration in other words: "${words}"`,
    code: `// @physics: ${words}\nconst k = x * 1.002;`,
    findings: ["2 1.002 scale weak"],
  })),
  ...[
    "lorem ipsum dolor sit amet consectetur",
    "as discussed with Bob on Slack last week",
    "legacy value, do not change it",
    "kept from the previous implementation",
    "velocity dispersion velocity dispersion velocity",
  ].map((words) => ({
    name: `filler, hearsay or a repeated phrase: "${words}"`,
    code: `// @physics: ${words}\nconst k = x * 1.002;`,
    findings: ["2 1.002 scale weak"],
  })),
  {
    name: "neighbour: a calibration word negated is no admission",
    code: "// @physics: velocity dispersion of the halo (not tuned), Eq. 3.4\nconst k = x * 1.002;\n// @physics: not a fudge factor: the damping scale of Eq. 3.4\nconst j = y * 0.31;",
    findings: ["2 1.002 scale justified", "4 0.31 scale justified"],
  },
  {
    name: "neighbour: a negation does not hide the admission beside it",
    code: "// @physics: damping of Eq. 3.4, not derived but tuned to the N-body runs\nconst k = x * 1.002;",
    findings: ["2 1.002 scale weak"],
  },
  {
    name: "neighbour: a heuristic argument is physics",
    code: "// @physics: the virial radius from the heuristic argument of Eq. 3.4\nconst k = x * 1.002;",
    findings: ["2 1.002 scale justified"],
  },
  {
    name: "neighbour: a fit that names its data",
    code: `// @physics: best-fit amplitude A_s from Planck 2018 TT,TE,EE+lowE, Table 2 of arXiv:1807.06209\nconst k = x * 2.1;`,
    findings: ["2 2.1 scale justified"],
  },
  ...[
    "the fine-tuning problem of the Higgs mass sets this cutoff scale",
    "Hackbusch hierarchical-matrix admissibility constant, Hackbusch 2015 Eq. 4.2",
    "to match the boundary condition at the reference radius r_0 of Eq. 2.3",
    "the Gauss weights minimise the quadrature error for polynomials of degree 2n-1",
    "attuned to the Hubble rate at recombination, Eq. 7",
  ].map((words) => ({
    name: `neighbour: physics wording "${words.slice(0, 30)}…"`,
    code: `// @physics: ${words}\nconst k = x * 1.002;`,
    findings: ["2 1.002 scale justified"],
  })),
  {
    name: "neighbour: a justification continued over several lines",
    code: "// @physics: velocity dispersion\n// of the linear field,\n// Eq. 3.4\nconst k = x * 1.002;",
    findings: ["4 1.002 scale justified"],
  },
];

/** 4. An expression of literals only is one value, judged by its folded value. */
const constantExpressions: Case[] = [
  { name: "1 + 2/1000", code: "const k = x * (1 + 2 / 1000);", findings: ["1 1 + 2 / 1000 scale unjustified"] },
  { name: "(1002 | 0) / 1000", code: "const k = x * ((1002 | 0) / 1000);", findings: ["1 (1002 | 0) / 1000 scale unjustified"] },
  { name: "10 ** -3 * 1002", code: "const k = x * (10 ** -3 * 1002);", findings: ["1 10 ** -3 * 1002 scale unjustified"] },
  { name: "Math.sqrt(1.004)", code: "const k = x * Math.sqrt(1.004);", findings: ["1 Math.sqrt(1.004) scale unjustified"] },
  { name: "a folded initializer", code: "const ALPHA = 0.25 + 0.02;", findings: ["1 0.25 + 0.02 initializer unjustified"] },
  {
    name: "exemptions apply to the folded value, not its parts",
    code: "const k = x * (2 * 0.5 + 0.002);",
    findings: ["1 2 * 0.5 + 0.002 scale unjustified"],
  },
  { name: "neighbour: m * 10 ** -3 is a unit scale", code: "const km = m * 10 ** -3;", findings: ["1 10 ** -3 scale allowed"] },
  { name: "neighbour: 2 * 3.14159 is 2π", code: "const c = 2 * 3.14159 * r;", findings: ["1 2 * 3.14159 scale known-constant"] },
  {
    name: "neighbour: Math.PI / 180 is a known constant",
    code: "const rad = deg * (Math.PI / 180);",
    findings: ["1 Math.PI / 180 scale known-constant"],
  },
  {
    name: "neighbour: 60 * 60 is seconds per hour",
    code: "const t = hours * 60 * 60;",
    findings: ["1 60 scale known-constant", "1 60 scale known-constant"],
  },
  {
    name: "neighbour: milliseconds per day",
    code: "const DAY_MS = 1000 * 60 * 60 * 24;",
    findings: ["1 1000 * 60 * 60 * 24 initializer known-constant"],
  },
  {
    name: "values refactored into a new statement are new, not retunes of an unrelated return",
    base: "function moonAnomaly(d) {\n  return rad * (134.963 + 13.064993 * d);\n}\nconst th0 = rad * 280.16;\n",
    code: "function sidereal(d) {\n  return rad * (280.16 + 360.9856235 * d) - lw;\n}\n",
    findings: ["2 280.16 offset unjustified", "2 360.9856235 scale unjustified"],
  },
  { name: "3.14 * 1.002 is no π", code: "const c = r * (3.14 * 1.002);", findings: ["1 3.14 * 1.002 scale unjustified"] },
  { name: "neighbour: a constant index", code: "const v = table[2 + 1];", findings: [] },
  {
    name: "an enum member with a fractional value",
    code: "enum Weights { Low = 0.27, High = 2 }",
    findings: ["1 0.27 enum-member unjustified"],
  },
  {
    name: "an integer enum member the file computes with is a number",
    code: "enum Tuning {\n  ALPHA = 27,\n}\nconst k = x * Tuning.ALPHA / 100;\nconst j = -Tuning.ALPHA;\n",
    findings: ["2 27 enum-member unjustified", "4 100 scale allowed"],
  },
  {
    name: "neighbour: members compared or combined as flags name cases",
    code: "enum Mode {\n  A = 27,\n  B = 4,\n}\nif (m === Mode.A) f(Mode.A | Mode.B);\n",
    findings: [],
  },
  { name: "neighbour: integer enum values, bit flags included", code: "enum Flags { A = 1 << 0, B = 1 << 1, C = 12 }", findings: [] },
];

/** 5. A number in a string that the code turns into a number is a literal. */
const numbersInStrings: Case[] = [
  { name: 'Number("1.002")', code: 'const k = x * Number("1.002");', findings: ["1 1.002 scale unjustified"] },
  { name: "parseFloat", code: "const ALPHA = parseFloat('0.27');", findings: ["1 0.27 initializer unjustified"] },
  { name: "unary plus", code: 'const k = x * +"1.002";', findings: ["1 1.002 scale unjustified"] },
  {
    name: "JSON.parse",
    code: 'const p = JSON.parse(\'{"alpha": 0.27, "n": 2}\');',
    findings: ["1 0.27 initializer unjustified", "1 2 initializer allowed"],
  },
  { name: "a template literal", code: "const k = x * Number(`1.002`);", findings: ["1 1.002 scale unjustified"] },
  { name: "an environment default", code: 'const k = x * Number(process.env.K ?? "1.002");', findings: ["1 1.002 argument unjustified"] },
  { name: "a new Function body", code: 'const f = new Function("x", "return x * 1.002");', findings: ["1 1.002 argument unjustified"] },
  {
    name: "neighbour: a justified number in a string",
    code: `// @physics: ${GOOD}\nconst k = x * Number("1.002");`,
    findings: ["2 1.002 scale justified"],
  },
  { name: "parentheses around the string", code: 'const k = x * +("1.002");', findings: ["1 1.002 scale unjustified"] },
  { name: "a type assertion around the string", code: 'const k = x * Number("1.002" as string);', findings: ["1 1.002 scale unjustified"] },
  { name: "arithmetic coercion", code: 'const k = x * ("1.002" - 0);', findings: ["1 1.002 offset unjustified", "1 0 offset allowed"] },
  { name: "a string operand of *", code: 'const k = x * "1.002";', findings: ["1 1.002 scale unjustified"] },
  { name: "neighbour: + concatenates", code: 'const label = "v" + "1.002";', findings: [] },
  { name: "neighbour: numbers in a plain string stay text", code: 'const label = "run 1.002 of 3";', findings: [] },
  { name: "neighbour: a number in a log message", code: 'console.log("alpha = 0.27");', findings: [] },
  { name: "a concatenation converted", code: "const k = x * parseFloat('1' + '.002');", findings: ["1 '1' + '.002' scale unjustified"] },
  {
    name: "a concatenation of three parts under unary plus",
    code: "const k = x * +('1' + '.' + '002');",
    findings: ["1 '1' + '.' + '002' scale unjustified"],
  },
  { name: "a concatenation coerced by *", code: 'const k = x * ("1" + ".002");', findings: ['1 "1" + ".002" scale unjustified'] },
  { name: "neighbour: a concatenation logged stays text", code: "console.log('alpha = ' + '0.27');", findings: [] },
  {
    name: "a string cut into pieces the code converts",
    code: 'const k = x * Number("x,1.002".split(",")[1]);\nconst c = "0.27 1.3".split(" ").map(Number);\nconst d = new Float64Array("a,0.28".split(",").slice(1));\nconst m = x * +"a:1.003".split(":")[1];\nconst e = "k=0.29".match(/[\\d.]+/g)!.map((s) => Number(s));\n',
    findings: [
      "1 1.002 scale unjustified",
      "2 0.27 initializer unjustified",
      "2 1.3 initializer unjustified",
      "3 0.28 initializer unjustified",
      "4 1.003 scale unjustified",
      "5 0.29 initializer unjustified",
    ],
  },
  {
    name: "a table written as text and cut",
    code: "const rows = `0.27 1.3\n 2.7 4.1`.split(/\\s+/);\n",
    findings: [
      "1 0.27 initializer unjustified",
      "1 1.3 initializer unjustified",
      "2 2.7 initializer unjustified",
      "2 4.1 initializer unjustified",
    ],
  },
  {
    name: "a table written as text and named is read where it stands",
    code: "const TABLE = `\n0.27 1.3\n2.7 4.1\n`;\nconst t = { row: '0.1 0.2 0.3' };\nconst label = '1 2';\n",
    findings: [
      "2 0.27 initializer unjustified",
      "2 1.3 initializer unjustified",
      "3 2.7 initializer unjustified",
      "3 4.1 initializer unjustified",
      "5 0.1 element unjustified",
      "5 0.2 element unjustified",
      "5 0.3 element unjustified",
    ],
  },
  {
    name: "a retune inside a cut string",
    base: 'const c = "0.27 0.5".split(" ").map(Number);\n',
    code: 'const c = "0.30 0.5".split(" ").map(Number);\n',
    findings: ["1 0.30 initializer retuned was 0.27"],
  },
  {
    name: "neighbour: versions, dates and words cut are no numbers",
    code: 'const v = "1.2.3".split(".").map(Number);\nconst d = "2000-01-01".split("-");\nconst parts = "run 7 of 9".split(" ");\n',
    findings: [],
  },
  { name: "neighbour: a concatenation with a variable is no literal", code: "const k = Number('1.' + digits);", findings: [] },
  {
    name: "a template of literals converted",
    code: "const k = x * Number(`${1}.002`);",
    findings: ["1 `${1}.002` scale unjustified", "1 1 operand allowed"],
  },
  { name: "neighbour: a template with a variable is text", code: "const k = x * Number(`${whole}.002`);", findings: [] },
  { name: "a tagged template that is one number", code: "const k = x * num`1.002`;", findings: ["1 1.002 scale unjustified"] },
  { name: "neighbour: a tagged template of text", code: "const s = html`<p>run 1.002 of 3</p>`;", findings: [] },
  {
    name: "arbitrary-precision numbers from strings (decimal.js, big.js, bignumber.js, mathjs)",
    code: "const a = x.times(new Decimal('1.002'));\nconst b = Big('1.003');\nconst c = new BigNumber('0.27');\nconst d = math.bignumber('0.28');",
    findings: [
      "1 1.002 argument unjustified",
      "2 1.003 initializer unjustified",
      "3 0.27 initializer unjustified",
      "4 0.28 initializer unjustified",
    ],
  },
  { name: "a mathjs expression is code", code: "const y = math.evaluate('x * 1.002', { x });", findings: ["1 1.002 argument unjustified"] },
  { name: "neighbour: another library's evaluate is not mathjs", code: "const y = page.evaluate('window.scrollY > 300');", findings: [] },
  {
    name: "an array's size read back at once is a number, not a shape",
    code: "const k = x * new Array(27).length / 100;\nconst j = x * Array.from({ length: 27 }).length / 100;",
    findings: ["1 27 argument unjustified", "1 100 scale allowed", "2 27 element unjustified", "2 100 scale allowed"],
  },
  {
    name: "an array's filled entries summed read its size back",
    code: "const k = x * new Array(27).fill(1).reduce((a, b) => a + b, 0) / 100;\nconst buf = new Float64Array(27).fill(1);\n",
    findings: ["1 27 argument unjustified", "1 1 argument allowed", "1 0 argument allowed", "1 100 scale allowed", "2 1 argument allowed"],
  },
  {
    name: "a string a bitwise operator converts is a number",
    code: 'const k = x * ("27" | 0) / 100;\nconst j = x * ~~"27" / 100;\nconst m = x * ("27" >>> 0);\n',
    findings: [
      "1 27 scale unjustified",
      "1 100 scale allowed",
      "2 27 operand unjustified",
      "2 100 scale allowed",
      "3 27 scale unjustified",
    ],
  },
  {
    name: "a string a Math function reads is a number",
    code: 'const k = x * Math.max("0.27", 0);\nconst j = Math.min(y, "1.07");\n',
    findings: ["1 0.27 threshold unjustified", "1 0 threshold allowed", "2 1.07 threshold unjustified"],
  },
  { name: "neighbour: flags combined bitwise are no numbers from strings", code: "const mode = FLAG_A | FLAG_B | 0x4;", findings: [] },
  {
    name: "an integer written in another base",
    code: 'const k = x * parseInt("1b", 16);\nconst j = x * Number("0x1b");\nconst m = x * +"0b11011";\nconst n = x * parseInt("0x1B", 16);\n',
    findings: ["1 1b scale unjustified", "2 0x1b scale unjustified", "3 0b11011 scale unjustified", "4 0x1B scale unjustified"],
  },
  { name: "neighbour: a radix that is not a literal leaves the text", code: 'const k = x * parseInt("1b", radix);', findings: [] },
  { name: "neighbour: a signed hexadecimal string is NaN to Number", code: 'const k = x * Number("-0x1b");', findings: [] },
  {
    name: "a power of ten beside e or π makes another number, not a unit conversion",
    code: "const k = x * Math.E / 10;\nconst j = y * Math.PI * 1e-1;\nconst ms = t * 1000;\n",
    findings: ["1 10 scale unjustified", "2 1e-1 scale unjustified", "3 1000 scale allowed"],
  },
  { name: "a BigInt factor", code: "const k = x * 1002n / 1000n;", findings: ["1 1002n scale unjustified", "1 1000n scale allowed"] },
  { name: "a BigInt ratio folded", code: "const K = 1002n / 1000n;", findings: ["1 1002n / 1000n initializer unjustified"] },
  {
    name: "a BigInt retuned",
    base: "const k = x * 1002n;\n",
    code: "const k = x * 1003n;\n",
    findings: ["1 1003n scale retuned was 1002n"],
  },
  { name: "neighbour: a BigInt counter", code: "let n = 0n;\nn += 1n;", findings: ["1 0n initializer allowed"] },
];

/** Found replaying real history (skyfield): numbers that are no coefficients. */
const notCoefficients: Case[] = [
  { name: "a name containing 'version' is no version", code: "const conversion = 1.002;\n", findings: ["1 1.002 initializer unjustified"] },
  { name: "APP_VERSION is a version", base: "export const APP_VERSION = 3;\n", code: "export const APP_VERSION = 4;\n", findings: [] },
  {
    name: "a version bump is no retune",
    base: "export const VERSION_INFO = [1, 53];\n",
    code: "export const VERSION_INFO = [1, 54];\n",
    findings: [],
  },
  { name: "a version string is no literal", code: 'export const version = "1.54";\n', findings: [] },
  { name: "numeric object keys name entries", code: "const GM = { 199: mercury, 299: venus };\n", findings: [] },
  {
    name: "a fractional key names an entry too (a table's probability level), its value is a value",
    code: "const chi2 = { 10: { 0.995: 2.16, .975: 3.25 } };\n",
    findings: ["1 2.16 element unjustified", "1 3.25 element unjustified"],
  },
  { name: "neighbour: a fractional index is a value", code: "const v = a[0.25];\n", findings: ["1 0.25 index unjustified"] },
  {
    name: "neighbour: a value in a keyed table still needs a justification",
    code: "const GM = { 199: 22031.8 };\n",
    findings: ["1 22031.8 element unjustified"],
  },
  {
    name: "a check of the runtime's version",
    code: 'if (Number(process.versions.node.split(".")[0]) >= 18) run();\nconst legacy = 14 > Number(process.version.slice(1, 3));\n',
    findings: [],
  },
  {
    name: "python: a check of the interpreter's version",
    path: "src/model.py",
    code: "PY3 = sys.version_info > (3,)\nif sys.version_info >= (3, 8):\n    pass\nif sys.version_info[0] < 3:\n    pass\n",
    findings: [],
  },
  {
    name: "neighbour: a value compared beside a version check is a value",
    path: "src/model.py",
    code: "if sys.version_info >= (3, 8) and ratio > 1.07:\n    pass\n",
    findings: ["1 1.07 threshold unjustified"],
  },
  {
    name: "neighbour: a value compared beside a version check is a value (TS)",
    code: "if (ratio > 1.07 && major(version) >= 3) run();\n",
    findings: ["1 1.07 threshold unjustified"],
  },
  {
    name: "neighbour: a name containing 'version' in an expression is no exemption",
    code: "const k = conversion * 1.002;\n",
    findings: ["1 1.002 scale unjustified"],
  },
];

export const integrityTables: Array<[string, Case[]]> = [
  ["integrity 1: stale coverage", staleCoverage],
  ["integrity 2: retunes in disguise", disguisedRetunes],
  ["integrity 3: trivial edits of a justification", trivialEdits],
  ["integrity 4: constant expressions", constantExpressions],
  ["integrity 5: numbers in strings", numbersInStrings],
  ["integrity 6: comment laundering", laundering],
  ["not coefficients", notCoefficients],
];
