#!/usr/bin/env node
/** The `no-patch` executable. */
import module from "node:module";

// V8's compile cache (Node 22 and later) makes the TypeScript compiler load several times
// faster from the second run on; on older Node there is none. It must be on before the CLI
// and what it loads are compiled, so the CLI is imported after.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import("./main.js");
process.exitCode = await main(process.argv.slice(2));
