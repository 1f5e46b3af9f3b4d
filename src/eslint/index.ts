/**
 * The no-patch ESLint plugin (flat config): the same judgement as the check, in the editor.
 *
 *     import noPatch from "no-patch/eslint";
 *     export default [noPatch.configs.recommended];
 */
import type { ESLint, Linter } from "eslint";
import { version } from "../version.js";
import { preferNamedConstant } from "./rules/prefer-named-constant.js";
import { requireJustification } from "./rules/require-justification.js";

export const rules = {
  "require-justification": requireJustification,
  "prefer-named-constant": preferNamedConstant,
};

interface NoPatchPlugin extends ESLint.Plugin {
  configs: { recommended: Linter.Config };
}

const plugin: NoPatchPlugin = {
  meta: { name: "no-patch", version: version() },
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
