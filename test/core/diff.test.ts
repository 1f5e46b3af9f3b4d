import { describe, expect, it } from "@jest/globals";
import { structuredPatch } from "diff";
import { diffTexts, parseHunks, parseUnifiedDiff, reversePatch, unquotePath } from "../../src/core/diff.js";

const lines = (set: Set<number>) => [...set].sort((a, b) => a - b);

describe("parseUnifiedDiff", () => {
  const cases: Array<
    [
      string,
      string,
      Array<{ oldPath: string | null; newPath: string | null; status: string; binary: boolean; added: number[]; removed: number[] }>,
    ]
  > = [
    [
      "a modified file",
      "diff --git a/src/a.ts b/src/a.ts\nindex 1111111..2222222 100644\n--- a/src/a.ts\n+++ b/src/a.ts\n@@ -3,2 +3,3 @@ fn\n ctx\n-old\n+new\n+more\n",
      [{ oldPath: "src/a.ts", newPath: "src/a.ts", status: "modified", binary: false, added: [4, 5], removed: [4] }],
    ],
    [
      "a new file",
      "diff --git a/n.ts b/n.ts\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/n.ts\n@@ -0,0 +1,2 @@\n+a\n+b\n",
      [{ oldPath: null, newPath: "n.ts", status: "added", binary: false, added: [1, 2], removed: [] }],
    ],
    [
      "a deleted file",
      "diff --git a/d.ts b/d.ts\ndeleted file mode 100644\n--- a/d.ts\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n",
      [{ oldPath: "d.ts", newPath: null, status: "deleted", binary: false, added: [], removed: [1] }],
    ],
    [
      "a rename with changes",
      "diff --git a/old.ts b/new.ts\nsimilarity index 90%\nrename from old.ts\nrename to new.ts\n--- a/old.ts\n+++ b/new.ts\n@@ -2 +2 @@\n-x\n+y\n",
      [{ oldPath: "old.ts", newPath: "new.ts", status: "renamed", binary: false, added: [2], removed: [2] }],
    ],
    [
      "a pure rename",
      "diff --git a/old.ts b/new.ts\nsimilarity index 100%\nrename from old.ts\nrename to new.ts\n",
      [{ oldPath: "old.ts", newPath: "new.ts", status: "renamed", binary: false, added: [], removed: [] }],
    ],
    [
      "a binary file",
      "diff --git a/img.png b/img.png\nindex 1..2 100644\nBinary files a/img.png and b/img.png differ\n",
      [{ oldPath: "img.png", newPath: "img.png", status: "modified", binary: true, added: [], removed: [] }],
    ],
    [
      "no newline at end of file",
      "diff --git a/a.ts b/a.ts\n--- a/a.ts\n+++ b/a.ts\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n",
      [{ oldPath: "a.ts", newPath: "a.ts", status: "modified", binary: false, added: [1], removed: [1] }],
    ],
    [
      "CRLF diff output",
      "diff --git a/a.ts b/a.ts\r\n--- a/a.ts\r\n+++ b/a.ts\r\n@@ -1,2 +1,2 @@\r\n a\r\n-b\r\n+c\r\n",
      [{ oldPath: "a.ts", newPath: "a.ts", status: "modified", binary: false, added: [2], removed: [2] }],
    ],
    [
      "a quoted non-ASCII path",
      'diff --git "a/src/\\303\\251t\\303\\251.ts" "b/src/\\303\\251t\\303\\251.ts"\n--- "a/src/\\303\\251t\\303\\251.ts"\n+++ "b/src/\\303\\251t\\303\\251.ts"\n@@ -1 +1 @@\n-a\n+b\n',
      [{ oldPath: "src/été.ts", newPath: "src/été.ts", status: "modified", binary: false, added: [1], removed: [1] }],
    ],
    [
      "an unquoted non-ASCII path with a space",
      "diff --git a/src/σ v.ts b/src/σ v.ts\n--- a/src/σ v.ts\n+++ b/src/σ v.ts\n@@ -1 +1 @@\n-a\n+b\n",
      [{ oldPath: "src/σ v.ts", newPath: "src/σ v.ts", status: "modified", binary: false, added: [1], removed: [1] }],
    ],
    [
      "two files and several hunks with zero context",
      "diff --git a/a.ts b/a.ts\n--- a/a.ts\n+++ b/a.ts\n@@ -2,0 +3,2 @@\n+x\n+y\n@@ -10 +12,0 @@\n-z\ndiff --git a/b.ts b/b.ts\n--- a/b.ts\n+++ b/b.ts\n@@ -1 +1 @@\n-p\n+q\n",
      [
        { oldPath: "a.ts", newPath: "a.ts", status: "modified", binary: false, added: [3, 4], removed: [10] },
        { oldPath: "b.ts", newPath: "b.ts", status: "modified", binary: false, added: [1], removed: [1] },
      ],
    ],
    ["an empty diff", "", []],
  ];
  it.each(cases)("%s", (_name, diff, expected) => {
    const parsed = parseUnifiedDiff(diff).map((f) => ({
      oldPath: f.oldPath,
      newPath: f.newPath,
      status: f.status,
      binary: f.binary,
      added: lines(f.added),
      removed: lines(f.removed),
    }));
    expect(parsed).toEqual(expected);
  });

  it.each([
    [
      "a new link",
      "diff --git a/l.ts b/l.ts\nnew file mode 120000\nindex 0000000..1111111\n--- /dev/null\n+++ b/l.ts\n@@ -0,0 +1 @@\n+real.ts\n",
      true,
    ],
    [
      "a changed link",
      "diff --git a/l.ts b/l.ts\nindex 1111111..2222222 120000\n--- a/l.ts\n+++ b/l.ts\n@@ -1 +1 @@\n-a.ts\n+b.ts\n",
      true,
    ],
    ["a file turned into a link", "diff --git a/l.ts b/l.ts\nold mode 100644\nnew mode 120000\n", true],
    ["a plain file", "diff --git a/l.ts b/l.ts\nindex 1111111..2222222 100644\n--- a/l.ts\n+++ b/l.ts\n@@ -1 +1 @@\n-a\n+b\n", false],
  ])("symlinks: %s", (_name, diff, symlink) => {
    expect(parseUnifiedDiff(diff)[0]!.symlink).toBe(symlink);
  });

  it("counts the numbers the added lines hold", () => {
    const diff =
      'diff --git a/p.json b/p.json\n--- a/p.json\n+++ b/p.json\n@@ -1,2 +1,3 @@\n-{"a": 1}\n+{"a": 1.002, "b": -3e-5}\n+{"v": "1.2.3", "k2": 7}\n \n';
    expect(parseUnifiedDiff(diff)[0]!.numbers).toBe(3);
  });

  it("reports a malformed hunk clearly", () => {
    expect(() => parseUnifiedDiff("diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n a\n?junk\n")).toThrow(
      /malformed hunk at diff line 6/,
    );
  });
});

