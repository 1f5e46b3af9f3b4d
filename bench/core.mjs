// Benchmark: the core's throughput on real TypeScript and JavaScript from node_modules, beside
// the plain ts.createSourceFile parse (the ceiling) and ESLint with
// @typescript-eslint/no-magic-numbers (what users run today). Each phase runs in its own
// process so its peak memory (max RSS) is its own. Usage: npm run bench
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TARGET_BYTES = 6 * 1024 * 1024;
const MAX_FILE_BYTES = 400 * 1024;

/** Packages the corpus is read from (pinned by package-lock.json), so runs stay comparable. */
const TS_ROOTS = ["zod", "ajv/lib", "@mswjs/interceptors/src"];
const JS_ROOTS = ["eslint/lib", "yaml/dist", "@typescript-eslint/typescript-estree/dist", "ajv/dist"];

/** A deterministic corpus: 3 MB of TypeScript sources, then JavaScript up to 6 MB; no .d.ts. */
function corpus() {
  const collect = (roots, pattern) => {
    const files = [];
    const walk = (dir) => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile() && pattern.test(entry.name) && !/\.d\.[mc]?ts$/.test(entry.name)) files.push(full);
      }
    };
    for (const root of roots) walk(join(ROOT, "node_modules", root));
    return files;
  };
  const chosen = [];
  let bytes = 0;
  let tsBytes = 0;
  for (const [files, limit] of [
    [collect(TS_ROOTS, /\.[mc]?tsx?$/), TARGET_BYTES / 2],
    [collect(JS_ROOTS, /\.[mc]?js$/), TARGET_BYTES],
  ]) {
    for (const file of files) {
      const size = statSync(file).size;
      if (size === 0 || size > MAX_FILE_BYTES) continue;
      if (bytes >= limit) break;
      chosen.push(file);
      bytes += size;
      if (/\.[mc]?tsx?$/.test(file)) tsBytes += size;
    }
  }
  return { files: chosen, bytes, tsBytes };
}

async function phase(name) {
  const { files } = corpus();
  const texts = files.map((file) => ({ path: relative(ROOT, file), text: readFileSync(file, "utf8") }));
  let run;
  let literals = 0;
  if (name === "parse") {
    const { ts } = await import("ts-morph");
    run = () => {
      for (const { path, text } of texts) ts.createSourceFile(path, text, ts.ScriptTarget.Latest);
    };
  } else if (name === "core") {
    const { analyzeSource, defaultConfig, loadLanguages } = await import("../dist/core/index.js");
    await loadLanguages(texts.map((t) => t.path));
    run = () => {
      literals = 0;
      for (const { path, text } of texts) literals += analyzeSource(path, text, defaultConfig).length;
    };
  } else if (name === "eslint") {
    const { ESLint } = await import("eslint");
    const tseslint = (await import("typescript-eslint")).default;
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ["**/*"],
          languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
          plugins: { "@typescript-eslint": tseslint.plugin },
          rules: { "@typescript-eslint/no-magic-numbers": "error" },
        },
      ],
    });
    run = async () => {
      literals = 0;
      for (const { path, text } of texts) {
        const [result] = await eslint.lintText(text, { filePath: join(ROOT, "bench-corpus", path.replace(/^node_modules\//, "")) });
        literals += result.messages.length;
      }
    };
  }
  // Pass 1 is a cold start (what one CLI run sees); pass 2 is steady state (a running app).
  const timings = [];
  for (let pass = 0; pass < 2; pass++) {
    const start = process.hrtime.bigint();
    await run();
    timings.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  const peakMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ cold: timings[0], warm: timings[1], peakMB, literals }) + "\n");
}

function runPhase(name) {
  const result = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--phase", name], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`${name} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1));
}

async function main() {
  const argIndex = process.argv.indexOf("--phase");
  if (argIndex > 0) return phase(process.argv[argIndex + 1]);
  const { files, bytes, tsBytes } = corpus();
  const mb = bytes / 1024 / 1024;
  console.log(
    `corpus: ${files.length} files, ${mb.toFixed(2)} MB (${(tsBytes / 1024 / 1024).toFixed(2)} MB TypeScript, the rest JavaScript) from ${TS_ROOTS.join(", ")} and ${JS_ROOTS.join(", ")}`,
  );
  const parse = runPhase("parse");
  const core = runPhase("core");
  const eslint = runPhase("eslint");
  const row = (label, r) =>
    `${label.padEnd(44)} cold ${r.cold.toFixed(2).padStart(5)} s (${(mb / r.cold).toFixed(2).padStart(5)} MB/s)  warm ${r.warm.toFixed(2).padStart(5)} s (${(mb / r.warm).toFixed(2).padStart(5)} MB/s)  ${r.peakMB.toFixed(0).padStart(4)} MB peak`;
  console.log(row("ts.createSourceFile (ceiling)", parse));
  console.log(row(`no-patch core (${core.literals} findings)`, core));
  console.log(row(`ESLint + no-magic-numbers (${eslint.literals} reports)`, eslint));
  const ratio = (a, b) => `${(a.cold / b.cold).toFixed(2)}x cold, ${(a.warm / b.warm).toFixed(2)}x warm`;
  console.log(`core speed vs plain parse: ${ratio(parse, core)} (target >= 0.5x)`);
  console.log(`core speed vs ESLint:      ${ratio(eslint, core)} (target >= 5x)`);
  console.log(`core peak memory:          ${core.peakMB.toFixed(0)} MB (target < 400 MB)`);
  const met = (a, b, target) => Math.min(a.cold / b.cold, a.warm / b.warm) >= target;
  const checks = [
    ["core >= 0.5x plain parse", met(parse, core, 0.5)],
    ["core >= 5x ESLint", met(eslint, core, 5)],
    ["core peak < 400 MB", core.peakMB < 400],
  ];
  for (const [name, ok] of checks) console.log(`${ok ? "met   " : "MISSED"} ${name} (cold and warm)`);
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
}

await main();
