/**
 * Roles: what a literal does, read from its neutral context. Written once for every
 * language; the role is shown in every report.
 */
import type { LiteralContext } from "./literal.js";

export type Role =
  | "scale"
  | "offset"
  | "exponent"
  | "threshold"
  | "initializer"
  | "argument"
  | "default"
  | "element"
  | "operand"
  | "index"
  | "bitwise"
  | "enum-member"
  | "type";

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  scale: "scale factor (operand of *, /, //, @, *=, /=)",
  offset: "offset (operand of +, -, +=, -=)",
  exponent: "exponent",
  threshold: "threshold (comparison, clamp/min/max bound, tolerance)",
  initializer: "named constant (initializer)",
  argument: "call argument",
  default: "parameter default",
  element: "array or object member",
  operand: "operand",
  index: "index",
  bitwise: "bitwise operand",
  "enum-member": "enum member value",
  type: "literal type",
};

const BOUND_CALLEE = /(^|\.)(min|max|fmin|fmax|minimum|maximum|clamp|clip|clamped|saturate)$/i;
const TOLERANCE_CALLEE = /(^|\.)(toBeCloseTo|isclose|allclose|assert_allclose|approx|closeTo|assertAlmostEqual)$/i;
const POWER_CALLEE = /(^|\.)(pow|power|float_power)$/i;
/** Names that mark a value as a tolerance or cut, so its initializer is a threshold. */
const TOLERANCE_WORDS = new Set([
  "tol", "tolerance", "eps", "epsilon", "threshold", "thresh", "cutoff", "rtol", "atol", "xtol", "ftol", "gtol",
  "reltol", "abstol", "epsabs", "epsrel",
]); // prettier-ignore
/** A name's words, split at `_`, `.`, spaces and lower-to-upper case changes: `nSteps` is n, steps (no "eps" in it). */
const TOLERANCE_NAME = {
  test: (name: string): boolean =>
    name
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .some((word) => TOLERANCE_WORDS.has(word)),
};

export function roleOf({ context }: { context: LiteralContext }): Role {
  switch (context.kind) {
    case "binary":
    case "compound-assignment":
      switch (context.operator) {
        case "*":
        case "/":
        case "//":
        case "@":
          return "scale";
        case "+":
        case "-":
          return "offset";
        case "**":
          return context.kind === "binary" && context.side === "left" ? "operand" : "exponent";
        case "&":
        case "|":
        case "^":
        case "<<":
        case ">>":
        case ">>>":
          return "bitwise";
        default:
          return "operand";
      }
    case "comparison":
      return "threshold";
    case "call-argument":
      if (context.keyword && TOLERANCE_NAME.test(context.keyword)) return "threshold";
      if (POWER_CALLEE.test(context.callee) && context.index === 1) return "exponent";
      if (BOUND_CALLEE.test(context.callee) || TOLERANCE_CALLEE.test(context.callee)) return "threshold";
      return "argument";
    case "variable-initializer":
    case "property-initializer":
    case "assignment":
      return TOLERANCE_NAME.test(context.name) ? "threshold" : "initializer";
    case "parameter-default":
      return TOLERANCE_NAME.test(context.name) ? "threshold" : "default";
    case "object-property":
      return TOLERANCE_NAME.test(context.name) ? "threshold" : "element";
    case "array-element":
      return "element";
    case "index":
      return "index";
    case "enum-member":
      return "enum-member";
    case "literal-type":
      return "type";
    case "return":
    case "other":
      return "operand";
  }
}