describe("parseHunks (GitHub's per-file patch)", () => {
  it.each([
    ["one hunk", "@@ -1,3 +1,4 @@\n a\n-b\n+c\n+d\n e", [2, 3], [2]],
    ["hunk header with section text", "@@ -10,2 +10,2 @@ function f() {\n-x\n+y\n z", [10], [10]],
    ["lines omitted count means 1", "@@ -5 +5 @@\n-x\n+y", [5], [5]],
  ])("%s", (_name, patch, added, removed) => {
    const changes = parseHunks(patch);
    expect(lines(changes.added)).toEqual(added);
    expect(lines(changes.removed)).toEqual(removed);
  });
});

describe("diffTexts", () => {
  it.each([
    ["an inserted line", "a\nb\n", "a\nx\nb\n", [2], []],
    ["a changed line", "a\nb\nc\n", "a\nB\nc\n", [2], [2]],
    ["a new file", null, "a\nb\n", [1, 2], []],
    ["CRLF against LF is the same text", "a\r\nb\r\n", "a\nb\n", [], []],
    ["identical", "a\n", "a\n", [], []],
  ])("%s", (_name, base, head, added, removed) => {
    const changes = diffTexts(base, head);
    expect(lines(changes.added)).toEqual(added);
    expect(lines(changes.removed)).toEqual(removed);
  });
});

describe("diffTexts on large inputs", () => {
  it("a rewrite beyond the work budget counts as rewritten: every line added and removed", () => {
    const base = Array.from({ length: 20000 }, (_, i) => `a${i}`).join("\n");
    const head = Array.from({ length: 20000 }, (_, i) => `b${i}`).join("\n");
    const changes = diffTexts(base, head);
    expect(changes.added.size).toBe(20000);
    expect(changes.removed.size).toBe(20000);
  });
  it("a large file with a few edits is still diffed exactly", () => {
    const base = Array.from({ length: 50000 }, (_, i) => `line ${i}`);
    const head = [...base];
    head[100] = "changed";
    head.splice(40000, 0, "inserted");
    const changes = diffTexts(base.join("\n"), head.join("\n"));
    expect(lines(changes.added)).toEqual([101, 40001]);
    expect(lines(changes.removed)).toEqual([101]);
  });
});

