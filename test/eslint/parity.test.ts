/**
 * One shared table (test/core/case-table.ts) through the CLI path and through the ESLint
 * rules, asserting the same findings: the rule and the check can never drift.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { ESLint } from "eslint";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import tseslint from "typescript-eslint";
import { checkRepository } from "../../src/cli/check.js";
import noPatch from "../../src/eslint/index.js";
import { tables } from "../core/case-table.js";
import { judgementTables } from "../core/judgement-table.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// ESLint sees whole files of JavaScript and TypeScript: the cases that are changes (with a
// base) are for the diff path only, and Python is not ESLint's.
const wholeFile = [...tables, ...judgementTables].flatMap(([title, cases]) =>
  cases.filter((c) => c.base === undefined && !/\.py$/.test(c.path ?? "")).map((c) => [`${title}: ${c.name}`, c] as const),
);

describe("the CLI and the ESLint rules agree", () => {
  it("on enough cases to mean something", () => {
    expect(wholeFile.length).toBeGreaterThanOrEqual(100);
  });

  it.each(wholeFile)("%s", async (_name, c) => {
    const dir = mkdtempSync(join(tmpdir(), "no-patch-parity-"));
    made.push(dir);
    const path = c.path ?? "src/model.ts";
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), c.code);
    mkdirSync(join(dir, ".github"));
    writeFileSync(join(dir, ".github", "no-patch.yml"), JSON.stringify(c.config ?? {})); // JSON is YAML

    const cli = (await checkRepository({ paths: [path], cwd: dir })).analysis.findings;
    const fromCli = cli
      .filter((f) => f.blocking || f.status === "known-constant")
      .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.blocking ? f.status : "known-constant"}`);

    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ["**/*.{ts,tsx,mts,cts}"], languageOptions: { parser: tseslint.parser } },
        { files: ["**/*.{jsx,tsx}"], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
        { ...noPatch.configs.recommended, files: ["**/*"] },
        {
          rules: {
            "no-patch/require-justification": ["error", { configFile: true }],
            "no-patch/prefer-named-constant": ["warn", { configFile: true }],
          },
        },
      ],
    });
    const [result] = await eslint.lintFiles([join(dir, path)]);
    if (result!.messages.some((m) => m.fatal)) {
      // ESLint cannot parse the file, so no rule runs and the editor shows the parse error;
      // the check's parser is error-tolerant and still reads it (README, "ESLint").
      expect(c.name).toMatch(/^syntax error/);
      expect(fromCli.length).toBeGreaterThan(0);
      return;
    }
    const messages = result!.messages.filter((m) => m.ruleId?.startsWith("no-patch/"));
    const fromRule = messages.map(
      (m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.messageId === "knownConstant" ? "known-constant" : m.messageId}`,
    );
    expect(fromRule).toEqual(fromCli);
  });
});
