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
}

export interface FileDiff extends LineChanges {
  oldPath: string | null;
  newPath: string | null;
  status: FileStatus;
  binary: boolean;
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

/** Apply the hunks of one file's patch to a LineChanges; returns the index after the hunks. */
function readHunks(lines: string[], start: number, into: LineChanges, stopAtFileHeader: boolean): number {
  let i = start;
  while (i < lines.length) {
    const header = lines[i]!;
    if (stopAtFileHeader && header.startsWith("diff --git ")) break;
    const match = HUNK.exec(header);
    if (!match) {
      i++;
      continue;
    }
    let oldLine = Number(match[1]);
    let newLine = Number(match[3]);
    let oldLeft = match[2] === undefined ? 1 : Number(match[2]);
    let newLeft = match[4] === undefined ? 1 : Number(match[4]);
    i++;
    while (i < lines.length && (oldLeft > 0 || newLeft > 0)) {
      const line = lines[i]!;
      const marker = line[0];
      if (marker === "+") {
        into.added.add(newLine++);
        newLeft--;
      } else if (marker === "-") {
        into.removed.add(oldLine++);
        oldLeft--;
      } else if (marker === " " || line === "") {
        oldLine++;
        newLine++;
        oldLeft--;
        newLeft--;
      } else if (marker !== "\\") {
        throw new DiffError(`malformed hunk at diff line ${i + 1}: ${JSON.stringify(line.slice(0, 80))}`);
      }
      i++;
    }
    // "\ No newline at end of file" may follow the last line of a hunk.
    while (i < lines.length && lines[i]!.startsWith("\\")) i++;
  }
  return i;
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
      added: new Set(),
      removed: new Set(),
    };
    i++;
    while (i < lines.length && !lines[i]!.startsWith("diff --git ") && !lines[i]!.startsWith("@@")) {
      const ext = lines[i]!;
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
    return changes;
  }
  let oldLine = 1;
  let newLine = 1;
  for (const part of parts) {
    const count = part.value.length;
    for (let k = 0; k < count; k++) {
      if (part.added) changes.added.add(newLine++);
      else if (part.removed) changes.removed.add(oldLine++);
      else {
        oldLine++;
        newLine++;
      }
    }
  }
  return changes;
}

/**
 * The base text of a file, rebuilt from its head text and a patch with context (GitHub's
 * `files[].patch`). Returns null when the patch does not fit the text, so the caller can
 * fetch the base instead of trusting a wrong reconstruction. Line endings follow the head.
 */
export function reversePatch(headText: string, patch: string): string | null {
  const headLines = headText.split("\n");
  const eol = headText.includes("\r\n") ? "\r\n" : "\n";
  const strip = (line: string) => (line.endsWith("\r") ? line.slice(0, -1) : line);
  const patchLines = splitLines(patch);
  const out: string[] = [];
  let headIndex = 0; // 0-based next head line to copy
  let i = 0;
  while (i < patchLines.length) {
    const match = HUNK.exec(patchLines[i]!);
    if (!match) {
      i++;
      continue;
    }
    const newStart = Number(match[3]);
    let oldLeft = match[2] === undefined ? 1 : Number(match[2]);
    let newLeft = match[4] === undefined ? 1 : Number(match[4]);
    // An empty new side (`+0,0`) starts after line newStart.
    const hunkHeadStart = newLeft === 0 ? newStart : newStart - 1;
    if (hunkHeadStart < headIndex || hunkHeadStart > headLines.length) return null;
    while (headIndex < hunkHeadStart) out.push(strip(headLines[headIndex++]!));
    i++;
    while (i < patchLines.length && (oldLeft > 0 || newLeft > 0)) {
      const line = patchLines[i]!;
      const marker = line[0];
      const body = line.slice(1);
      if (marker === " " || line === "") {
        if (strip(headLines[headIndex] ?? "\u0000") !== body) return null;
        out.push(body);
        headIndex++;
        oldLeft--;
        newLeft--;
      } else if (marker === "-") {
        out.push(body);
        oldLeft--;
      } else if (marker === "+") {
        if (strip(headLines[headIndex] ?? "\u0000") !== body) return null;
        headIndex++;
        newLeft--;
      } else if (marker !== "\\") {
        return null;
      }
      i++;
    }
    while (i < patchLines.length && patchLines[i]!.startsWith("\\")) i++;
  }
  while (headIndex < headLines.length) out.push(strip(headLines[headIndex++]!));
  return out.join(eol);
}
