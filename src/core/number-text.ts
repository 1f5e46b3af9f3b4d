/**
 * Numbers written in text that code turns into numbers (`Number("1.002")`, `float("1.002")`,
 * `JSON.parse`, `eval`): the patterns every language adapter reads such strings with.
 */

/** A whole string that is one number: `"1.002"`, `" 6.674e-11 "` (the number is group 1). */
export const WHOLE_NUMBER = /^\s*([-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?)\s*$/;

/** Numbers inside a text (JSON, code): not part of a word. Global: use with `matchAll`. */
export const NUMBERS = /(?<![\w.$])-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])/g;