describe("unquotePath", () => {
  it.each([
    ["plain", "a/b.ts", "a/b.ts"],
    ["octal UTF-8", '"a/\\317\\203.ts"', "a/σ.ts"],
    ["escaped quote and tab", '"a/x\\"y\\tz.ts"', 'a/x"y\tz.ts'],
  ])("%s", (_name, raw, expected) => expect(unquotePath(raw)).toBe(expected));
});

/** jsdiff starts an empty side at the line after it; git (and so GitHub) at the line before. */
const gitStart = (start: number, count: number): number => (count === 0 ? start - 1 : start);

/** GitHub's per-file patch: hunks with 3 lines of context, no file headers. */
function githubPatch(base: string, head: string): string {
  return structuredPatch("a", "b", base, head, "", "", { context: 3 })
    .hunks.map((h) =>
      [`@@ -${gitStart(h.oldStart, h.oldLines)},${h.oldLines} +${gitStart(h.newStart, h.newLines)},${h.newLines} @@`, ...h.lines].join(
        "\n",
      ),
    )
    .join("\n");
}

describe("reversePatch rebuilds the base from the head and GitHub's patch", () => {
  const lines = (n: number, prefix = "line") => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`).join("\n") + "\n";
  it.each([
    ["a line changed in the middle", lines(20), lines(20).replace("line 10\n", "line ten\n")],
    ["lines added at the start", lines(8), "new 1\nnew 2\n" + lines(8)],
    ["lines removed at the end", lines(8), lines(5)],
    ["every line removed", lines(3), ""],
    ["a file from nothing", "", lines(4)],
    ["two hunks far apart", lines(40), lines(40).replace("line 3\n", "line three\n").replace("line 37\n", "x\ny\n")],
    ["no newline at the end of the head", lines(5), lines(5).slice(0, -1) + " changed"],
    ["no newline at the end of the base", lines(5).slice(0, -1), lines(5)],
    ["CRLF text", lines(6).replace(/\n/g, "\r\n"), lines(6).replace("line 4", "line four").replace(/\n/g, "\r\n")],
  ])("%s", (_name, base, head) => {
    expect(reversePatch(head, githubPatch(base, head))).toBe(base);
  });

  it("holds over 200 random edits of a 60-line file", () => {
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const base = lines(60).split("\n");
      const head = [...base];
      for (let edit = random(6); edit >= 0; edit--) {
        const at = random(head.length);
        const kind = random(3);
        if (kind === 0) head.splice(at, 1);
        else if (kind === 1) head.splice(at, 0, `inserted ${round}.${edit}`);
        else head[at] = `changed ${round}.${edit}`;
      }
      const baseText = base.join("\n");
      const headText = head.join("\n");
      expect(reversePatch(headText, githubPatch(baseText, headText))).toBe(baseText);
    }
  });

  it.each([
    ["context that does not match the head", "a\nb\nc\n", "@@ -1,3 +1,3 @@\n a\n-b\n+B\n x\n"],
    ["an added line that is not in the head", "a\nb\nc\n", "@@ -1,3 +1,3 @@\n a\n-b\n+Q\n c\n"],
    ["a hunk beyond the end of the head", "a\n", "@@ -10,1 +10,1 @@\n-x\n+y\n"],
    ["hunks out of order", "a\nb\nc\nd\n", "@@ -3,1 +3,1 @@\n-x\n+c\n@@ -1,1 +1,1 @@\n-y\n+a\n"],
    ["a malformed line inside a hunk", "a\nb\n", "@@ -1,2 +1,2 @@\n a\n?b\n"],
  ])("does not fit: %s", (_name, head, patch) => {
    expect(reversePatch(head, patch)).toBeNull();
  });
});

describe("modified lines (`replaced`): a run of removed lines replaced by as many added ones", () => {
  const base = "a\nb = 1\nc = 2\nd\ne = 3\nf\n";
  const head = "a\nb = 10\nc = 20\nd\ne = 3\nnew = 4\nf\n";
  const patch = structuredPatch("x", "x", base, head, "", "", { context: 1 })
    .hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join("\n"))
    .join("\n");

  it.each([
    ["diffTexts", diffTexts(base, head)],
    ["parseHunks", parseHunks(patch)],
  ])("%s pairs them in order, and leaves a pure addition unpaired", (_source, changes) => {
    expect([...(changes.replaced ?? new Map())]).toEqual([
      [2, 2],
      [3, 3],
    ]);
    expect(changes.added.has(6)).toBe(true);
    expect(changes.replaced?.has(6)).toBe(false);
  });

  it("does not pair runs of different lengths", () => {
    const changes = diffTexts("a\nx = 1\nb\n", "a\nx = 1.5\ny = 2\nb\n");
    expect(changes.replaced?.size ?? 0).toBe(0);
  });
});
