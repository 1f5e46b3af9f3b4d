/**
 * Line endings change nothing: every row of the detection tables, written with CRLF (Windows)
 * line endings, has the findings it has with LF.
 */
import { describe, expect, it } from "@jest/globals";
import { runCase, type Case } from "../helpers.js";
import { tables } from "./case-table.js";
import { judgementTables } from "./judgement-table.js";
import { pythonTables } from "./python-table.js";

const crlf = (text: string): string => text.replace(/\r?\n/g, "\r\n");

describe.each([...tables, ...pythonTables, ...judgementTables])("%s, with CRLF line endings", (_title, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const windows: Case = { ...c, code: crlf(c.code), ...(c.base !== undefined ? { base: crlf(c.base) } : {}) };
    expect(runCase(windows)).toEqual(runCase(c));
  });
});
