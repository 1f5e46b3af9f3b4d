/**
 * Markdown building blocks for GitHub (check runs, comments, step summaries): escaping for
 * table cells and code spans, links to a line at a commit, and the byte limit of the Checks API.
 */

/** Where a report can link: a repository's web address and the commit the findings are at. */
export interface Links {
  /** `https://github.com/OWNER/REPO` (or a GitHub Enterprise address). */
  repository: string;
  sha: string;
}

/** The Checks API's limit for `summary` and `text`, in bytes. */
export const OUTPUT_LIMIT = 65535;

/**
 * Text from a user or a source file, made inert: HTML (and so hidden comments such as a forged
 * state block) is escaped, and markdown's own punctuation cannot start a link or emphasis.
 */
export const inline = (text: string): string =>
  text
    .replace(/\r?\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]])/g, "\\$1");

/** A code span holding any text: the fence is longer than any run of backticks inside. */
export function code(text: string): string {
  const flat = text.replace(/\r?\n/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * A table row. A pipe ends a cell even inside a code span or a link, so every pipe of a cell
 * is escaped here, once: GitHub's table parser reads `\|` as a pipe in the cell's content.
 */
export const tableRow = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;

const encodePath = (path: string): string => path.split("/").map(encodeURIComponent).join("/");

/** The web address of a file (and line) at the commit; null without links. */
export function lineUrl(links: Links | null | undefined, path: string, line?: number): string | null {
  if (!links) return null;
  return `${links.repository}/blob/${links.sha}/${encodePath(path)}${line ? `#L${line}` : ""}`;
}

/** `[label](url)`, or the label alone without a url. */
export const link = (label: string, url: string | null): string => (url ? `[${label}](${url})` : label);

/** A location as a code span linked to its line: [`src/a.ts:12`](…#L12). */
export const where = (links: Links | null | undefined, path: string, line: number): string =>
  link(code(`${path}:${line}`), lineUrl(links, path, line));

/** Cut markdown to the byte limit on a line boundary, saying what was left out. */
export function fitToLimit(markdown: string, limit = OUTPUT_LIMIT): string {
  if (Buffer.byteLength(markdown, "utf8") <= limit) return markdown;
  const lines = markdown.split("\n");
  const note = (omitted: number) =>
    `\n\n_… ${omitted} more line${omitted === 1 ? "" : "s"} left out: the Checks API allows ${limit} bytes. Every finding is also an annotation, and \`no-patch check\` prints them all._`;
  let bytes = 0;
  let kept = 0;
  const reserve = Buffer.byteLength(note(lines.length), "utf8");
  for (const line of lines) {
    const size = Buffer.byteLength(line, "utf8") + 1;
    if (bytes + size + reserve > limit) break;
    bytes += size;
    kept++;
  }
  return lines.slice(0, kept).join("\n") + note(lines.length - kept);
}
