/**
 * Unified diffs: `git diff` output (many files, with extended headers) and GitHub's per-file
 * `patch` (hunks only). Also the line changes between two texts when no patch exists.
 */
import { diffArrays } from "diff";

export type FileStatus = "added" | "deleted" | "modified" | "renamed";

export interface LineChanges {
  /** New-side (head) line numbers that were added or modified, 1-based. */
  added: Set<number>;
  /** Old-side (base) line numbers that were removed or modified, 1-based. */
  removed: Set<number>;
  /** How many numbers the added lines hold (what a reviewer would look at in a file the check does not parse). */
  numbers?: number;
  /**
   * Modified lines: a run of removed lines replaced by a run of added lines of the same length
   * pairs them in order (head line → base line), as a reader of the diff pairs them.
   */
  replaced?: Map<number, number>;
}

/** Pairs runs of removed and added lines of equal length into `replaced` (a modified line). */
class Replacements {
  private removed: number[] = [];
  private added: number[] = [];
  constructor(private readonly into: LineChanges) {}
  remove(line: number): void {
    if (this.added.length > 0) this.flush();
    this.removed.push(line);
  }
  add(line: number): void {
    this.added.push(line);
  }
  flush(): void {
    if (this.removed.length > 0 && this.removed.length === this.added.length) {
      this.into.replaced ??= new Map();
      this.added.forEach((line, i) => this.into.replaced!.set(line, this.removed[i]!));
    }
    this.removed = [];
    this.added = [];
  }
}

/** Numbers as a reader sees them in any text: not part of a word or a version such as 1.2.3. */
const NUMBER_TOKENS = /(?<![\w.])[-+]?(?:\d[\d_]*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?(?![\w.]*\d)/g;

/** How many numbers a line of text holds. */
export const countNumbers = (line: string): number => line.match(NUMBER_TOKENS)?.length ?? 0;

export interface FileDiff extends LineChanges {
  oldPath: string | null;
  newPath: string | null;
  status: FileStatus;
  binary: boolean;
  /** A symbolic link on either side (git mode 120000): its content is a path, not code. */
  symlink: boolean;
}

export class DiffError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DiffError";
  }
}

