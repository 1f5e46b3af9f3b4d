/** The ESLint rules' docs URLs resolve to real sections, and each message has its own text. */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DOCS_PAGE } from "../../src/eslint/create-rule.js";
import { rules } from "../../src/eslint/index.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

describe.each(Object.entries(rules))("%s", (name, rule) => {
  const url = rule.meta.docs!.url!;

  it("links to its section of docs/eslint.md", () => {
    const [page, anchor] = url.split("#");
    expect(page).toBe(DOCS_PAGE);
    const file = page!.replace(/^https:\/\/github\.com\/no-patch\/no-patch\/blob\/main\//, "");
    const headings = readFileSync(`${ROOT}${file}`, "utf8")
      .split("\n")
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => slug(line.replace(/^#+ /, "")));
    expect(anchor).toBe(name);
    expect(headings).toContain(anchor);
  });

  it("has a distinct text for each message", () => {
    const texts = Object.values(rule.meta.messages);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
