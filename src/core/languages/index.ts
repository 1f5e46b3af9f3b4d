/**
 * The language seam: which language reads a file, and its adapter once loaded.
 *
 * A language is registered here by a small entry (its id, file extensions, comment syntax)
 * and loaded on demand: `load()` may be asynchronous (a parser compiled to WebAssembly loads
 * its grammar once) and runs at most once per process. The analysis itself stays synchronous
 * and pure: callers load the languages of the files they are about to check first
 * (`loadLanguages(paths)`, or the `analyze` shorthand), and a file whose language is not
 * loaded is reported unverified, never passed. A caller that must stay synchronous (the
 * ESLint rule) imports an adapter statically and registers it with `registerAdapter`.
 *
 * Adding a language is one adapter file and one entry in `LANGUAGES`.
 */
import type { LanguageAdapter } from "../literal.js";

export interface Language {
  /** Stable id, the adapter's too. */
  id: string;
  /** Name shown to people. */
  name: string;
  /** File extensions, lower case, with the dot. */
  extensions: readonly string[];
  /** How a line comment starts, for the fix advice (`// @physics: …`). */
  lineComment: string;
  /** A justified declaration in the reports' "how to fix": the code fence's language and the line. */
  example: { fence: string; declaration: string };
  /** Loads the adapter (its parser, its grammar); called at most once. */
  load(): Promise<LanguageAdapter>;
}

export const LANGUAGES: readonly Language[] = [
  {
    id: "typescript",
    name: "TypeScript/JavaScript",
    extensions: [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"],
    lineComment: "//",
    example: { fence: "ts", declaration: "const sigmaV2 = 0.27;" },
    load: async () => (await import("./typescript.js")).typescriptAdapter,
  },
  {
    id: "python",
    name: "Python",
    extensions: [".py", ".pyi"],
    lineComment: "#",
    example: { fence: "python", declaration: "SIGMA_V2 = 0.27" },
    load: async () => (await import("./python.js")).loadPythonAdapter(),
  },
];

const loaded = new Map<string, LanguageAdapter>();
const loading = new Map<string, Promise<LanguageAdapter>>();

export function languageOf(path: string): Language | undefined {
  const slash = path.lastIndexOf("/");
  const dot = path.lastIndexOf(".");
  if (dot <= slash + 1) return undefined; // no extension, or a dot file such as `.eslintrc`
  const extension = path.slice(dot).toLowerCase();
  return LANGUAGES.find((language) => language.extensions.includes(extension));
}

export function languageById(id: string): Language | undefined {
  return LANGUAGES.find((language) => language.id === id);
}

/** The adapter of a loaded language; undefined until `loadLanguages` (or `registerAdapter`) ran. */
export function loadedAdapter(language: Language): LanguageAdapter | undefined {
  return loaded.get(language.id);
}

/** Whether a language's adapter is loaded (for tests and diagnostics). */
export const isLoaded = (language: Language | undefined): boolean => language !== undefined && loaded.has(language.id);

/** Make an adapter available without loading (for callers that imported it statically). */
export function registerAdapter(adapter: LanguageAdapter): void {
  loaded.set(adapter.id, adapter);
}

async function load(language: Language): Promise<LanguageAdapter> {
  const done = loaded.get(language.id);
  if (done) return done;
  let pending = loading.get(language.id);
  if (!pending) {
    pending = language.load().then((adapter) => {
      loaded.set(language.id, adapter);
      return adapter;
    });
    // A failed load may be retried by a later call.
    pending.catch(() => loading.delete(language.id));
    loading.set(language.id, pending);
  }
  return pending;
}

/** Load the languages these paths are written in (every language when no paths are given). */
export async function loadLanguages(paths?: Iterable<string>): Promise<void> {
  const wanted = new Set<Language>();
  if (paths === undefined) for (const language of LANGUAGES) wanted.add(language);
  else
    for (const path of paths) {
      const language = languageOf(path);
      if (language) wanted.add(language);
    }
  await Promise.all([...wanted].map(load));
}