/** Decode a path as git writes it: C-quoted with octal UTF-8 bytes when it holds odd bytes. */
export function unquotePath(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '"': 34, "\\": 92 };
  for (let i = 1; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '"') break;
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = raw[++i] ?? "";
    if (/[0-7]/.test(next)) {
      const octal = raw.slice(i, i + 3);
      bytes.push(parseInt(octal, 8));
      i += 2;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function stripPrefix(path: string, prefix: "a/" | "b/"): string | null {
  const unquoted = unquotePath(path.replace(/\t.*$/, ""));
  if (unquoted === "/dev/null") return null;
  return unquoted.startsWith(prefix) ? unquoted.slice(prefix.length) : unquoted;
}

/** `diff --git a/x b/x`: exact when quoted; otherwise the two halves are equal for non-renames. */
function pathsFromGitHeader(rest: string): [string | null, string | null] {
  if (rest.startsWith('"')) {
    const end = rest.indexOf('" ', 1);
    if (end > 0) return [stripPrefix(rest.slice(0, end + 1), "a/"), stripPrefix(rest.slice(end + 2), "b/")];
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === " ") {
    const a = rest.slice(0, half);
    const b = rest.slice(half + 1);
    if (a.slice(2) === b.slice(2)) return [stripPrefix(a, "a/"), stripPrefix(b, "b/")];
  }
  const split = rest.indexOf(" b/");
  if (split > 0) return [stripPrefix(rest.slice(0, split), "a/"), stripPrefix(rest.slice(split + 1), "b/")];
  return [null, null];
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

interface HunkHeader {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

/** What a walk over hunks is told: each hunk's header, then each of its lines. */
interface HunkVisitor {
  hunk(header: HunkHeader): void;
  line(marker: "+" | "-" | " ", body: string): void;
  /** `\ No newline at end of file`: the line just visited ends its file without a newline. */
  noNewline?(): void;
}

/**
 * The one walk over a patch's hunks: headers, then lines by their counts, with `\ No newline`
 * markers skipped. Stops at the next file's header when asked; returns the index after the
 * hunks. A line that is none of ` `, `+`, `-` inside a hunk is a DiffError.
 */
function walkHunks(lines: string[], start: number, stopAtFileHeader: boolean, visitor: HunkVisitor): number {
  let i = start;
  while (i < lines.length) {
    const header = lines[i]!;
    if (stopAtFileHeader && header.startsWith("diff --git ")) break;
    const match = HUNK.exec(header);
    i++;
    if (!match) continue;
    let oldLeft = match[2] === undefined ? 1 : Number(match[2]);
    let newLeft = match[4] === undefined ? 1 : Number(match[4]);
    visitor.hunk({ oldStart: Number(match[1]), oldCount: oldLeft, newStart: Number(match[3]), newCount: newLeft });
    while (i < lines.length && (oldLeft > 0 || newLeft > 0)) {
      const line = lines[i]!;
      const marker = line === "" ? " " : line[0];
      if (marker === "+") newLeft--;
      else if (marker === "-") oldLeft--;
      else if (marker === " ") {
        oldLeft--;
        newLeft--;
      } else if (marker !== "\\") {
        throw new DiffError(`malformed hunk at diff line ${i + 1}: ${JSON.stringify(line.slice(0, 80))}`);
      }
      if (marker === "\\") visitor.noNewline?.();
      else visitor.line(marker, line.slice(1));
      i++;
    }
    // "\ No newline at end of file" may follow the last line of a hunk.
    while (i < lines.length && lines[i]!.startsWith("\\")) {
      visitor.noNewline?.();
      i++;
    }
  }
  return i;
}

/** Record the changed lines of one file's hunks; returns the index after them. */
function readHunks(lines: string[], start: number, into: LineChanges, stopAtFileHeader: boolean): number {
  let oldLine = 0;
  let newLine = 0;
  const runs = new Replacements(into);
  const end = walkHunks(lines, start, stopAtFileHeader, {
    hunk(header) {
      runs.flush();
      oldLine = header.oldStart;
      newLine = header.newStart;
    },
    line(marker, body) {
      if (marker === "+") {
        runs.add(newLine);
        into.added.add(newLine++);
        into.numbers = (into.numbers ?? 0) + countNumbers(body);
      } else if (marker === "-") {
        runs.remove(oldLine);
        into.removed.add(oldLine++);
      } else {
        runs.flush();
        oldLine++;
        newLine++;
      }
    },
  });
  runs.flush();
  return end;
}

function splitLines(text: string): string[] {
  const lines = text.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Parse the hunks of a single file's patch (GitHub's `files[].patch`). */
export function parseHunks(patch: string): LineChanges {
  const changes: LineChanges = { added: new Set(), removed: new Set() };
  readHunks(splitLines(patch), 0, changes, false);
  return changes;
}

/** Parse a multi-file `git diff` output. */
export function parseUnifiedDiff(diff: string): FileDiff[] {
  const lines = splitLines(diff);
  const files: FileDiff[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.startsWith("diff --git ")) {
      i++;
      continue;
    }
    const [headerOld, headerNew] = pathsFromGitHeader(line.slice("diff --git ".length));
    const file: FileDiff = {
      oldPath: headerOld,
      newPath: headerNew,
      status: "modified",
      binary: false,
      symlink: false,
      added: new Set(),
      removed: new Set(),
    };
    i++;
    while (i < lines.length && !lines[i]!.startsWith("diff --git ") && !lines[i]!.startsWith("@@")) {
      const ext = lines[i]!;
      if (/ 120000$/.test(ext) && /^(new file mode|deleted file mode|old mode|new mode|index )/.test(ext)) file.symlink = true;
      if (ext.startsWith("new file mode")) file.status = "added";
      else if (ext.startsWith("deleted file mode")) file.status = "deleted";
      else if (ext.startsWith("rename from ")) {
        file.oldPath = unquotePath(ext.slice("rename from ".length));
        file.status = "renamed";
      } else if (ext.startsWith("rename to ")) file.newPath = unquotePath(ext.slice("rename to ".length));
      else if (ext.startsWith("--- ")) file.oldPath = stripPrefix(ext.slice(4), "a/");
      else if (ext.startsWith("+++ ")) file.newPath = stripPrefix(ext.slice(4), "b/");
      else if (ext.startsWith("Binary files ") || ext === "GIT binary patch") file.binary = true;
      i++;
    }
    if (file.oldPath === null && file.status !== "renamed") file.status = "added";
    if (file.newPath === null) file.status = "deleted";
    i = readHunks(lines, i, file, true);
    files.push(file);
  }
  return files;
}

/**
 * Bounds the diff of two texts. Myers' algorithm costs about (lines of both) × (edits), so the
 * edit bound shrinks as files grow, keeping the work near a fixed budget; past it the file
 * counts as rewritten (every head line added), which fails closed. Deterministic, unlike a
 * timeout.
 */
const DIFF_WORK_BUDGET = 20_000_000;
const MAX_EDIT_LENGTH = 20_000;
const MIN_EDIT_LENGTH = 200;

/** Line changes between two texts (for files GitHub sends no patch for). */
export function diffTexts(base: string | null, head: string | null): LineChanges {
  const oldLines = base === null ? [] : splitLines(base);
  const newLines = head === null ? [] : splitLines(head);
  const changes: LineChanges = { added: new Set(), removed: new Set() };
  const bound = Math.floor(DIFF_WORK_BUDGET / (oldLines.length + newLines.length + 1));
  const maxEditLength = Math.max(MIN_EDIT_LENGTH, Math.min(MAX_EDIT_LENGTH, bound));
  const parts = diffArrays(oldLines, newLines, { maxEditLength });
  if (!parts) {
    // Too different to align within the bound: treat the file as rewritten (fail closed).
    oldLines.forEach((_, index) => changes.removed.add(index + 1));
    newLines.forEach((_, index) => changes.added.add(index + 1));
    changes.numbers = newLines.reduce((n, line) => n + countNumbers(line), 0);
    return changes;
  }
  let oldLine = 1;
  let newLine = 1;
  changes.numbers = 0;
  const runs = new Replacements(changes);
  for (const part of parts) {
    const count = part.value.length;
    for (let k = 0; k < count; k++) {
      if (part.added) {
        changes.numbers += countNumbers(part.value[k]!);
        runs.add(newLine);
        changes.added.add(newLine++);
      } else if (part.removed) {
        runs.remove(oldLine);
        changes.removed.add(oldLine++);
      } else {
        runs.flush();
        oldLine++;
        newLine++;
      }
    }
  }
  runs.flush();
  return changes;
}

/**
 * The base text of a file, rebuilt from its head text and a patch with context (GitHub's
 * `files[].patch`). Returns null when the patch does not fit the text, so the caller can
 * fetch the base instead of trusting a wrong reconstruction. Line endings follow the head.
 */
export function reversePatch(headText: string, patch: string): string | null {
  const headLines = splitLines(headText);
  const headEndsWithNewline = headText.endsWith("\n");
  const eol = headText.includes("\r\n") ? "\r\n" : "\n";
  const strip = (line: string) => (line.endsWith("\r") ? line.slice(0, -1) : line);
  const out: string[] = [];
  let headIndex = 0; // 0-based next head line to copy
  /** The last base line the patch showed, and whether a `\ No newline` marker followed it. */
  let lastMarker: "+" | "-" | " " | null = null;
  let baseLineHasNoNewline = false;
  const doesNotFit = new Error("the patch does not fit the text");
  const expectHead = (body: string): void => {
    if (headIndex >= headLines.length || strip(headLines[headIndex]!) !== body) throw doesNotFit;
    headIndex++;
  };
  try {
    walkHunks(splitLines(patch), 0, false, {
      hunk({ newStart, newCount }) {
        // An empty new side (`+N,0`) starts after line N.
        const hunkHeadStart = newCount === 0 ? newStart : newStart - 1;
        if (hunkHeadStart < headIndex || hunkHeadStart > headLines.length) throw doesNotFit;
        while (headIndex < hunkHeadStart) out.push(strip(headLines[headIndex++]!));
      },
      line(marker, body) {
        lastMarker = marker;
        if (marker === "+") return expectHead(body);
        baseLineHasNoNewline = false;
        if (marker === " ") expectHead(body);
        out.push(body);
      },
      noNewline() {
        if (lastMarker === "-" || lastMarker === " ") baseLineHasNoNewline = true;
      },
    });
  } catch (error) {
    if (error === doesNotFit || error instanceof DiffError) return null;
    throw error;
  }
  // The base ends as the head does, unless the patch reached the end and said otherwise.
  const reachedEnd = headIndex === headLines.length;
  while (headIndex < headLines.length) out.push(strip(headLines[headIndex++]!));
  if (out.length === 0) return "";
  const endsWithNewline = reachedEnd ? !baseLineHasNoNewline && (lastMarker !== null || headEndsWithNewline) : headEndsWithNewline;
  return out.join(eol) + (endsWithNewline ? eol : "");
}
