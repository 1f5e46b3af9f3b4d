/**
 * Names that code gives π and its simple multiples: d3's `import { pi, halfPi } from "./math.js"`,
 * Python's `from math import pi`, `var π = Math.PI`. A reference to one folds like `Math.PI`
 * (SPEC section 3: an expression of literals and known constants is one value, so `π / 6` is
 * the known π/6, not a bare 6), but only where the file binds the name to nothing else: an
 * import, or a declaration whose value is that multiple of π. A parameter, a loop variable or
 * any other value bound to the name makes it an ordinary variable (`const pi = 0.27` is no π).
 */
export const PI_NAMES: Readonly<Record<string, number>> = {
  pi: Math.PI,
  PI: Math.PI,
  π: Math.PI,
  M_PI: Math.PI,
  tau: 2 * Math.PI,
  TAU: 2 * Math.PI,
  τ: 2 * Math.PI,
  twoPi: 2 * Math.PI,
  TWO_PI: 2 * Math.PI,
  two_pi: 2 * Math.PI,
  halfPi: Math.PI / 2,
  HALF_PI: Math.PI / 2,
  half_pi: Math.PI / 2,
  M_PI_2: Math.PI / 2,
  quarterPi: Math.PI / 4,
  QUARTER_PI: Math.PI / 4,
  M_PI_4: Math.PI / 4,
};

/** The multiple of π a name stands for, or undefined for any other name. */
export const piName = (name: string): number | undefined => (Object.hasOwn(PI_NAMES, name) ? PI_NAMES[name] : undefined);

/** Whether a value bound to a name of π is the multiple of π the name says (to double precision). */
export const isPiValue = (value: number | undefined, expected: number): boolean =>
  value !== undefined && Math.abs(value - expected) <= expected * 1e-12;
