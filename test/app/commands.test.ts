/** The comment command grammar as a table: a comment in, the commands read out. */
import { describe, expect, it } from "@jest/globals";
import { COMMANDS, GRAMMAR, parseCommands } from "../../src/app/commands.js";

/** A parsed command as a row: `allow path:line[:col] reason`, `recheck`, or `invalid: problem`. */
function rows(body: string): string[] {
  return parseCommands(body).map((c) => {
    if (c.spec === null) return `invalid: ${c.problem}`;
    if (c.spec.name === "allow") {
      const a = c.args as { path: string; line: number; column: number | null; reason: string };
      return `allow ${a.path}:${a.line}${a.column !== null ? `:${a.column}` : ""} ${a.reason}`;
    }
    return c.spec.name;
  });
}

const ALLOW_USAGE = "expected `/no-patch allow path/to/file.ts:LINE -- reason`";

describe("parseCommands", () => {
  it.each<[string, string, string[]]>([
    [
      "allow with a line",
      "/no-patch allow src/ept.ts:12 -- counterterm amplitude from the two-loop paper",
      ["allow src/ept.ts:12 counterterm amplitude from the two-loop paper"],
    ],
    [
      "allow with a column",
      "/no-patch allow src/ept.ts:12:31 -- counterterm amplitude pending review",
      ["allow src/ept.ts:12:31 counterterm amplitude pending review"],
    ],
    [
      "a leading ./ is dropped",
      "/no-patch allow ./src/a.py:3 -- the value is from Table 2 of the paper",
      ["allow src/a.py:3 the value is from Table 2 of the paper"],
    ],
    ["a path with spaces is not a path", "/no-patch allow src/my file.ts:3 -- a reason long enough", [`invalid: ${ALLOW_USAGE}`]],
    ["reason too short", "/no-patch allow src/a.ts:3 -- ok", ["invalid: the reason must say why (at least 10 characters)"]],
    ["no reason", "/no-patch allow src/a.ts:3", [`invalid: ${ALLOW_USAGE}`]],
    ["no line", "/no-patch allow src/ept.ts -- no line given here", [`invalid: ${ALLOW_USAGE}`]],
    ["recheck", "/no-patch recheck", ["recheck"]],
    ["recheck with trailing space", "  /no-patch recheck   ", ["recheck"]],
    ["recheck with words after it", "/no-patch recheck please", ["invalid: expected `/no-patch recheck`"]],
    ["an unknown command", "/no-patch approve", [`invalid: expected ${GRAMMAR}`]],
    ["the bare prefix", "/no-patch", [`invalid: expected ${GRAMMAR}`]],
    ["a longer word is not the prefix", "/no-patchy recheck", []],
    ["not at the start of a line", "please /no-patch recheck", []],
    [
      "inside prose, one per line",
      "Thanks!\n/no-patch recheck\nand\r\n/no-patch allow a.ts:1 -- the Gauss weights of order 3",
      ["recheck", "allow a.ts:1 the Gauss weights of order 3"],
    ],
    ["an empty comment", "", []],
  ])("%s", (_name, body, expected) => {
    expect(rows(body)).toEqual(expected);
  });

  it("the grammar in replies is every command's usage, from the table", () => {
    expect(GRAMMAR).toBe(COMMANDS.map((c) => `\`${c.usage}\``).join(" or "));
    expect(GRAMMAR).toBe("`/no-patch allow path/to/file.ts:LINE -- reason` or `/no-patch recheck`");
  });
});
