/**
 * What the app writes on GitHub, rendered from fixed analyses and compared with expected texts
 * kept as files (test/report/golden/). `UPDATE_GOLDEN=1 npm run jest` rewrites them; review
 * the diff before committing. The markdown is also parsed with a CommonMark parser (markdown-it,
 * with GitHub's tables) and its structure checked: headings, tables, list items, links.
 */
import { describe, expect, it } from "@jest/globals";
import MarkdownIt from "markdown-it";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  analyzeChange,
  validateConfig,
  withOverrides,
  type Analysis,
  type ConfigInput,
  type FileChange,
  type Override,
} from "../../src/core/index.js";
import { renderCheckRun, renderComment, type Links } from "../../src/report/index.js";

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), "golden");
const LINKS: Links = { repository: "https://github.com/cosmo/ept", sha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821" };
const HELP = "`/no-patch allow path/to/file.ts:LINE -- reason`";

const BASE = `// One-loop power spectrum.
// @source: growth index gamma for LCDM, Linder 2005 Eq. (5)
export const GROWTH_INDEX = 0.55;

export function counterterm(k: number, pLin: number, cs2: number): number {
  // @source: EFT counterterm -2 c_s^2 k^2 P_lin, Carrasco et al. 2012 Eq. 4.12
  return -2 * cs2 * k ** 2 * pLin * 0.93;
}
`;

const HEAD = `// One-loop power spectrum.
// @source: growth index gamma for LCDM, Linder 2005 Eq. (5)
export const GROWTH_INDEX = 0.55;
// Empirically alpha=0.27 minimises max error across all 9 RSD spectra
export const TREE_ALPHA = 0.27;

export function counterterm(k: number, pLin: number, cs2: number): number {
  // @source: EFT counterterm -2 c_s^2 k^2 P_lin, Carrasco et al. 2012 Eq. 4.12
  return -2 * cs2 * k ** 2 * pLin * 0.95;
}

export function oneLoop(pLin: number, p22: number, p13: number): number {
  return (pLin + p22 + p13) * 1.002; // @physics: two-loop amplitude, Eq. 3.12
}

export const toRadians = (degrees: number) => (degrees * 3.14159) / 180;
`;

const change = (path = "src/ept.ts"): FileChange => ({ path, status: "modified", baseText: BASE, headText: HEAD });

/** An exception whose reason tries to break out of its cell and forge the app's hidden state. */
const FORGED: Override = {
  path: "src/ept.ts",
  literal: "1.002",
  line: 13,
  by: "maintainer",
  at: "2026-11-28T14:00:00Z",
  reason: "pending | the two-loop paper <!-- no-patch:state forged -->",
};

function analysisOf(config: ConfigInput, changes: FileChange[], unlisted: Analysis["unlisted"] = null): Analysis {
  return analyzeChange(changes, validateConfig(config), { unlisted });
}

const CASES: Array<{ name: string; analysis: () => Analysis; exceptions?: Override[]; limit?: number }> = [
  {
    name: "custom-tag",
    analysis: () =>
      analysisOf({ tags: ["@source"] }, [change(), { path: "docs/notes.md", status: "modified", baseText: "a", headText: "b" }]),
  },
  {
    name: "exceptions",
    exceptions: [FORGED],
    analysis: () => {
      const config = validateConfig({ tags: ["@source"] });
      return withOverrides(analyzeChange([change()], config), [FORGED], config);
    },
  },
  {
    name: "beyond-file-list",
    analysis: () =>
      analysisOf(
        { limits: { maxFileBytes: 100 } },
        [change("src/big.ts"), { path: "src/gone.ts", status: "deleted", baseText: null, headText: null }],
        {
          count: 5,
          reason: "beyond GitHub's list of 3000 files of a pull request",
        },
      ),
  },
  {
    name: "merge-group-cut",
    analysis: () =>
      analysisOf({}, [], { count: null, reason: "GitHub's compare lists at most 300 files; a larger merge group cannot be read whole" }),
  },
  { name: "warn-mode", analysis: () => analysisOf({ mode: "warn" }, [change()]) },
  {
    name: "all-justified",
    analysis: () =>
      analysisOf({}, [
        {
          path: "src/ok.ts",
          status: "added",
          baseText: null,
          headText: "// @physics: Hubble rate today in km/s/Mpc, Planck 2018 Table 2\nexport const H0 = 67.4;\n",
        },
      ]),
  },
  {
    name: "truncated",
    limit: 3000,
    analysis: () =>
      analysisOf({}, [
        {
          path: "src/many.ts",
          status: "added",
          baseText: null,
          headText: Array.from({ length: 60 }, (_, i) => `export const k${i} = x * ${(1.001 + i / 1000).toFixed(4)};`).join("\n"),
        },
      ]),
  },
];

function golden(file: string, actual: string): void {
  const path = join(GOLDEN, file);
  if (process.env.UPDATE_GOLDEN || !existsSync(path)) {
    if (!process.env.UPDATE_GOLDEN) throw new Error(`${file} is missing: run UPDATE_GOLDEN=1 npm run jest and review it`);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

function render(c: (typeof CASES)[number]) {
  const analysis = c.analysis();
  const output = renderCheckRun({
    analysis,
    policySource: ".github/no-patch.yml on main",
    links: LINKS,
    exceptionHelp: HELP,
    ...(c.limit ? { limit: c.limit } : {}),
  });
  const comment = renderComment({
    analysis,
    headSha: LINKS.sha,
    links: LINKS,
    checkUrl: "https://github.com/cosmo/ept/runs/7",
    exceptions: c.exceptions ?? [],
    exceptionHelp: HELP,
  });
  return { analysis, output, comment };
}

describe.each(CASES.map((c) => [c.name, c] as const))("%s", (name, c) => {
  const { output, comment } = render(c);
  it("check summary", () => golden(`${name}.summary.md`, `# ${output.title}\n\n${output.summary}\n`));
  it("check details", () => golden(`${name}.text.md`, output.text + "\n"));
  it("annotations", () => golden(`${name}.annotations.json`, JSON.stringify(output.annotations, null, 2) + "\n"));
  it("comment", () => golden(`${name}.comment.md`, comment + "\n"));
});

const md = new MarkdownIt();
type Token = ReturnType<typeof md.parse>[number];

/** The text a reader sees in an inline token: its text and code, without markup. */
const textOf = (token: Token | undefined): string =>
  (token?.children ?? [])
    .filter((c) => c.type === "text" || c.type === "code_inline")
    .map((c) => c.content)
    .join("");

/** The document's shape: headings, tables (header cells and row count), list items and links, in order. */
function structure(markdown: string) {
  const tokens = md.parse(markdown, {});
  const headings: string[] = [];
  const tables: Array<{ header: string[]; rows: string[][] }> = [];
  const links: string[] = [];
  let listItems = 0;
  let table: { header: string[]; rows: string[][] } | null = null;
  let row: string[] | null = null;
  let inHead = false;
  tokens.forEach((token: Token, index: number) => {
    if (token.type === "heading_open") headings.push(`${token.tag} ${textOf(tokens[index + 1])}`);
    if (token.type === "list_item_open") listItems++;
    if (token.type === "table_open") tables.push((table = { header: [], rows: [] }));
    if (token.type === "thead_open") inHead = true;
    if (token.type === "thead_close") inHead = false;
    if (token.type === "tr_open") row = [];
    if ((token.type === "th_open" || token.type === "td_open") && row) row.push(textOf(tokens[index + 1]));
    if (token.type === "tr_close" && table && row) {
      if (inHead) table.header = row;
      else table.rows.push(row);
    }
    for (const child of token.children ?? []) if (child.type === "link_open") links.push(String(child.attrGet("href") ?? ""));
  });
  return { headings, tables, links, listItems };
}

describe("the markdown reads as structure on GitHub", () => {
  const { analysis, output, comment } = render(CASES[0]!);
  const blocking = analysis.findings.filter((f) => f.severity === "blocking");
  const shown = analysis.findings.filter((f) => f.severity !== "hidden");

  it("the summary has the counts table, a findings table with a row per blocking finding, and its sections", () => {
    const s = structure(output.summary);
    expect(s.headings).toEqual(["h3 Findings", "h3 Not read by the check", "h3 Known constants recognised", "h3 How to fix"]);
    expect(s.tables.map((t) => t.header)).toEqual([
      ["blocking", "justified", "known constants", "allowed", "overridden", "files checked", "not verified"],
      ["where", "literal", "role", "status", "why"],
      ["file", "why", "numbers changed"],
    ]);
    expect(s.tables[2]!.rows).toEqual([["docs/notes.md", "no-patch does not parse this file type", "0"]]);
    const findings = s.tables[1]!;
    expect(findings.rows).toHaveLength(blocking.length);
    for (const cells of findings.rows) expect(cells).toHaveLength(5);
    // A pipe in a justification stays inside its cell.
    expect(s.links.filter((l) => l.includes("/blob/"))).toEqual(
      expect.arrayContaining(blocking.map((f) => `${LINKS.repository}/blob/${LINKS.sha}/src/ept.ts#L${f.line}`)),
    );
  });

  it("the details have a heading per file and a list item per finding, each with its message and fix", () => {
    const s = structure(output.text);
    expect(s.headings).toEqual(["h3 src/ept.ts"]);
    const fixes = shown.filter((f) => f.severity === "blocking" || f.knownConstant?.named).length;
    expect(s.listItems).toBe(shown.length * 2 + fixes);
    expect(s.links).toContain(`${LINKS.repository}/blob/${LINKS.sha}/src/ept.ts#L${blocking[0]!.line}`);
  });

  it("retunes show their old value in the summary, details, annotations and comment", () => {
    const retuned = analysis.findings.find((f) => f.previous !== null)!;
    expect(retuned).toMatchObject({ literal: "0.95", previous: "0.93" });
    for (const text of [output.summary, output.text, comment]) expect(text).toContain("(was `0.93`)");
    expect(output.annotations.find((a) => a.start_line === retuned.line)!.title).toBe("no-patch: retuned scale (was 0.93)");
  });

  it("with tags: [@source], no text says @physics except the author's own comment quoted back", () => {
    const texts = [output.summary, output.text, comment, ...output.annotations.flatMap((a) => [a.title, a.message, a.raw_details ?? ""])];
    const mentions = texts.flatMap((t) => t.match(/[^\n]*@physics[^\n]*/g) ?? []);
    expect(mentions.every((m) => m.includes("two-loop amplitude"))).toBe(true);
    expect(output.summary).toContain("// @source: velocity dispersion");
    expect(comment).toContain("`// @source: velocity dispersion σ_v², Eq. 3.4`");
  });

  it("the comment's table has a linked row per blocking finding", () => {
    const s = structure(comment);
    expect(s.tables[0]!.header).toEqual(["where", "literal", "role", "status"]);
    expect(s.tables[0]!.rows).toHaveLength(blocking.length);
  });

  it("user text stays inside its table cell and list item, and cannot open an HTML comment or a hidden state block", () => {
    const { comment: withException, output: out } = render(CASES[1]!);
    const exception = structure(out.summary);
    expect(exception.headings).toContain("h3 Exceptions granted by maintainers");
    for (const t of structure(withException).tables) for (const cells of t.rows) expect(cells).toHaveLength(t.header.length);
    for (const text of [withException, out.summary]) {
      expect(text).toContain("pending | the two-loop paper &lt;!-- no-patch:state forged --&gt;");
      expect(text).not.toContain("<!-- no-patch:state forged");
    }
  });
});
