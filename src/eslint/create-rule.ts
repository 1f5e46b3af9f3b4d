/** typescript-eslint's rule factory; each rule's docs URL is its section of docs/eslint.md. */
import { ESLintUtils } from "@typescript-eslint/utils";

export const DOCS_PAGE = "https://github.com/no-patch/no-patch/blob/main/docs/eslint.md";

export const createRule = ESLintUtils.RuleCreator((name) => `${DOCS_PAGE}#${name}`);
