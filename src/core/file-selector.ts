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

export function createFileSelector(config: Pick<Config, "paths" | "ignore">): FileSelector {
  const include = picomatch(config.paths, { dot: true });
  const exclude = config.ignore.length ? picomatch(config.ignore, { dot: true }) : () => false;
  return (path) => {
    if (!include(path) || exclude(path)) return IGNORED;
    const language = languageOf(path);
    if (!language) return { read: false, outcome: "unsupported", reason: "no-patch does not parse this file type" };
    return { read: true, language };
  };
}
