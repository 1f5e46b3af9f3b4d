/**
 * A report format: how an analysis is written for a reader or a tool. Each format is one file
 * exporting a `Format`, registered once in `index.ts`; the CLI lists and dispatches from there.
 */
import type { Analysis } from "../core/analyze.js";
import type { Links } from "./markdown.js";

export interface ReportInput {
  analysis: Analysis;
  /** Where the policy came from, said in human reports. */
  policySource: string;
  /** no-patch's version, for machine reports (SARIF). */
  toolVersion: string;
  /** A file's head text, for source excerpts. */
  sourceOf?: (path: string) => string | undefined;
  /** Where locations can link to (a repository and commit on GitHub). */
  links?: Links | null;
  /** ANSI colours (a terminal). */
  color?: boolean;
}

export interface Format {
  name: string;
  /** One line for `--help`. */
  description: string;
  render(input: ReportInput): string;
}
