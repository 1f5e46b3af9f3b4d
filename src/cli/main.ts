#!/usr/bin/env node
/** The `no-patch` command line. Exit status: 0 pass, 1 blocking findings, 2 usage/config/runtime error. */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { configJsonSchema, ConfigError } from "../core/config.js";
import { DiffError } from "../core/diff.js";
import { toGithubAnnotations } from "../report/github.js";
import { toJson } from "../report/json.js";
import { toSarif } from "../report/sarif.js";
import { toText } from "../report/text.js";
import { runCheck } from "./check.js";
import { DEMO_HEAD, DEMO_PATH, runDemo } from "./demo.js";
import { UsageError } from "./git.js";

const FORMATS = ["text", "json", "sarif", "github"] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage:
  no-patch check [--base REF] [--head REF] [--format text|json|sarif|github] [--config FILE] [PATH ...]
  no-patch demo      check a bundled example change and show the report
  no-patch schema    print the JSON Schema of .github/no-patch.yml

check:
  --base REF     check what the head adds relative to REF (default without paths: HEAD)
  --head REF     the head commit (default: the working tree, like git diff REF)
  --format F     text (default), json, sarif or github (workflow annotations)
  --config FILE  policy file (default: .github/no-patch.yml on the --base commit)
  PATH ...       limit to these paths; without --base, check every literal of these files

Exit status: 0 no blocking finding, 1 blocking findings, 2 usage, configuration or runtime error.
`;

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    return pkg.version;
  } catch {
    return "0.0.0";
  }
}

function useColor(): boolean {
  return process.stdout.isTTY === true && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb";
}

function check(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      format: { type: "string", default: "text" },
      config: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${values.format}: expected one of ${FORMATS.join(", ")}.`);
  const result = runCheck({ base: values.base, head: values.head, config: values.config, paths: positionals, cwd: process.cwd() });
  const analysis = result.analysis;
  switch (format) {
    case "json":
      process.stdout.write(toJson(analysis));
      break;
    case "sarif":
      process.stdout.write(toSarif(analysis, version()));
      break;
    case "github":
      process.stdout.write(toGithubAnnotations(analysis));
      break;
    default:
      process.stdout.write(toText(analysis, { color: useColor(), sourceOf: (path) => result.sources.get(path) }));
      process.stdout.write(`policy: ${result.configSource}\n`);
  }
  return analysis.conclusion === "failure" ? 1 : 0;
}

function demo(): number {
  const analysis = runDemo();
  process.stdout.write(
    `no-patch demo: a change to ${DEMO_PATH} in a one-loop perturbation theory module, checked with the default policy.\n\n`,
  );
  process.stdout.write(toText(analysis, { color: useColor(), sourceOf: () => DEMO_HEAD }));
  process.stdout.write(
    `\nThis is what a failing no-patch check looks like. Run it on your own change with:\n  npx no-patch check --base origin/main\n`,
  );
  return 0;
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        return check(rest);
      case "demo":
        return demo();
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
    process.stderr.write(`no-patch: ${error.message}\nSee the README's configuration section or run \`no-patch schema\`.\n`);
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

process.exitCode = main(process.argv.slice(2));
