/** typescript-eslint's rule factory, with the docs URL of each no-patch rule. */
import { ESLintUtils } from "@typescript-eslint/utils";

export const createRule = ESLintUtils.RuleCreator((name) => `https://github.com/no-patch/no-patch#eslint-rule-${name}`);
