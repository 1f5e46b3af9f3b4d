/**
 * Which files the check reads: one decision from the policy (`paths`, `ignore`) and the
 * languages no-patch parses, used by the CLI, the App and the ESLint rule alike, so that a
 * file is read, ignored or reported unsupported the same way everywhere.
 */
import picomatch from "picomatch";
import type { Config } from "./config.js";
import { languageOf, type Language } from "./languages/index.js";

export type Selection = { read: true; language: Language } | { read: false; outcome: "ignored" | "unsupported"; reason: string };

export type FileSelector = (path: string) => Selection;

const IGNORED: Selection = { read: false, outcome: "ignored", reason: "not selected by the policy's paths and ignore globs" };

/** Data files: numbers change in them, and no-patch does not judge them, so reports count them. */
const DATA_FILE = /\.(json|jsonc|json5|ya?ml|csv|tsv|toml|ini|cfg|conf|dat|txt|xml|ipynb|parquet|npy|npz|h5|hdf5|fits)$/i;

/**
 * Globs of the files `.gitattributes` marks `linguist-generated` or `linguist-vendored`,
 * GitHub's own convention for code that is not the repository's: read from the base, like
 * the policy, so a change cannot exempt itself.
 */
export function generatedGlobs(gitattributes: string | null | undefined): string[] {
  const globs: string[] = [];
  for (const raw of (gitattributes ?? "").split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [pattern, ...attributes] = line.split(/\s+/);
    const marked = attributes.some((a) => /^linguist-(generated|vendored)(=(true|set))?$/i.test(a));
    if (!pattern || !marked || pattern.startsWith("!")) continue;
    // As in .gitignore: a pattern without a slash matches at any depth; one with a slash from the root.
    const anchored = pattern.replace(/\/$/, "/**");
    globs.push(anchored.includes("/") && !anchored.startsWith("**/") ? anchored.replace(/^\//, "") : `**/${anchored}`);
  }
  return globs;
}

export interface SelectorOptions {
  /** Globs of generated or vendored files (see `generatedGlobs`). */
  generated?: readonly string[];
}

export function createFileSelector(config: Pick<Config, "paths" | "ignore">, options: SelectorOptions = {}): FileSelector {
  const include = picomatch(config.paths, { dot: true });
  const exclude = config.ignore.length ? picomatch(config.ignore, { dot: true }) : () => false;
  const generated = options.generated?.length ? picomatch([...options.generated], { dot: true }) : () => false;
  return (path) => {
    if (!include(path) || exclude(path)) return IGNORED;
    if (generated(path))
      return { read: false, outcome: "ignored", reason: "marked linguist-generated or linguist-vendored in .gitattributes" };
    const language = languageOf(path);
    if (!language) {
      const data = DATA_FILE.exec(path);
      return {
        read: false,
        outcome: "unsupported",
        reason: data ? `a data file (${data[1]!.toLowerCase()}): its numbers are not checked` : "no-patch does not parse this file type",
      };
    }
    return { read: true, language };
  };
}
