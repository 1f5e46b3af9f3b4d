/** The Action's entry point (bundled into action/index.mjs by scripts/build-action.mjs). */
import { run } from "./run.js";

try {
  process.exitCode = await run();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stdout.write(`::error title=no-patch::${message.replace(/%/g, "%25").replace(/\r?\n/g, "%0A")}\n`);
  process.exitCode = 1;
}
