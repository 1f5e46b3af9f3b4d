/**
 * Pull request content is hostile: the analysis parses it, never runs it, and neither hangs
 * nor passes what it cannot read. (Speed is measured by `npm run bench`, not here.)
 */
import { describe, expect, it } from "@jest/globals";
import { analyzeChange, validateConfig } from "../../src/core/index.js";
import { messageOf } from "../../src/report/index.js";

const config = validateConfig({ limits: { maxFileBytes: 10_000_000 }, justification: { requireReference: true } });

describe("hostile input", () => {
  it("nesting deep enough to exhaust the parser's stack leaves the file unverified, failing the check", () => {
    const text = "const x = " + "[".repeat(5000) + "1.7" + "]".repeat(5000) + ";";
    const analysis = analyzeChange([{ path: "src/deep.ts", status: "added", baseText: null, headText: text }], config);
    expect(analysis.unverified).toEqual([{ path: "src/deep.ts", outcome: "unverified", reason: "the file is too deeply nested to parse" }]);
    expect(analysis.conclusion).toBe("failure");
  });

  it.each([
    ["Python", "src/fix.py", ")))\n", "x = a * 0.27  # tuned\n"],
    ["TypeScript", "src/fix.ts", "<<<<<<< HEAD\n)))\n", "const x = a * 0.27; // tuned\n"],
  ])("a base the grammar cannot read (%s): the head is judged as new, in a change that also deletes one", (_language, path, base, head) => {
    const deleted = path.replace("fix", "gone");
    const analysis = analyzeChange(
      [
        { path, status: "modified", baseText: base, headText: head },
        { path: deleted, status: "deleted", baseText: base, headText: null },
      ],
      validateConfig({ requireTag: false }),
    );
    expect(analysis.findings.map((f) => `${f.path}:${f.line} ${f.literal} ${f.status}`)).toEqual([`${path}:1 0.27 weak`]);
    expect(analysis.unverified).toEqual([]);
  });

  it("a huge comment rewritten with half its words kept is still judged: its typos are not looked for word against word", () => {
    const word = (i: number) => `w${i.toString(26).replace(/\d/g, (d) => "qrstuvwxyz"[Number(d)]!)}abc`;
    const words = (from: number, n: number) => Array.from({ length: n }, (_, i) => word(from + i)).join(" ");
    const doc = (own: number) => `    """Smith et al. 2003 eq. 4. ${words(0, 5200)} ${words(own, 5000)}"""\n`;
    const base = `def f(k):\n${doc(100_000)}    return k * 0.93\n`;
    const head = `def f(k):\n${doc(200_000)}    return k * 0.93 * 1.15\n`;
    const analysis = analyzeChange(
      [{ path: "src/doc.py", status: "modified", baseText: base, headText: head }],
      validateConfig({ requireTag: false, limits: { maxFileBytes: 10_000_000 } }),
    );
    expect(analysis.findings.map((f) => `${f.line} ${f.literal}`)).toEqual(["3 1.15"]);
    expect(analysis.unverified).toEqual([]);
  });

  it("a base the grammar cannot read as a whole (an unclosed parenthesis the change fixes) still offers its values: those kept are no finding", () => {
    const base = "airmass = (1./(cosd(zenith) + 0.15*((93.885-zenith)**(-1.253))) *\n           pressure/101325\n";
    const head = "airmass = (1./(tools.cosd(zenith) + 0.15*((93.885-zenith)**(-1.253))) *\n           pressure/101325)\n";
    const analysis = analyzeChange(
      [{ path: "src/clearsky.py", status: "modified", baseText: base, headText: head }],
      validateConfig({ requireTag: false }),
    );
    expect(analysis.findings.filter((f) => f.blocking)).toEqual([]);
    expect(analysis.unverified).toEqual([]);
  });

  it("a minified line of 20000 literals: one retuned value is found among them", () => {
    const values = Array.from({ length: 20000 }, (_, i) => (1 + i / 1e5).toFixed(5));
    const head = `const a=[${values.join(",")}];`;
    const base = head.replace("1.12345", "1.99999");
    const analysis = analyzeChange([{ path: "src/min.ts", status: "modified", baseText: base, headText: head }], config);
    expect(analysis.findings.map((f) => `${f.literal} ${f.status} ${f.previous}`)).toEqual(["1.12345 retuned 1.99999"]);
  });

  it("a minified line of 5000 comparisons: lengths are told from thresholds on one 200 kB line", () => {
    const head = `const ok=[${Array.from({ length: 5000 }, (_, i) => `a${i}.length>3,b${i}<7.5`).join(",")}];`;
    const analysis = analyzeChange([{ path: "src/min.ts", status: "added", baseText: null, headText: head }], config);
    expect(analysis.findings).toHaveLength(5000);
    expect(new Set(analysis.findings.map((f) => `${f.literal} ${f.role} ${f.status}`))).toEqual(new Set(["7.5 threshold unjustified"]));
  });

  it.each([
    ["src/join.ts", (parts: string) => `const k = x * parseFloat(${parts});\n`],
    ["src/join.py", (parts: string) => `k = x * float(${parts})\n`],
  ])("a concatenation of 1900 strings is read as one number (%s)", (path, wrap) => {
    // "1." + "0" + "0" + "2" + "0" + … : 1.002 written in 1900 pieces.
    const parts = Array.from({ length: 1900 }, (_, i) => JSON.stringify(i === 0 ? "1." : i === 3 ? "2" : "0")).join(" + ");
    const analysis = analyzeChange([{ path, status: "added", baseText: null, headText: wrap(parts) }], config);
    expect(analysis.findings.map((f) => `${f.value} ${f.status}`)).toEqual(["1.002 unjustified"]);
  });

  it("a justification of half a megabyte is judged on its opening", () => {
    const text = `const x = a * 1.7; // @physics: ${"velocity ".repeat(60000)}\n`;
    const analysis = analyzeChange([{ path: "src/long.ts", status: "added", baseText: null, headText: text }], config);
    expect(analysis.findings.map((f) => f.status)).toEqual(["weak"]);
    expect(messageOf(analysis.findings[0]!, analysis.policy)).toContain("it cites no reference");
  });

  it("a complete reordering of a large file without a patch is bounded and still sees moved code", () => {
    const lines = Array.from({ length: 20000 }, (_, i) => `a${i} = x * ${(1 + i / 1e6).toFixed(6)};`);
    const base = lines.join("\n");
    const head = [...lines].reverse().join("\n");
    const analysis = analyzeChange([{ path: "src/rewrite.ts", status: "modified", baseText: base, headText: head }], config);
    expect(analysis.findings).toEqual([]);
  });
});
