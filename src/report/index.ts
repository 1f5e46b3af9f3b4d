/**
 * The report layer: every text a person or a tool reads, rendered from an analysis. A new
 * format is one file exporting a `Format` and one line in `FORMATS`.
 */
import type { Format } from "./format.js";
import { githubFormat } from "./github.js";
import { jsonFormat } from "./json.js";
import { markdownFormat } from "./markdown-format.js";
import { sarifFormat } from "./sarif.js";
import { textFormat } from "./text.js";

export const FORMATS: readonly Format[] = [textFormat, jsonFormat, sarifFormat, githubFormat, markdownFormat];

export const formatNamed = (name: string): Format | undefined => FORMATS.find((format) => format.name === name);

export type { Format, ReportInput } from "./format.js";
export { renderCheckRun, renderFailure, type Annotation, type CheckRunOutput } from "./check-run.js";
export { renderComment } from "./comment.js";
export { fixOf, messageOf } from "./describe.js";
export type { Links } from "./markdown.js";
