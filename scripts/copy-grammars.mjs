// Copies the tree-sitter grammars into the build, so the package carries them and users never
// install (or build) the grammar packages themselves.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const target = fileURLToPath(new URL("../dist/core/languages/grammars/", import.meta.url));
mkdirSync(target, { recursive: true });
copyFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"), `${target}tree-sitter-python.wasm`);
