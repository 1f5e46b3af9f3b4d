/**
 * Detection behaviour as tables (test/core/case-table.ts): code in, findings out.
 */
import { describe, expect, it } from "@jest/globals";
import { runCase } from "../helpers.js";
import { tables } from "./case-table.js";
import { judgementTables } from "./judgement-table.js";
import { pythonTables } from "./python-table.js";

describe.each([...tables, ...pythonTables, ...judgementTables])("%s", (_title, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(runCase(c)).toEqual(c.findings);
  });
});

it("has at least 100 cases", () => {
  expect(tables.reduce((n, [, cases]) => n + cases.length, 0)).toBeGreaterThanOrEqual(100);
});

it("has at least 80 Python cases", () => {
  expect(pythonTables.reduce((n, [, cases]) => n + cases.length, 0)).toBeGreaterThanOrEqual(80);
});
