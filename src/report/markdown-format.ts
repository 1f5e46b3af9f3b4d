/** The check run's summary and details as one markdown document (`--format markdown`), e.g. for a step summary. */
import { renderCheckRun } from "./check-run.js";
import type { Format } from "./format.js";

export const markdownFormat: Format = {
  name: "markdown",
  description: "the check run's summary and details as markdown",
  render({ analysis, policySource, links }) {
    const output = renderCheckRun({ analysis, policySource, links: links ?? null, limit: Infinity });
    return `## no-patch\n\n${output.summary}\n\n## Details\n\n${output.text}\n`;
  },
};
