// Bundles the GitHub Action into action/index.mjs, with the WebAssembly it loads beside it, so
// the Action runs with no install step. Run by `npm run build:action`; the bundle is committed
// (an Action is run from the repository as it stands) and a test runs it.
import { build } from "esbuild";
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const out = fileURLToPath(new URL("../action/", import.meta.url));
mkdirSync(`${out}grammars`, { recursive: true });
await build({
  entryPoints: [fileURLToPath(new URL("../src/action/entry.ts", import.meta.url))],
  outfile: `${out}index.mjs`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  minify: true,
  logLevel: "warning",
  // Bundled CommonJS (the TypeScript compiler) calls require and reads __filename: give it Node's.
  banner: {
    js: [
      "import { createRequire as __noPatchRequire } from 'node:module';",
      "import { fileURLToPath as __noPatchPath } from 'node:url';",
      "import { dirname as __noPatchDirname } from 'node:path';",
      "const require = __noPatchRequire(import.meta.url);",
      "const __filename = __noPatchPath(import.meta.url);",
      "const __dirname = __noPatchDirname(__filename);",
    ].join(" "),
  },
});
copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), `${out}web-tree-sitter.wasm`);
copyFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"), `${out}grammars/tree-sitter-python.wasm`);
