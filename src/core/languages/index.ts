/** The language seam: which adapter reads a file, by its extension. */
import type { LanguageAdapter } from "../literal.js";
import { createTypeScriptAdapter } from "./typescript.js";

let adapters: LanguageAdapter[] | undefined;

function registry(): LanguageAdapter[] {
  adapters ??= [createTypeScriptAdapter()];
  return adapters;
}

export function adapterFor(path: string): LanguageAdapter | undefined {
  const dot = path.lastIndexOf(".");
  if (dot < 0) return undefined;
  const extension = path.slice(dot).toLowerCase();
  return registry().find((adapter) => adapter.extensions.includes(extension));
}

export function supportedExtensions(): string[] {
  return registry().flatMap((adapter) => [...adapter.extensions]);
}
