/**
 * A value's history (issue 10): the earlier values at a retuned literal's place, the commit
 * that wrote each, the policy's retune limit, and how reports show them.
 */
import { describe, expect, it } from "@jest/globals";
import { analyzeChange, validateConfig } from "../../src/core/index.js";
import { judgeHistory, sparkline, valueHistory, withHistory, type FileVersion } from "../../src/core/history.js";

const ts = (value: string) =>
  `import { k } from "./k";\n\n// @physics: BAO damping amplitude, Eq. ${value.replace("0.", "")} of the notes\nexport const ALPHA = ${value};\n`;
const py = (value: string) =>
  `import numpy as np\n\n# @physics: BAO damping amplitude, Eq. ${value.replace("0.", "")} of the notes\nALPHA = ${value}\n`;

/** The finding for the literal on line 4 when `base` becomes `head`. */
function retuned(path: string, base: string, head: string) {
  const analysis = analyzeChange([{ path, status: "modified", baseText: base, headText: head }], validateConfig({}));
  const finding = analysis.findings.find((f) => f.line === 4);
  if (!finding) throw new Error("no finding on line 4");
  return finding;
}

const versions = (make: (v: string) => string, values: Array<[string, string, string]>): FileVersion[] =>
  values.map(([value, commit, date]) => ({ commit, date, text: make(value) }));

describe.each([
  ["typescript", "src/ept.ts", ts],
  ["python", "src/ept.py", py],
])("valueHistory (%s)", (_language, path, make) => {
  const finding = retuned(path, make("0.30"), make("0.27"));

  it("lists each earlier value with the commit that wrote it, newest first", () => {
    const history = valueHistory(
      finding,
      make("0.27"),
      versions(make, [
        ["0.30", "c3", "2026-05-03T10:00:00Z"],
        ["0.30", "c2", "2026-05-02T10:00:00Z"],
        ["0.35", "c1", "2026-04-30T10:00:00Z"],
      ]),
    );
    expect(history.map((h) => [h.literal, h.commit, h.date.slice(0, 10)])).toEqual([
      ["0.30", "c2", "2026-05-02"],
      ["0.35", "c1", "2026-04-30"],
    ]);
  });

  it("skips the head's own version and stops where the file did not exist", () => {
    const history = valueHistory(finding, make("0.27"), [
      { commit: "head", date: "2026-05-04T00:00:00Z", text: make("0.27") },
      { commit: "c2", date: "2026-05-02T00:00:00Z", text: make("0.30") },
      { commit: "c0", date: "2026-04-01T00:00:00Z", text: null },
      { commit: "older", date: "2026-03-01T00:00:00Z", text: make("0.50") },
    ]);
    expect(history.map((h) => h.literal)).toEqual(["0.30"]);
  });

  it("a value that came back is listed again", () => {
    const history = valueHistory(
      finding,
      make("0.27"),
      versions(make, [
        ["0.30", "c3", "2026-05-03T00:00:00Z"],
        ["0.27", "c2", "2026-05-02T00:00:00Z"],
        ["0.30", "c1", "2026-05-01T00:00:00Z"],
      ]),
    );
    expect(history.map((h) => h.literal)).toEqual(["0.30", "0.27", "0.30"]);
  });

  it("ends where the place ends: another statement's value is not this one's history", () => {
    const other = make("0.30").replace("ALPHA", "BETA");
    expect(valueHistory(finding, make("0.27"), [{ commit: "c1", date: "2026-05-01T00:00:00Z", text: other }])).toEqual([]);
  });

  it("an unparseable version ends the history without failing", () => {
    expect(valueHistory(finding, make("0.27"), [{ commit: "c1", date: "2026-05-01T00:00:00Z", text: ")))(((" }])).toEqual([]);
  });
});

it("follows the place through a reshaped statement (a type annotation, parentheses)", () => {
  const finding = retuned("src/ept.ts", ts("0.30"), ts("0.27"));
  const reshaped = ts("0.30").replace("export const ALPHA = 0.30;", "export const ALPHA: number = (0.30);");
  const history = valueHistory(finding, ts("0.27"), [{ commit: "c1", date: "2026-05-01T00:00:00Z", text: reshaped }]);
  expect(history.map((h) => h.literal)).toEqual(["0.30"]);
});

describe("the retune limit", () => {
  const history = [
    { literal: "0.30", value: 0.3, commit: "c2", date: "2026-05-02T00:00:00Z" },
    { literal: "0.35", value: 0.35, commit: "c1", date: "2026-04-30T00:00:00Z" },
    { literal: "0.40", value: 0.4, commit: "c0", date: "2025-01-01T00:00:00Z" },
  ];
  const now = new Date("2026-05-04T00:00:00Z");

  it.each([
    [null, 90, 3, false],
    [3, 90, 3, true],
    [4, 90, 3, false],
    // Within 3 days of May 4: this change and c2's (May 2) count; c1's (Apr 30) does not.
    [3, 3, 2, false],
    [2, 3, 2, true],
  ])("maxRetunes %p in %p days: %p moves, exceeded %p", (maxRetunes, windowDays, retunes, exceeded) => {
    const config = validateConfig({ history: { maxRetunes, windowDays } });
    expect(judgeHistory(history, config, now)).toEqual({ retunes, exceeded });
  });

  it("makes a justified value blocking, saying how often it moved", () => {
    const finding = retuned("src/ept.ts", ts("0.30"), ts("0.27"));
    expect(finding.status).toBe("justified");
    const judged = withHistory(finding, history, validateConfig({ history: { maxRetunes: 3 } }), now);
    expect(judged).toMatchObject({ status: "weak", blocking: true, history });
    expect(judged.problems.at(-1)).toMatch(
      /moved 3 times within 90 days \(0\.27, was 0\.30 on 2026-05-02, 0\.35 on 2026-04-30, 0\.40 on 2025-01-01\)/,
    );
  });

  it("leaves it alone below the limit, with its history recorded", () => {
    const finding = retuned("src/ept.ts", ts("0.30"), ts("0.27"));
    const judged = withHistory(finding, history, validateConfig({ history: { maxRetunes: 5 } }), now);
    expect(judged).toMatchObject({ status: "justified", blocking: false, history });
  });
});

it("draws the values oldest first, the current one last", () => {
  const history = [
    { literal: "0.30", value: 0.3, commit: "c2", date: "2026-05-02" },
    { literal: "0.35", value: 0.35, commit: "c1", date: "2026-04-30" },
  ];
  expect(sparkline(0.27, history)).toBe("█▄▁");
  expect(sparkline(1, [{ literal: "1", value: 1, commit: "c", date: "d" }])).toBe("▄▄");
});
