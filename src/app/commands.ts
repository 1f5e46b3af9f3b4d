/**
 * Pull request comment commands, as a table: each command's grammar, who may use it, its help
 * text and its handler live in one entry. One command a line, at the start of the line:
 *
 *     /no-patch allow <path>:<line>[:<column>] -- <reason>
 *     /no-patch recheck
 *
 * A new command is one entry in `COMMANDS`.
 */
import type { Config } from "../core/config.js";
import type { Octokit, Repo } from "./github.js";
import type { Grant, RunResult } from "./run.js";

/** What a handler may do: reply, read the pull request, run the check. */
export interface CommandContext {
  who: string;
  /** When the comment was written. */
  at: string;
  /** The pull request's head, read when the comment is handled. */
  headSha: string;
  /** When no-patch first checked the head (its earliest check run); null when it never has. */
  headSeenAt(): Promise<string | null>;
  reply(body: string): Promise<void>;
  /** Run the check on the pull request's head, granting these exceptions. */
  /** Run the check with these grants; those that match nothing are answered by the run itself. */
  check(grants?: Grant[]): Promise<RunResult | null>;
}

export type Permission = "write" | "maintain" | "admin";

export interface CommandSpec<Args> {
  name: string;
  /** The grammar, as people are told it. */
  usage: string;
  summary: string;
  /** Turn the text after the command's name into arguments, or say what is wrong. */
  parse(rest: string): Args | { problem: string };
  /**
   * Who may use it under a policy: a least permission, or why nobody may; undefined: anyone
   * who can comment.
   */
  permission?(config: Config): { needed: Permission } | { refused: string };
  /** Carry out every use of the command in one comment. */
  run(context: CommandContext, uses: Args[]): Promise<void>;
}

const MIN_REASON = 10;
const ALLOW = /^(\S+?):(\d+)(?::(\d+))?\s+--\s+(.+)$/;

interface AllowArgs {
  path: string;
  line: number;
  column: number | null;
  reason: string;
}

const allow: CommandSpec<AllowArgs> = {
  name: "allow",
  usage: "/no-patch allow path/to/file.ts:LINE -- reason",
  summary: "grant an exception for the blocking finding on that line, recorded with who, when and why",
  parse(rest) {
    const match = ALLOW.exec(rest);
    if (!match) return { problem: `expected \`${allow.usage}\`` };
    const reason = match[4]!.trim();
    if (reason.length < MIN_REASON) return { problem: `the reason must say why (at least ${MIN_REASON} characters)` };
    return { path: match[1]!.replace(/^\.?\//, ""), line: Number(match[2]), column: match[3] ? Number(match[3]) : null, reason };
  },
  permission: (config) =>
    config.overrides.enabled
      ? { needed: config.overrides.permission }
      : { refused: "exceptions are turned off by this repository's no-patch policy (`overrides.enabled: false`); nothing was changed." },
  async run(context, uses) {
    // An exception answers the findings the maintainer saw: a head that arrived after the
    // comment (a push racing it, a redelivery) is not what it was written against.
    const seen = await context.headSeenAt();
    const head = `\`${context.headSha.slice(0, 7)}\``;
    if (seen === null) {
      await context.reply(
        `@${context.who}: no-patch has not checked ${head} yet, so nothing was allowed. Wait for its check, then allow again.`,
      );
      return;
    }
    if (Date.parse(seen) > Date.parse(context.at)) {
      await context.reply(
        `@${context.who}: the pull request moved on to ${head} after your comment, so nothing was allowed: an exception applies to the head it was written against. Look at the new findings and allow again if it still holds.`,
      );
      return;
    }
    const grants = uses.map((use) => ({ ...use, by: context.who, at: context.at }));
    await context.check(grants);
  },
};

/** The answer to grants that matched no blocking finding of the run. */
export function unmatchedReply(who: string, headSha: string, unmatched: readonly Grant[]): string {
  return unmatched
    .map(
      (g) =>
        `@${who}: there is no blocking finding at \`${g.path}:${g.line}${g.column ? `:${g.column}` : ""}\` at \`${headSha.slice(0, 7)}\`; nothing was allowed there.`,
    )
    .join("\n");
}

const recheck: CommandSpec<true> = {
  name: "recheck",
  usage: "/no-patch recheck",
  summary: "run the check again on the pull request's head",
  parse: (rest) => (rest === "" ? true : { problem: `expected \`${recheck.usage}\`` }),
  async run(context) {
    await context.check();
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry's argument type is its own
export const COMMANDS: ReadonlyArray<CommandSpec<any>> = [allow, recheck];

/** Every command's grammar, for replies to what was not understood. */
export const GRAMMAR = COMMANDS.map((c) => `\`${c.usage}\``).join(" or ");

export type ParsedCommand = { spec: CommandSpec<unknown>; args: unknown } | { spec: null; text: string; problem: string };

/** The commands of a comment, in order; lines that start with `/no-patch` and fit no command are invalid. */
export function parseCommands(body: string): ParsedCommand[] {
  const commands: ParsedCommand[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const match = /^\/no-patch(?:\s+(\S+))?\s*(.*)$/.exec(line);
    if (!match || !/^\/no-patch(\s|$)/.test(line)) continue;
    const spec = COMMANDS.find((c) => c.name === match[1]);
    if (!spec) {
      commands.push({ spec: null, text: line, problem: `expected ${GRAMMAR}` });
      continue;
    }
    const args = spec.parse(match[2]!.trim());
    if (typeof args === "object" && args !== null && "problem" in args) commands.push({ spec: null, text: line, problem: args.problem });
    else commands.push({ spec, args });
  }
  return commands;
}

const RANK: Record<string, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

/** The user's repository role, through the collaborators API. */
export async function permissionOf(octokit: Octokit, repo: Repo, username: string): Promise<string> {
  const response = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
  const data = response.data as { permission: string; role_name?: string };
  // role_name distinguishes maintain and triage; custom roles fall back to the base permission.
  return data.role_name && data.role_name in RANK ? data.role_name : data.permission;
}

export const hasAtLeast = (actual: string, needed: string): boolean => (RANK[actual] ?? 0) >= (RANK[needed] ?? Infinity);

/** How the reports tell a maintainer to grant an exception. */
export const EXCEPTION_HELP = `\`${allow.usage}\``;
