/**
 * The ESLint rules as tables, in the manner of typescript-eslint: TypeScript through
 * @typescript-eslint/rule-tester, JavaScript through ESLint's own RuleTester and default parser.
 */
import { afterAll, describe, it } from "@jest/globals";
import { RuleTester } from "@typescript-eslint/rule-tester";
import { RuleTester as EslintRuleTester } from "eslint";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { preferNamedConstant } from "../../src/eslint/rules/prefer-named-constant.js";
import { requireJustification } from "../../src/eslint/rules/require-justification.js";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const ts = new RuleTester();
const GOOD = "velocity dispersion sigma_v^2 of the linear field, Eq. 3.4";

// A repository policy on disk, for the configFile option.
const repo = mkdtempSync(join(tmpdir(), "no-patch-eslint-"));
mkdirSync(join(repo, ".github"));
writeFileSync(join(repo, ".github", "no-patch.yml"), "tags: ['@source']\nallowValues: [0, 1, 7.5]\n");
writeFileSync(join(repo, "strict.yml"), "justification:\n  requireReference: true\n");

ts.run("require-justification (TypeScript)", requireJustification, {
  valid: [
    { name: "justified on the same line", code: `const x = a * 1.002; // @physics: ${GOOD}` },
    { name: "justified above", code: `// @physics: ${GOOD}\nconst x = a * 1.002;` },
    { name: "JSDoc tag", code: `/** @physics ${GOOD} */\nexport const SIGMA = 0.27;` },
    {
      name: "one annotation for a whole array",
      code: "// @physics: Gauss-Legendre nodes, Abramowitz & Stegun Table 25.4\nconst nodes = [-0.7745966692, 0, 0.7745966692];",
    },
    { name: "allowed values", code: "const z = a * 2 + b * 0.5 - 1;" },
    { name: "small exponents", code: "const e = k ** 2 + x ** 0.5 + Math.pow(y, 1.5);" },
    { name: "indexes and loop bounds", code: "for (let i = 0; i < n; i++) { v = table[i] + grid[3]; }" },
    { name: "bitwise", code: "const f = (m & 0xff) | (b << 3);" },
    { name: "enum members", code: "enum Order { Tree = 3, OneLoop = 7 }" },
    { name: "literal types", code: "type Spin = 0.5 | 1.5; let s: 42;" },
    { name: "powers of ten as unit scales", code: "const km = m / 1000; const um = m * 1e-6;" },
    { name: "known constants are not this rule's", code: "const area = 3.14159 * r * r; const G = 6.674e-11;" },
    { name: "numbers in strings and comments", code: 'const s = "x * 1.002"; // 0.27' },
    { name: "a test file is ignored by default", code: "const x = a * 1.002;", filename: "src/model.test.ts" },
    {
      name: "paths limit the rule to physics code",
      code: "const x = a * 1.002;",
      filename: "src/ui/chart.ts",
      options: [{ paths: ["src/physics/**"] }],
    },
    { name: "custom tags", code: `// @source: ${GOOD}\nconst x = a * 1.002;`, options: [{ tags: ["@source"] }] },
    { name: "requireTag false accepts a plain comment", code: `// ${GOOD}\nconst x = a * 1.002;`, options: [{ requireTag: false }] },
    { name: "allowValues option", code: "const z = a * 7.5;", options: [{ allowValues: [7.5] }] },
    {
      name: "configFile reads the repository policy",
      code: `// @source: ${GOOD}\nconst x = a * 7.5 * 1.002;`,
      filename: join(repo, "src/model.ts"),
      options: [{ configFile: join(repo, ".github/no-patch.yml") }],
    },
    {
      name: "syntax errors elsewhere do not hide justified code",
      code: `// @physics: ${GOOD}\nconst x = a * 1.002;\nlet y: = ;`.replace("let y: = ;", ""),
    },
  ],
  invalid: [
    {
      name: "the * 1.002 patch",
      code: "const p = (pLin + p22 + p13) * 1.002;",
      errors: [{ messageId: "unjustified", line: 1, column: 32, endColumn: 37 }],
    },
    {
      name: "a named constant without justification",
      code: "export const TREE_ALPHA = 0.27;",
      errors: [{ messageId: "unjustified", line: 1, column: 27 }],
    },
    { name: "untagged comment", code: `// ${GOOD}\nconst x = a * 1.002;`, errors: [{ messageId: "untagged", line: 2, column: 15 }] },
    {
      name: "calibration language",
      code: "const alpha = 0.27; // @physics: empirically minimises the max error",
      errors: [{ messageId: "weak", line: 1 }],
    },
    {
      name: "tuned to match the reference",
      code: "const x = a * 1.002; // @physics: tuned to match the reference output",
      errors: [{ messageId: "weak" }],
    },
    { name: "too short", code: "const x = a * 1.002; // @physics: see paper", errors: [{ messageId: "weak" }] },
    {
      name: "placeholder",
      code: "const x = a * 1.002; // @physics: TODO explain this factor later please",
      errors: [{ messageId: "weak" }],
    },
    {
      name: "a blank line breaks the attachment",
      code: `// @physics: ${GOOD}\n\nconst x = a * 1.002;`,
      errors: [{ messageId: "unjustified", line: 3 }],
    },
    {
      name: "a function's JSDoc does not cover its body",
      code: `/** @physics ${GOOD} */\nfunction f(a: number) {\n  return a * 1.002;\n}`,
      errors: [{ messageId: "unjustified", line: 3, column: 14 }],
    },
    {
      name: "every unjustified literal of the file",
      code: "const a = x * 1.7;\nconst b = y + 0.3;\nif (z > 0.9) go();",
      errors: [
        { messageId: "unjustified", line: 1 },
        { messageId: "unjustified", line: 2 },
        { messageId: "unjustified", line: 3 },
      ],
    },
    {
      name: "a negative literal spans its sign",
      code: "const a = -0.27;",
      errors: [{ messageId: "unjustified", line: 1, column: 11, endColumn: 16 }],
    },
    { name: "odd exponents", code: "const e = k ** 1.7;", errors: [{ messageId: "unjustified", column: 16 }] },
    { name: "tolerances", code: "if (err < 1e-6) done();", errors: [{ messageId: "unjustified" }] },
    {
      name: "requireReference option",
      code: `const x = a * 1.002; // @physics: velocity dispersion of the linear field`,
      options: [{ justification: { requireReference: true } }],
      errors: [{ messageId: "weak" }],
    },
    {
      name: "configFile: a policy file whose nested keys merge with inline ones",
      code: `const x = a * 1.002; // @physics: velocity dispersion of the linear field`,
      filename: join(repo, "src/model.ts"),
      options: [{ configFile: join(repo, "strict.yml"), justification: { minWords: 2 } }],
      errors: [{ messageId: "weak" }],
    },
    {
      name: "ignore: [] checks tests too",
      code: "const x = a * 1.002;",
      filename: "src/model.test.ts",
      options: [{ ignore: [] }],
      errors: [{ messageId: "unjustified" }],
    },
    {
      name: "TSX",
      code: "export const P = () => <Line scale={k * 1.002} />;",
      filename: "src/Plot.tsx",
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      errors: [{ messageId: "unjustified" }],
    },
    { name: "CRLF", code: "const a = 1;\r\nconst x = a * 1.002;\r\n", errors: [{ messageId: "unjustified", line: 2, column: 15 }] },
  ],
});

