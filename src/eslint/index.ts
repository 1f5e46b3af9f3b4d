/**
 * The no-patch ESLint plugin (flat config): the same judgement as the check, in the editor.
 *
 *     import noPatch from "no-patch/eslint";
 *     export default [noPatch.configs.recommended];
 */
import { readFileSync } from "node:fs";
import type { ESLint, Linter } from "eslint";
import { preferNamedConstant } from "./rules/prefer-named-constant.js";
import { requireJustification } from "./rules/require-justification.js";

const version = (() => {
  try {
    return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
})();

export const rules = {
  "require-justification": requireJustification,
  "prefer-named-constant": preferNamedConstant,
};

interface NoPatchPlugin extends ESLint.Plugin {
  configs: { recommended: Linter.Config };
}

const plugin: NoPatchPlugin = {
  meta: { name: "no-patch", version },
  // typescript-eslint's rule modules are ESLint rules with stricter types.
  rules: rules as unknown as NonNullable<ESLint.Plugin["rules"]>,
  configs: { recommended: {} },
};

plugin.configs.recommended = {
  name: "no-patch/recommended",
  plugins: { "no-patch": plugin },
  rules: {
    "no-patch/require-justification": "error",
    "no-patch/prefer-named-constant": "warn",
  },
};

export default plugin;
