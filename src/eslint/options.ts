/**
 * The rules' options: the keys of `.github/no-patch.yml` (same schema), plus `configFile` to
 * read the repository's policy so the editor and the check agree. Inline options override
 * the file's values.
 */
import { readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { z } from "zod";
import { createFileSelector, type FileSelector } from "../core/file-selector.js";
import { CONFIG_PATH, configSchema, readConfigObject, validateConfig, type Config, type ConfigInput } from "../core/config.js";

export type RuleOptions = ConfigInput & {
  /** `true`: `.github/no-patch.yml` under ESLint's working directory; a string: that file. */
  configFile?: string | boolean;
};

/**
 * Defaults removed: ESLint fills option defaults from the schema, which would make every key
 * an inline option and override the policy file. The core applies the defaults instead.
 */
function withoutDefaults(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDefaults);
  if (typeof node !== "object" || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (key !== "default") copy[key] = withoutDefaults(value);
  return copy;
}

/** JSON Schema for the rule options, generated from the one configuration schema. */
export const optionsSchema = (() => {
  const schema = withoutDefaults(z.toJSONSchema(configSchema, { io: "input", target: "draft-7", unrepresentable: "any" })) as {
    properties: Record<string, unknown>;
  };
  return [
    {
      type: "object",
      properties: {
        ...schema.properties,
        configFile: {
          description: "Read .github/no-patch.yml (true) or this file; inline options override it.",
          type: ["string", "boolean"],
        },
      },
      additionalProperties: false,
    },
  ];
})();

/** File values, then inline options on top; nested sections (justification, limits) merge by key. */
function merge(fromFile: Record<string, unknown>, inline: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...fromFile };
  for (const [key, value] of Object.entries(inline)) {
    const existing = merged[key];
    const mergeable = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
    merged[key] = mergeable(existing) && mergeable(value) ? { ...(existing as object), ...(value as object) } : value;
  }
  return merged;
}

export interface Resolved {
  config: Config;
  /** The file's path relative to ESLint's working directory, with `/`. */
  path: string;
  select: FileSelector;
}

/** Resolved policies by options, file and its mtime: an edited policy file is read again. */
const resolvedCache = new Map<string, { config: Config; select: FileSelector }>();
/** An editor session edits its policy file now and then; old versions need not be kept. */
const RESOLVED_CACHE_SIZE = 32;

export function resolveOptions(options: RuleOptions | undefined, filename: string, cwd: string): Resolved {
  const { configFile, ...inline } = options ?? {};
  const policyFile =
    configFile === true
      ? join(cwd, CONFIG_PATH)
      : typeof configFile === "string"
        ? isAbsolute(configFile)
          ? configFile
          : join(cwd, configFile)
        : null;
  let mtime = 0;
  if (policyFile) {
    try {
      mtime = statSync(policyFile).mtimeMs;
    } catch {
      if (typeof configFile === "string") throw new Error(`no-patch: cannot read the configuration file ${policyFile}`);
      mtime = -1; // configFile: true and no file: defaults
    }
  }
  const key = JSON.stringify([inline, policyFile, mtime]);
  let entry = resolvedCache.get(key);
  if (!entry) {
    const fromFile = policyFile && mtime !== -1 ? readConfigObject(readFileSync(policyFile, "utf8"), policyFile) : {};
    const config = validateConfig(merge(fromFile, inline), policyFile ? `${policyFile} with rule options` : "rule options");
    entry = { config, select: createFileSelector(config) };
    if (resolvedCache.size >= RESOLVED_CACHE_SIZE) resolvedCache.clear();
    resolvedCache.set(key, entry);
  }
  const path = relative(cwd, filename).split(sep).join("/");
  return { config: entry.config, path, select: entry.select };
}
