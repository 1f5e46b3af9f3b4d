/** What a comment must be to explain a value in adoption mode: messages the author reads. */
import { describe, expect, it } from "@jest/globals";
import { analyzeChange, validateConfig } from "../../src/core/index.js";

describe("commented-out code", () => {
  it("is named as such in the finding's problems", () => {
    const analysis = analyzeChange(
      [{ path: "src/kepler.py", status: "modified", baseText: "n = 0.230605479\n", headText: "#n = 0.230605479\nn = 0.230652907\n" }],
      validateConfig({ requireTag: false }),
    );
    expect(analysis.findings[0]!.problems[0]).toBe("it is commented-out code (an old value kept as a comment), not an explanation");
  });
});
