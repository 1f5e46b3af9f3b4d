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
