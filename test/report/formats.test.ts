import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { analyzeChange, defaultConfig, validateConfig } from "../../src/core/index.js";
import type { Analysis } from "../../src/core/index.js";
import { messageOf } from "../../src/report/describe.js";
import { githubFormat } from "../../src/report/github.js";
import { jsonFormat } from "../../src/report/json.js";
import { sarifFormat } from "../../src/report/sarif.js";
import { textFormat } from "../../src/report/text.js";

const toSarif = (analysis: Analysis, toolVersion: string) => sarifFormat.render({ analysis, toolVersion, policySource: "defaults" });
const toGithubAnnotations = (analysis: Analysis) => githubFormat.render({ analysis, toolVersion: "1", policySource: "defaults" });
const toJson = (analysis: Analysis) => jsonFormat.render({ analysis, toolVersion: "1", policySource: "defaults" });
const toText = (analysis: Analysis, options: { color: boolean; sourceOf: (path: string) => string | undefined }) =>
  textFormat.render({ analysis, toolVersion: "1", policySource: "defaults", ...options });

const head = [
  "// @physics: velocity dispersion sigma_v^2 from Eq. 3.4 of the paper",
  "const s = 0.27;",
  "return (pLin + p22 + p13) * 1.002;",
  "const area = 3.14159 * r * r;",
  "const g = 0.95; // @physics: growth rate, tuned: 50% better, a,b",
].join("\n");
const analysis = analyzeChange([{ path: "src/sub dir/ept,v%1.ts", status: "added", baseText: null, headText: head }], defaultConfig);

describe("sarif", () => {
  const schema = JSON.parse(readFileSync(new URL("../fixtures/sarif-2.1.0-rtm.5.json", import.meta.url), "utf8"));
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false }); // the schema has a pattern invalid under the u flag;
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  const log = JSON.parse(toSarif(analysis, "1.2.3"));

  it("validates against the SARIF 2.1.0 schema", () => {
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });
  it("has one rule per status, with help", () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual([
      "no-patch/unjustified",
      "no-patch/untagged",
      "no-patch/weak",
      "no-patch/retuned",
      "no-patch/calibrated",
      "no-patch/justified",
      "no-patch/known-constant",
      "no-patch/allowed",
      "no-patch/overridden",
    ]);
    for (const rule of rules) expect(rule.help.text.length).toBeGreaterThan(20);
  });
  it("reports blocking findings as errors and known constants as notes, at the right place", () => {
    const results = log.runs[0].results.map(
      (r: {
        ruleId: string;
        level: string;
        locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }>;
      }) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region.startLine, r.locations[0]!.physicalLocation.region.startColumn],
    );
    expect(results).toEqual([
      ["no-patch/unjustified", "error", 3, 29],
      ["no-patch/known-constant", "note", 4, 14],
      ["no-patch/weak", "error", 5, 11],
    ]);
  });
  it("is still valid with no findings and with unverified files", () => {
    const empty = analyzeChange([{ path: "a.ts", status: "added", baseText: null, headText: null }], defaultConfig);
    const doc = JSON.parse(toSarif(empty, "1.2.3"));
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc.runs[0].invocations[0].toolExecutionNotifications).toHaveLength(1);
  });
});

describe("github annotations", () => {
  const out = toGithubAnnotations(analysis).trim().split("\n");
  it("writes one workflow command per finding that needs attention, escaped", () => {
    expect(out[0]).toMatch(
      /^::error file=src\/sub dir\/ept%2Cv%251\.ts,line=3,col=29,endLine=3,endColumn=34,title=no-patch%3A unjustified scale::1\.002 has no @physics justification/,
    );
    expect(out[1]).toMatch(/^::notice file=.*,line=4,col=14,.*::3\.14159 is π/);
    expect(out[2]).toMatch(/^::error .*line=5,col=11.*::the @physics justification of 0\.95 is not accepted/);
    expect(out.at(-1)).toMatch(/^no-patch: failure: 2 blocking/);
  });
  it("escapes % and newlines in the message", () => {
    const config = validateConfig({ justification: { rejectPhrases: ["50% better"] } });
    const text = "const g = 0.95; // @physics: growth rate from the fit, 50% better than before";
    const out = toGithubAnnotations(analyzeChange([{ path: "a.ts", status: "added", baseText: null, headText: text }], config));
    expect(out).toContain('("the fit", "50%25 better")');
    expect(out.split("\n").filter((l) => l.startsWith("::"))).toHaveLength(1);
  });
  it("warn mode writes warnings", () => {
    const warn = analyzeChange([{ path: "a.ts", status: "added", baseText: null, headText: "x * 1.7" }], validateConfig({ mode: "warn" }));
    expect(toGithubAnnotations(warn)).toMatch(/^::warning file=a\.ts,line=1,col=5/);
    expect(warn.conclusion).toBe("neutral");
  });
});

describe("json", () => {
  it("has the SPEC fields for each finding", () => {
    const doc = JSON.parse(toJson(analysis));
    expect(doc.conclusion).toBe("failure");
    expect(doc.findings[1]).toMatchObject({
      path: "src/sub dir/ept,v%1.ts",
      line: 3,
      column: 29,
      literal: "1.002",
      value: 1.002,
      role: "scale",
      status: "unjustified",
      blocking: true,
      message: "1.002 has no @physics justification",
      justification: null,
      previous: null,
    });
  });
});

describe("text", () => {
  it("shows the source line with a caret under the literal, the role and the fix", () => {
    const text = toText(analysis, { color: false, sourceOf: () => head });
    expect(text).toContain("    3 | return (pLin + p22 + p13) * 1.002;\n      |                             ^^^^^\n");
    expect(text).toContain("role: scale factor");
    expect(text).toContain("fix: add a comment on the line above: `// @physics:");
    expect(text.trim().split("\n").slice(-2)).toEqual([
      "✖ no-patch: 2 blocking findings (1 justified, 1 known constants, 0 allowed, 0 overridden; 1 file checked)",
      "1 file: 1 checked; policy: defaults",
    ]);
    expect(text).not.toContain("\u001b[");
  });
  it("colours only when asked", () => {
    expect(toText(analysis, { color: true, sourceOf: () => head })).toContain("\u001b[31m");
  });
});

describe("the message of a value under a comment that predates it", () => {
  const base = "// @physics: velocity dispersion sigma_v^2, Eq. 3.4 of the paper\nconst k = x * 1.07;\n";
  const change = (head: string): string[] => {
    const analysis = analyzeChange([{ path: "src/k.ts", status: "modified", baseText: base, headText: head }], defaultConfig);
    return analysis.findings.map((f) => messageOf(f, analysis.policy));
  };

  it("names the old comment and why it does not cover the new value", () => {
    expect(change(base.replace("x * 1.07", "x * 1.07 * 1.002"))).toEqual([
      '1.002 has no @physics justification of its own: the comment over it ("velocity dispersion sigma_v^2, Eq. 3.4 of the paper", line 1) says what the code said before this change, and an unchanged comment covers only what it covered before',
    ]);
  });

  it("a value with no comment at all says only that", () => {
    const analysis = analyzeChange(
      [{ path: "src/k.ts", status: "added", baseText: null, headText: "const k = x * 1.07;\n" }],
      defaultConfig,
    );
    expect(analysis.findings.map((f) => messageOf(f, analysis.policy))).toEqual(["1.07 has no @physics justification"]);
  });
});
