/** Log hygiene: what the app writes to its logs is bounded, and never a body or a user's text. */

/** Longest text field a log line carries (an error message, a header). */
export const LOG_FIELD_LIMIT = 300;

/** A text cut to `limit` characters, saying how long it was. */
export const bounded = (text: unknown, limit = LOG_FIELD_LIMIT): string => {
  const s = String(text ?? "");
  return s.length > limit ? `${s.slice(0, limit)}… (${s.length} characters)` : s;
};
