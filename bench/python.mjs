// Python throughput: the core against a bare tree-sitter parse of the same files, each in its
// own process, a cold and a warm pass; peak memory; the grammar's load time.
// Corpus: the Python of node-gyp's gyp (pinned by package-lock.json), read twice over.
// Usage: npm run bench (after a build).
import { Buffer } from "node:buffer";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = join(ROOT, "node_modules/node-gyp/gyp");
const COPIES = 2;

function corpus() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".py")) files.push(full);
    }
  };
  walk(CORPUS);
  files.sort();
  const texts = files.map((file) => ({ path: relative(ROOT, file), text: readFileSync(file, "utf8") }));
  return Array.from({ length: COPIES }, (_, copy) => texts.map((t) => ({ path: `copy${copy}/${t.path}`, text: t.text }))).flat();
}

async function phase(name) {
  const texts = corpus();
  let run;
  let literals = 0;
  let loadStart = process.hrtime.bigint();
  if (name === "parse") {
    const { Parser, Language } = await import("web-tree-sitter");
    await Parser.init();
    const grammar = await Language.load(join(ROOT, "dist/core/languages/grammars/tree-sitter-python.wasm"));
    const parser = new Parser();
    parser.setLanguage(grammar);
    run = () => {
      for (const { text } of texts) parser.parse(text).delete();
    };
  } else {
    const { analyzeSource, defaultConfig, loadLanguages } = await import(join(ROOT, "dist/core/index.js"));
    loadStart = process.hrtime.bigint(); // the grammar's load, not the core's own modules
    await loadLanguages(["a.py"]);
    run = () => {
      literals = 0;
      for (const { path, text } of texts) literals += analyzeSource(path, text, defaultConfig).length;
    };
  }
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  const timings = [];
  for (let pass = 0; pass < 2; pass++) {
    const start = process.hrtime.bigint();
    run();
    timings.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  process.stdout.write(
    JSON.stringify({ cold: timings[0], warm: timings[1], peakMB: process.resourceUsage().maxRSS / 1024, literals, loadMs }) + "\n",
  );
}

function runPhase(name) {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--phase", name], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${name} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1));
}

async function main() {
  const index = process.argv.indexOf("--phase");
  if (index > 0) return phase(process.argv[index + 1]);
  const texts = corpus();
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0) / 1024 / 1024;
  console.log(`python corpus: ${texts.length} files, ${mb.toFixed(2)} MB (node-gyp's gyp, ${COPIES} copies)`);
  const parse = runPhase("parse");
  const core = runPhase("core");
  const row = (label, r) =>
    `${label.padEnd(44)} cold ${r.cold.toFixed(2).padStart(5)} s (${(mb / r.cold).toFixed(2).padStart(5)} MB/s)  warm ${r.warm.toFixed(2).padStart(5)} s (${(mb / r.warm).toFixed(2).padStart(5)} MB/s)  ${r.peakMB.toFixed(0).padStart(4)} MB peak`;
  console.log(row("tree-sitter parse (ceiling)", parse));
  console.log(row(`no-patch core, Python (${core.literals} findings)`, core));
  console.log(
    `grammar load (init + language): ${parse.loadMs.toFixed(0)} ms bare, ${core.loadMs.toFixed(0)} ms through loadLanguages (target < 100 ms)`,
  );
  const ratio = Math.min(parse.cold / core.cold, parse.warm / core.warm);
  console.log(
    `core speed vs tree-sitter parse: ${(parse.cold / core.cold).toFixed(2)}x cold, ${(parse.warm / core.warm).toFixed(2)}x warm (target >= 0.5x)`,
  );
  const checks = [
    ["python core >= 0.5x tree-sitter parse", ratio >= 0.5],
    ["python core peak < 400 MB", core.peakMB < 400],
    ["grammar load < 100 ms", core.loadMs < 100],
  ];
  for (const [label, ok] of checks) console.log(`${ok ? "met   " : "MISSED"} ${label}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

await main();
