/**
 * A known constant written as a literal (`3.14159`): name it. Offers a suggestion, never an
 * autofix, and only where the named form is an expression of the language (`Math.PI`).
 */
import { createRule } from "../create-rule.js";
import { locationOf, onFindings } from "../findings.js";
import { optionsSchema, type RuleOptions } from "../options.js";

/** Named forms that are expressions in JavaScript (built from Math), safe to substitute. */
const EXPRESSION = /^[\d\s*/()+.-]*Math\.[A-Z0-9_]+[\w\s*/()+.-]*$/;

export const preferNamedConstant = createRule<[RuleOptions], "knownConstant" | "useNamedForm">({
  name: "prefer-named-constant",
  meta: {
    type: "suggestion",
    hasSuggestions: true,
    docs: { description: "Write known mathematical and physical constants by name" },
    messages: {
      knownConstant: "{{literal}} is {{name}} [{{source}}]: write it as {{suggestion}}.",
      useNamedForm: "Replace {{literal}} with {{replacement}}.",
    },
    schema: optionsSchema as never,
  },
  defaultOptions: [{}],
  create(context, [options]) {
    return onFindings(context, options, (finding) => {
      const constant = finding.knownConstant;
      if (finding.status !== "known-constant" || !constant) return;
      const named = constant.named;
      const sign = finding.literal.startsWith("-") ? "-" : "";
      const replacement = named && EXPRESSION.test(named) ? (/^[\w.]+$/.test(named) ? `${sign}${named}` : `${sign}(${named})`) : null;
      const loc = locationOf(finding);
      const range: [number, number] = [context.sourceCode.getIndexFromLoc(loc.start), context.sourceCode.getIndexFromLoc(loc.end)];
      context.report({
        loc,
        messageId: "knownConstant",
        data: {
          literal: finding.literal,
          name: constant.name,
          source: constant.source,
          suggestion: named ? `\`${named}\`` : "a named constant",
        },
        suggest: replacement
          ? [
              {
                messageId: "useNamedForm",
                data: { literal: finding.literal, replacement },
                fix: (fixer) => fixer.replaceTextRange(range, replacement),
              },
            ]
          : [],
      });
    });
  },
});
