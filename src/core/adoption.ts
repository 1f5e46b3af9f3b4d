/**
 * Adopting no-patch on an existing repository (`no-patch init`): which of its files are not
 * scientific code, proposed as `ignore` globs for the team to review. Demos, examples,
 * documentation and build scripts are found by the conventional names of their directories
 * and files; presentation modules (plotting, drawing, user interface) by what they import or
 * drive. Pure: the caller lists the files and reads the texts it wants judged.
 *
 * Proposals are only written into a policy by a maintainer and read from the base branch
 * like any policy: a pull request's own files never change them.
 */
import type { Config } from "./config.js";
import { createFileSelector } from "./file-selector.js";

export interface TreeFile {
  path: string;
  /** The file's text when the caller read it (source files the check reads); else undefined. */
  text?: string | null;
}

export type ProposalKind = "directory" | "build" | "presentation";

export interface ProposedIgnore {
  glob: string;
  kind: ProposalKind;
  reason: string;
  /** How many files of the tree the check would read that the glob leaves out. */
  files: number;
}

/** Directories that by convention hold code around the science, not the science. */
const NON_SCIENCE_DIRECTORIES = new Map<string, string>([
  ["demo", "demos"],
  ["demos", "demos"],
  ["example", "examples"],
  ["examples", "examples"],
  ["doc", "documentation"],
  ["docs", "documentation"],
  ["documentation", "documentation"],
  ["tutorial", "tutorials"],
  ["tutorials", "tutorials"],
  ["benchmark", "benchmarks"],
  ["benchmarks", "benchmarks"],
  ["bench", "benchmarks"],
  ["builders", "build scripts"],
  ["site", "the project's web site"],
  ["website", "the project's web site"],
]);

/** Configuration files of build, test and lint tools. */
const BUILD_FILE =
  /^(?:gruntfile|gulpfile|webpack\.config|rollup\.config|vite\.config|vitest\.config|jest\.config|babel\.config|karma\.conf|eslint\.config|\.eslintrc|prettier\.config|\.prettierrc|tsup\.config|esbuild\.config|postcss\.config|tailwind\.config|playwright\.config|cypress\.config|commitlint\.config|release\.config)(?:\.[\w-]+)*\.(?:js|cjs|mjs|ts|cts|mts)$|^(?:setup|noxfile|tasks|fabfile|dodo)\.py$/i;

/** A module-level import of a plotting, drawing or user-interface library (Python). */
const PYTHON_PRESENTATION =
  /^(?:import|from)\s+(matplotlib|plotly|bokeh|seaborn|reportlab|pygame|tkinter|PyQt\d|PySide\d|pyqtgraph|vispy|mayavi|holoviews|altair|ipywidgets)\b/m;

/** Driving a page or a canvas (JavaScript, TypeScript): each a signal; a presentation module holds several. */
const DOM_SIGNAL =
  /\bgetContext\s*\(\s*['"`](?:2d|webgl2?)|\bdocument\.(?:createElement|getElementById|getElementsBy\w+|querySelector(?:All)?|body|addEventListener)\b|\brequestAnimationFrame\s*\(|\.addEventListener\s*\(\s*['"`](?:mouse\w+|click|key\w+|touch\w+|wheel|resize)['"`]|\bfrom\s+['"`](?:react|react-dom|vue|svelte|d3|three|pixi\.js|chart\.js|plotly\.js)['"`]/g;
const DOM_SIGNALS_FOR_PRESENTATION = 3;

/** Only the opening of a file is read for imports and signals: bounds the work on large files. */
const READ_LENGTH = 200_000;

function presentationReason(path: string, text: string): string | null {
  const head = text.slice(0, READ_LENGTH);
  if (path.endsWith(".py") || path.endsWith(".pyi")) {
    const library = PYTHON_PRESENTATION.exec(head)?.[1];
    return library ? `presentation: imports ${library}` : null;
  }
  const signals = head.match(DOM_SIGNAL)?.length ?? 0;
  return signals >= DOM_SIGNALS_FOR_PRESENTATION ? `presentation: drives a page or a canvas (${signals} DOM or canvas calls)` : null;
}

/**
 * The ignore globs proposed for a repository's tree, most general first: directories, then
 * build files, then presentation modules. Only files the policy would otherwise read count.
 */
export function proposeIgnores(files: readonly TreeFile[], config: Pick<Config, "paths" | "ignore">): ProposedIgnore[] {
  const select = createFileSelector(config);
  const read = files.filter((f) => select(f.path).read);
  const proposals = new Map<string, ProposedIgnore>();
  const propose = (glob: string, kind: ProposalKind, reason: string): void => {
    const existing = proposals.get(glob);
    if (existing) existing.files++;
    else proposals.set(glob, { glob, kind, reason, files: 1 });
  };
  for (const file of read) {
    const segments = file.path.split("/");
    const directory = segments.slice(0, -1).findIndex((segment) => NON_SCIENCE_DIRECTORIES.has(segment.toLowerCase()));
    if (directory >= 0) {
      const name = segments[directory]!;
      propose(`${segments.slice(0, directory + 1).join("/")}/**`, "directory", NON_SCIENCE_DIRECTORIES.get(name.toLowerCase())!);
      continue;
    }
    const base = segments.at(-1)!;
    if (BUILD_FILE.test(base)) {
      propose(file.path, "build", "build or tool configuration");
      continue;
    }
    const reason = typeof file.text === "string" ? presentationReason(file.path, file.text) : null;
    if (reason) propose(file.path, "presentation", reason);
  }
  const order: ProposalKind[] = ["directory", "build", "presentation"];
  return [...proposals.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.glob.localeCompare(b.glob));
}

/** Which files a caller should read for `proposeIgnores`: sources the policy reads, outside proposed directories. */
export function needsText(path: string): boolean {
  const segments = path.split("/");
  if (segments.slice(0, -1).some((segment) => NON_SCIENCE_DIRECTORIES.has(segment.toLowerCase()))) return false;
  return !BUILD_FILE.test(segments.at(-1)!);
}
