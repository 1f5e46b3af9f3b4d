/** The `no-patch` command line. Exit status: 0 pass, 1 blocking findings, 2 usage/config/runtime error. */
import { parseArgs } from "node:util";
import { configJsonSchema, ConfigError } from "../core/config.js";
import { DiffError } from "../core/diff.js";
import { plural } from "../report/describe.js";
import { FORMATS, formatNamed } from "../report/index.js";
import { textFormat } from "../report/text.js";
import { version } from "../version.js";
import { checkRepository } from "./check.js";
import { DEMO_PATH, DEMO_PY_PATH, DEMO_SOURCES, runDemo } from "./demo.js";
import { UsageError } from "./errors.js";
import { runInit } from "./init.js";

const FORMAT_HELP = FORMATS.map((f) => `${f.name.padEnd(9)}${f.description}`).join("\n                   ");

const USAGE = `Usage:
  no-patch check [--base REF] [--head REF | --staged] [--format ${FORMATS.map((f) => f.name).join("|")}] [--config FILE] [PATH ...]
  no-patch pr OWNER/REPO#N | URL [--format F]
                     what the GitHub App would report on a live pull request; writes nothing
                     (GITHUB_TOKEN for private repositories, GITHUB_API_URL for Enterprise)
  no-patch init [--write [--force]] [--output FILE]
                     propose an adoption policy for this repository: adoption mode, and ignore
                     globs for demos, examples, documentation, build files and presentation
                     modules; prints it, or writes .github/no-patch.yml with --write
  no-patch demo      check a bundled example change and show the report
  no-patch schema    print the JSON Schema of .github/no-patch.yml

check:
  --base REF     check what the head adds relative to REF (default without paths: HEAD)
  --head REF     the head commit (default: the working tree, like git diff REF)
  --format F     ${FORMAT_HELP}
  --staged       check what is staged for commit (the index against HEAD), for pre-commit hooks
  --config FILE  policy file (default: .github/no-patch.yml on the --base commit)
  PATH ...       limit to these paths; without --base, check every literal of these files

Exit status: 0 no blocking finding, 1 blocking findings, 2 usage, configuration or runtime error.
`;

/** Files done out of all, on a terminal's stderr, at most ten times a second; nothing elsewhere. */
function progress(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (total < 20 || (now - last < 100 && done < total)) return;
    last = now;
    process.stderr.write(`\rno-patch: ${done}/${total} files`);
  };
}

function useColor(): boolean {
  return process.stdout.isTTY === true && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb";
}

async function check(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      format: { type: "string", default: "text" },
      config: { type: "string" },
      staged: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = formatNamed(values.format!);
  if (!format) throw new UsageError(`--format ${values.format}: expected one of ${FORMATS.map((f) => f.name).join(", ")}.`);
  const result = await checkRepository({
    base: values.base,
    head: values.head,
    staged: values.staged,
    config: values.config,
    paths: positionals,
    cwd: process.cwd(),
    onProgress: progress(),
  });
  if (process.stderr.isTTY) process.stderr.write("\r\u001b[K");
  process.stdout.write(
    format.render({
      analysis: result.analysis,
      policySource: result.configSource,
      toolVersion: version(),
      sourceOf: (path) => result.sources.get(path),
      color: useColor(),
    }),
  );
  return result.analysis.conclusion === "failure" ? 1 : 0;
}

async function pr(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { format: { type: "string", default: "text" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = formatNamed(values.format!);
  if (!format) throw new UsageError(`--format ${values.format}: expected one of ${FORMATS.map((f) => f.name).join(", ")}.`);
  if (positionals.length !== 1) throw new UsageError("pr takes one pull request: OWNER/REPO#NUMBER or its URL.");
  // The reader is the App's: load it only for this command (it brings the GitHub client).
  const { checkPullRequest } = await import("./pr.js");
  const result = await checkPullRequest(positionals[0]!, process.env);
  process.stdout.write(
    format.render({
      analysis: result.analysis,
      policySource: result.policySource,
      toolVersion: version(),
      sourceOf: (path) => result.sources.get(path),
      links: result.links,
      color: useColor(),
    }),
  );
  return result.analysis.conclusion === "failure" ? 1 : 0;
}

async function demo(): Promise<number> {
  const analysis = await runDemo();
  process.stdout.write(
    `no-patch demo: a change to ${DEMO_PATH} (a one-loop perturbation theory module) and to ${DEMO_PY_PATH} (the case study's JAX code), checked with the default policy.\n\n`,
  );
  process.stdout.write(
    textFormat.render({
      analysis,
      policySource: "defaults",
      toolVersion: version(),
      color: useColor(),
      sourceOf: (path) => DEMO_SOURCES[path],
    }),
  );
  process.stdout.write(
    `\nThis is what a failing no-patch check looks like. Run it on your own change with:\n  npx no-patch check --base origin/main\n`,
  );
  return 0;
}

function init(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    strict: true,
    options: {
      write: { type: "boolean" },
      force: { type: "boolean" },
      output: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.force && !values.write) throw new UsageError("--force only applies with --write.");
  const result = runInit({ cwd: process.cwd(), write: values.write === true, force: values.force === true, output: values.output });
  if (result.written === null) process.stdout.write(result.yaml);
  const counts = result.proposals.reduce((n, p) => n + p.files, 0);
  process.stderr.write(
    `no-patch init: ${plural(result.proposals.length, "ignore glob")} proposed (${plural(counts, "file")} the check would otherwise read)` +
      (result.written ? `; written to ${result.written}. Review it, then commit it to the default branch.\n` : ".\n"),
  );
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        return await check(rest);
      case "pr":
        return await pr(rest);
      case "demo":
        return await demo();
      case "init":
        return init(rest);
      case "schema":
        process.stdout.write(JSON.stringify(configJsonSchema(), null, 2) + "\n");
        return 0;
      case "--version":
      case "-v":
        process.stdout.write(version() + "\n");
        return 0;
      case undefined:
      case "--help":
      case "-h":
      case "help":
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}.`);
    }
  } catch (error) {
    return reportError(error);
  }
}
function reportError(error: unknown): number {
  if (error instanceof ConfigError) {
    process.stderr.write(`no-patch: ${error.message}\nSee docs/configuration.md in no-patch, or run \`no-patch schema\`.\n`);
  } else if (error instanceof UsageError || error instanceof DiffError) {
    process.stderr.write(`no-patch: ${error.message}\n`);
  } else if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`no-patch: ${error.message}\n\n${USAGE}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `no-patch: internal error: ${message}\nPlease report it with the command you ran; set NO_PATCH_DEBUG=1 for the stack trace.\n`,
    );
    if (process.env.NO_PATCH_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  }
  return 2;
}
