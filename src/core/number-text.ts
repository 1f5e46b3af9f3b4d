/**
 * Numbers written in text that code turns into numbers (`Number("1.002")`, `float("1.002")`,
 * `JSON.parse`, `eval`): the patterns every language adapter reads such strings with.
 */

/** A whole string that is one number: `"1.002"`, `" 6.674e-11 "` (the number is group 1). */
export const WHOLE_NUMBER = /^\s*([-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?)\s*$/;

/** The number a whole string writes (`" 1.002 "`, `"1_002e-3"`), or undefined when it writes none. */
export function wholeNumberValue(text: string): number | undefined {
  const match = WHOLE_NUMBER.exec(text);
  const value = match ? Number(match[1]!.replace(/_/g, "")) : NaN;
  return Number.isFinite(value) ? value : undefined;
}

/** Numbers inside a text (JSON, code): not part of a word. Global: use with `matchAll`. */
export const NUMBERS = /(?<![\w.$])-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])/g;

/** Only numbers and separators (`"0.27 0.5 1.3"`, `"1, 2; 3"`): text a program cuts into numbers. */
export const NUMBERS_ONLY =
  /^[\s,;]*[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(?:[\s,;]+[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)*[\s,;]*$/;

/** Text that is a table of numbers: numbers and separators only, over several lines or at least three numbers. */
export const isTextTable = (text: string): boolean =>
  NUMBERS_ONLY.test(text) && ((text.match(NUMBERS) ?? []).length >= 3 || /\S\s*\n\s*\S/.test(text));

/** A whole string that is one hexadecimal float (`"0x1.0083126e978d5p+0"`, Python's `float.fromhex`). */
const HEX_FLOAT = /^\s*([-+]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([-+]?\d+))?\s*$/;

/** The value of a hexadecimal float string, or undefined when the string is not one. */
export function hexFloatValue(text: string): number | undefined {
  const match = HEX_FLOAT.exec(text);
  if (!match) return undefined;
  const [, sign, whole = "", fraction = "", exponent = "0"] = match;
  if (whole === "" && fraction === "") return undefined;
  const mantissa = parseInt(whole || "0", 16) + (fraction === "" ? 0 : parseInt(fraction, 16) / 16 ** fraction.length);
  const value = (sign === "-" ? -1 : 1) * mantissa * 2 ** Number(exponent);
  return Number.isFinite(value) ? value : undefined;
}

const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * A text with every decimal digit of another script written as its ASCII digit (`１.００２` is
 * `1.002`), as Python's `float` and `int` read it. Unicode encodes each script's digits as a run
 * from 0 to 9, so a digit's value is its distance from the start of its run, modulo 10 (runs of
 * mathematical digits follow on).
 */
export function asciiDigits(text: string): string {
  if (!/[^\p{ASCII}]/u.test(text)) return text;
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 || !DECIMAL_DIGIT.test(char)) {
      out += char;
      continue;
    }
    let start = code;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    out += String((code - start) % 10);
  }
  return out;
}

const DIGIT_VALUES = "0123456789abcdefghijklmnopqrstuvwxyz";
const BASE_PREFIX: Record<string, number> = { x: 16, o: 8, b: 2 };

/**
 * The integer a string writes in a base, as Python's `int(text, base)` reads it (`int("1b", 16)`
 * is 27, `int("0x1b", 0)` too): a sign, the base's prefix, digits with single underscores
 * between them, space around. Undefined when the text is not one.
 */
export function integerInBase(text: string, base: number): number | undefined {
  if (!Number.isInteger(base) || base === 1 || base < 0 || base > 36) return undefined;
  let body = text.trim().toLowerCase();
  let sign = 1;
  if (body.startsWith("-") || body.startsWith("+")) {
    if (body.startsWith("-")) sign = -1;
    body = body.slice(1);
  }
  const prefix = /^0([xob])_?/.exec(body);
  if (prefix && (base === 0 || BASE_PREFIX[prefix[1]!] === base)) {
    base = BASE_PREFIX[prefix[1]!]!;
    body = body.slice(prefix[0].length);
  } else if (base === 0) base = 10;
  if (!/^[0-9a-z]+(?:_[0-9a-z]+)*$/.test(body)) return undefined;
  let value = 0;
  for (const char of body.replace(/_/g, "")) {
    const digit = DIGIT_VALUES.indexOf(char);
    if (digit < 0 || digit >= base) return undefined;
    value = value * base + digit;
  }
  return Number.isFinite(value) ? sign * value : undefined;
}

/** A ratio of integers written as text (`"27/100"`), as `Fraction` and SymPy's `Rational` read it. */
export function ratioValue(text: string): number | undefined {
  const match = /^\s*([-+]?\d[\d_]*)\s*\/\s*(\d[\d_]*)\s*$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]!.replace(/_/g, "")) / Number(match[2]!.replace(/_/g, ""));
  return Number.isFinite(value) ? value : undefined;
}
