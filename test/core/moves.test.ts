/**
 * Statements moved between the files of one change (SPEC section 3): a literal whose statement
 * moved to another file of the same change, with the same value at the same place in it, is
 * unchanged, whatever else the file it left gained or lost. Each row is a whole change.
 */
import { describe, expect, it } from "@jest/globals";
import { analyzeChange, loadLanguages, validateConfig, type FileChange } from "../../src/core/index.js";
import { row } from "../helpers.js";

await loadLanguages();

interface MoveCase {
  name: string;
  changes: FileChange[];
  /** `path:line literal role status [was X]`, in report order. */
  findings: string[];
}

const modified = (path: string, baseText: string, headText: string): FileChange => ({ path, status: "modified", baseText, headText });
const added = (path: string, headText: string): FileChange => ({ path, status: "added", baseText: null, headText });
const deleted = (path: string, baseText: string): FileChange => ({ path, status: "deleted", baseText, headText: null });

const TS_JULIAN =
  "export function julianDay(y: number, m: number, d: number): number {\n" +
  "  const jd = Math.floor(365.25 * (y + 4716)) + Math.floor(30.6001 * (m + 1)) + d - 1524.5;\n" +
  "  return jd;\n" +
  "}\n";
const PY_JULIAN =
  "def julian_day(y, m, d):\n" +
  "    jd = math.floor(365.25 * (y + 4716)) + math.floor(30.6001 * (m + 1)) + d - 1524.5\n" +
  "    if jd <= 2299160:\n" +
  "        return jd\n" +
  "    return jd + 2 - y // 100\n";

const cases: MoveCase[] = [
  {
    name: "a function moved to a new file while the old file only gains an import",
    changes: [
      modified(
        "src/solar.ts",
        `import { x } from "./x.js";\n\n${TS_JULIAN}`,
        `import { x } from "./x.js";\nimport { julianDay } from "./julian.js";\n`,
      ),
      added("src/julian.ts", TS_JULIAN),
    ],
    findings: [],
  },
  {
    name: "python: a function moved to a new module while the old one only gains an import",
    changes: [
      modified("solar.py", `import math\n\n${PY_JULIAN}`, "import math\nimport julian\n"),
      added("julian.py", `import math\n\n${PY_JULIAN}`),
    ],
    findings: [],
  },
  {
    name: "a function moved out of a file the change deletes",
    changes: [deleted("src/solar.ts", TS_JULIAN), added("src/julian.ts", TS_JULIAN)],
    findings: [],
  },
  {
    name: "python: a function moved out of a module the change deletes",
    changes: [deleted("solar.py", PY_JULIAN), added("julian.py", PY_JULIAN)],
    findings: [],
  },
  {
    name: "a function moved with one value retuned on the way",
    changes: [
      modified("src/solar.ts", `import { x } from "./x.js";\n\n${TS_JULIAN}`, `import { x } from "./x.js";\n`),
      added("src/julian.ts", TS_JULIAN.replace("30.6001", "30.61")),
    ],
    findings: ["src/julian.ts:2 30.61 scale retuned was 30.6001"],
  },
  {
    name: "python: a function moved with one value retuned on the way",
    changes: [
      modified("solar.py", `import math\n\n${PY_JULIAN}`, "import math\n"),
      added("julian.py", PY_JULIAN.replace("2299160", "2299161")),
    ],
    findings: ["julian.py:3 2299161 threshold retuned was 2299160"],
  },
  {
    name: "neighbour: the same value in another statement of a removed line is not a move",
    changes: [
      modified("src/solar.ts", "const jd0 = t - 1524.5;\n", "export {};\n"),
      added("src/julian.ts", "export const offset = (t: number): number => t * 1524.5;\n"),
    ],
    findings: ["src/julian.ts:1 1524.5 scale unjustified"],
  },
  {
    name: "python neighbour: the same value in another statement of a removed line is not a move",
    changes: [modified("solar.py", "jd0 = t - 1524.5\n", "pass\n"), added("julian.py", "offset = t * 1524.5\n")],
    findings: ["julian.py:1 1524.5 scale unjustified"],
  },
  {
    name: "a statement moved out of a file the check does not read is new",
    changes: [modified("test/fit.test.ts", "const alpha = 0.27;\n", "export {};\n"), added("src/fit.ts", "const alpha = 0.27;\n")],
    findings: ["src/fit.ts:1 0.27 initializer unjustified"],
  },
  {
    name: "python: a statement moved out of a test module is new",
    changes: [modified("tests/test_fit.py", "alpha = 0.27\n", "pass\n"), added("pkg/fit.py", "alpha = 0.27\n")],
    findings: ["pkg/fit.py:1 0.27 initializer unjustified"],
  },
];

describe("statements moved between files", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const analysis = analyzeChange(c.changes, validateConfig({}));
    expect(analysis.findings.filter((f) => f.severity !== "hidden").map((f) => `${f.path}:${row(f)}`)).toEqual(c.findings);
  });
});
