/**
 * The language seam's loading contract, in a fresh process (the registry is per process):
 * analysis never passes a file whose parser is not loaded, `analyze` loads what a change
 * needs and nothing else.
 */
import { expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const CORE = fileURLToPath(new URL("../../dist/core/index.js", import.meta.url));

function inFreshProcess(script: string): unknown {
  if (!existsSync(CORE)) throw new Error(`${CORE} is missing: run npm run build first (npm test does).`);
  const program = `import * as core from ${JSON.stringify(CORE)};\nconst out = await (async () => { ${script} })();\nprocess.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", program], { encoding: "utf8" }));
}

const CHANGE = `[{ path: "src/a.ts", status: "added", baseText: null, headText: "export const k = x * 1.7;\\n" }]`;

it("a file whose parser was not loaded is unverified, never passed", () => {
  const result = inFreshProcess(`const a = core.analyzeChange(${CHANGE}, core.defaultConfig); return [a.conclusion, a.files];`);
  expect(result).toEqual([
    "failure",
    [
      {
        path: "src/a.ts",
        outcome: "unverified",
        reason: "the TypeScript/JavaScript parser was not loaded (call loadLanguages before analyzing)",
      },
    ],
  ]);
});

it("analyze loads the parsers a change needs, then analyses", () => {
  const result = inFreshProcess(
    `const a = await core.analyze(${CHANGE}, core.defaultConfig); return [a.conclusion, a.findings.map((f) => f.status)];`,
  );
  expect(result).toEqual(["failure", ["unjustified"]]);
});

it("a change with no source file loads no parser", () => {
  const result = inFreshProcess(`
    const a = await core.analyze([{ path: "README.md", status: "modified", baseText: "a", headText: "b" }], core.defaultConfig);
    const ts = core.languageById("typescript");
    return [a.files[0].outcome, core.isLoaded(ts)];
  `);
  expect(result).toEqual(["unsupported", false]);
});

it("the built package carries the Python grammar and loads it from there", () => {
  const grammar = fileURLToPath(new URL("../../dist/core/languages/grammars/tree-sitter-python.wasm", import.meta.url));
  expect(existsSync(grammar)).toBe(true);
  const result = inFreshProcess(`
    const change = [{ path: "clax/ept.py", status: "added", baseText: null, headText: "_TREE_ALPHA = 0.27\\n" }];
    const a = await core.analyze(change, core.defaultConfig);
    return [core.isLoaded(core.languageById("python")), a.findings.map((f) => f.literal + " " + f.status)];
  `);
  expect(result).toEqual([true, ["0.27 unjustified"]]);
});

it("a Python file the grammar cannot read at all is unverified, never passed", () => {
  const result = inFreshProcess(`
    const change = [{ path: "src/junk.py", status: "added", baseText: null, headText: ")))) 1.5 ((( ]]] }}} x = 2.7" }];
    const a = await core.analyze(change, core.defaultConfig);
    return [a.conclusion, a.files[0].outcome, a.files[0].reason];
  `);
  expect(result).toEqual([
    "failure",
    "unverified",
    "the file could not be analysed (the Python grammar could not read any statement of it)",
  ]);
});