ts.run("prefer-named-constant (TypeScript)", preferNamedConstant, {
  valid: [
    { name: "an unjustified factor is not a known constant", code: "const x = a * 1.002;" },
    { name: "3.15 is not π", code: "const area = 3.15 * r * r;" },
    { name: "knownConstants: false", code: "const area = 3.14159 * r * r;", options: [{ knownConstants: false }] },
    { name: "180 without π", code: "const half = turn / 180;" },
  ],
  invalid: [
    {
      name: "π gets Math.PI as a suggestion, not a fix",
      code: "const area = 3.14159 * r * r;",
      errors: [
        { messageId: "knownConstant", column: 14, suggestions: [{ messageId: "useNamedForm", output: "const area = Math.PI * r * r;" }] },
      ],
    },
    {
      name: "a negative π",
      code: "const t = -3.14159;",
      errors: [{ messageId: "knownConstant", suggestions: [{ messageId: "useNamedForm", output: "const t = -Math.PI;" }] }],
    },
    {
      name: "e and √2",
      code: "const v = [2.71828, 1.41421];",
      errors: [
        { messageId: "knownConstant", suggestions: [{ messageId: "useNamedForm", output: "const v = [Math.E, 1.41421];" }] },
        { messageId: "knownConstant", suggestions: [{ messageId: "useNamedForm", output: "const v = [2.71828, Math.SQRT2];" }] },
      ],
    },
    {
      name: "π/180 as an expression",
      code: "const rad = deg * 0.0174533;",
      errors: [{ messageId: "knownConstant", suggestions: [{ messageId: "useNamedForm", output: "const rad = deg * (Math.PI / 180);" }] }],
    },
    {
      name: "a physical constant is named but not substituted",
      code: "const G = 6.674e-11;",
      errors: [{ messageId: "knownConstant", suggestions: [] }],
    },
    { name: "unit factors", code: "const s = t * 86400;", errors: [{ messageId: "knownConstant", suggestions: [] }] },
  ],
});

const js = new EslintRuleTester();
js.run("require-justification (JavaScript, ESLint's default parser)", requireJustification as never, {
  valid: [
    { code: `const x = a * 1.002; // @physics: ${GOOD}`, filename: "src/model.js" },
    { code: "module.exports = { k: 2 };", filename: "src/model.cjs" },
    { code: "export const s = 60 * 60;", filename: "src/time.mjs" },
  ],
  invalid: [
    { code: "const x = a * 1.002;", filename: "src/model.js", errors: [{ messageId: "unjustified", line: 1, column: 15 }] },
    { code: "module.exports = { alpha: 0.27 };", filename: "src/model.cjs", errors: [{ messageId: "unjustified", column: 27 }] },
    { code: "export const g = 0.95; // @physics: fudge factor for the growth", filename: "src/model.mjs", errors: [{ messageId: "weak" }] },
  ],
});
