/** no-patch's version, read once from its package.json (the CLI, the ESLint plugin and SARIF say it). */
import { readFileSync } from "node:fs";

let cached: string | undefined;

export function version(): string {
  if (cached === undefined) {
    try {
      cached = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
    } catch {
      cached = "0.0.0";
    }
  }
  return cached;
}
