import { describe, expect, it } from "@jest/globals";
import { renderCheckRun } from "../../src/report/check-run.js";
import { fitToLimit, OUTPUT_LIMIT } from "../../src/report/markdown.js";
import { analyzeChange, defaultConfig } from "../../src/core/index.js";

describe("check run output", () => {
  it("stays within the Checks API's 65535 bytes and says what was left out", () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `export const k${i} = x * ${(1 + (i + 1) / 100000).toFixed(5)}; // σ`);
    const analysis = analyzeChange([{ path: "src/many.ts", status: "added", baseText: null, headText: lines.join("\n") }], defaultConfig);
    // Two of the values write π/3 (1.04719 truncated, 1.04720 rounded): known constants, not findings to list.
    expect(analysis.counts.blocking).toBe(4998);
    const output = renderCheckRun({
      analysis,
      policySource: "defaults",
      links: { repository: "https://github.com/o/r", sha: "a".repeat(40) },
    });
    for (const part of [output.summary, output.text]) {
      expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(OUTPUT_LIMIT);
      expect(part).toMatch(/more lines left out: the Checks API allows 65535 bytes/);
    }
  });

  it.each([
    ["short text is kept whole", "a\nb", 100, "a\nb"],
    ["multi-byte characters count as bytes", "σσσσσσσσσσ\n".repeat(20), 150, null],
  ])("%s", (_name, text, limit, expected) => {
    const out = fitToLimit(text, limit);
    expect(Buffer.byteLength(out, "utf8")).toBeLessThanOrEqual(limit);
    if (expected !== null) expect(out).toBe(expected);
    else expect(out).toContain("left out");
  });
});
