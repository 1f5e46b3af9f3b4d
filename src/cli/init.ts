/**
 * `no-patch init`: propose an adoption policy for the repository in the working directory:
 * adoption mode, and `ignore` globs for what is not scientific code (see core/adoption.ts).
 * Prints the policy; `--write` writes it to .github/no-patch.yml, never over an existing file
 * unless `--force`.
 */
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { proposeIgnores, wantsText, type ProposalKind, type ProposedIgnore, type TreeFile } from "../core/adoption.js";
import { CONFIG_PATH, DEFAULT_IGNORE, parseConfig, validateConfig } from "../core/config.js";
import { createFileSelector } from "../core/file-selector.js";
import { plural } from "../report/describe.js";
import { UsageError } from "./errors.js";
import { repositoryRoot, trackedFiles } from "./git.js";

/** Only a file's opening is read, however large the file: its header, its imports and enough of its calls (the rules read no further). */
export const OPENING_BYTES = 200_000;

function opening(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(OPENING_BYTES);
    const length = readSync(fd, buffer, 0, OPENING_BYTES, 0);
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

export interface InitOptions {
  cwd: string;
  write: boolean;
  force: boolean;
  /** Where to write, relative to the repository root (default .github/no-patch.yml). */
  output?: string;
  /** The date written in the header (tests pass one). */
  date?: string;
}

export interface InitResult {
  yaml: string;
  proposals: ProposedIgnore[];
  /** The path written, relative to the root; null when only printed. */
  written: string | null;
}

export function runInit(options: InitOptions): InitResult {
  const root = repositoryRoot(options.cwd);
  const defaults = validateConfig({});
  const select = createFileSelector(defaults);
  const files: TreeFile[] = trackedFiles(root).map((path) => {
    if (!wantsText(path, select(path).read)) return { path };
    const absolute = join(root, path);
    try {
      const stat = lstatSync(absolute);
      if (!stat.isFile()) return { path };
      return { path, text: opening(absolute) };
    } catch {
      return { path }; // deleted in the working tree, or unreadable: judged by its name only
    }
  });
  const proposals = proposeIgnores(files, defaults);
  const yaml = adoptionPolicyYaml(proposals, options.date ?? new Date().toISOString().slice(0, 10));
  // What is proposed must be a policy the check accepts.
  parseConfig(yaml, "the proposed policy");
  if (!options.write) return { yaml, proposals, written: null };
  const output = options.output ?? CONFIG_PATH;
  if (output.startsWith("/") || output.split(/[\\/]/).includes("..")) {
    throw new UsageError(`--output ${JSON.stringify(output)}: give a path inside the repository.`);
  }
  const target = join(root, output);
  if (existsSync(target) && !options.force) {
    throw new UsageError(`${output} exists; run with --force to replace it, or without --write to print the proposal.`);
  }
  mkdirSync(dirname(target), { recursive: true });
  // Never write through a link: the policy goes into this repository, nowhere else.
  const inside = realpathSync(dirname(target)) + sep;
  if (!inside.startsWith(realpathSync(root) + sep) || (existsSync(target) && lstatSync(target).isSymbolicLink())) {
    throw new UsageError(`${output} leads outside the repository through a symbolic link; not written.`);
  }
  writeFileSync(target, yaml);
  return { yaml, proposals, written: output };
}

const quote = (text: string): string => JSON.stringify(text);

/**
 * The adoption policy as YAML: adoption mode, the default ignores, and the proposals, each
 * with its reason, for a maintainer to review before committing it.
 */
export function adoptionPolicyYaml(proposals: readonly ProposedIgnore[], date: string): string {
  const lines = [
    `# no-patch policy proposed by \`no-patch init\` on ${date}. Review it, then commit it to the`,
    "# default branch: pull requests are judged by the policy of their base.",
    "",
    "# Adoption mode: an attached comment that explains a value (its quantity, unit, source or",
    "# derivation) is a justification; new code can be held to @physics tags later.",
    "requireTag: false",
    "",
    "ignore:",
    "  # The defaults (setting ignore replaces them).",
    ...DEFAULT_IGNORE.map((glob) => `  - ${quote(glob)}`),
  ];
  const titles: Record<ProposalKind, string> = {
    directory: "Code around the science: demos, examples, documentation, benchmarks, build scripts.",
    build: "Build and tool configuration.",
    generated: "Generated files (their header says so): check the generator and its data instead.",
    presentation: "Presentation modules (plotting, drawing, user interface): review each one.",
  };
  for (const kind of ["directory", "build", "generated", "presentation"] as const) {
    const group = proposals.filter((p) => p.kind === kind);
    if (group.length === 0) continue;
    lines.push(`  # ${titles[kind]}`);
    for (const p of group) lines.push(`  - ${quote(p.glob)} # ${p.reason}; ${plural(p.files, "file")}`);
  }
  return lines.join("\n") + "\n";
}
