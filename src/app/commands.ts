/**
 * Pull request comment commands:
 *
 *     /no-patch allow <path>:<line>[:<column>] -- <reason>
 *     /no-patch recheck
 *
 * One command a line, at the start of the line. Exceptions need a person with at least the
 * policy's permission (write by default), checked through the API.
 */
import type { Octokit, Repo } from "./github.js";

export type Command =
  | { kind: "allow"; path: string; line: number; column: number | null; reason: string }
  | { kind: "recheck" }
  | { kind: "invalid"; text: string; problem: string };

const ALLOW = /^\/no-patch\s+allow\s+(\S+?):(\d+)(?::(\d+))?\s+--\s+(.+)$/;
const MIN_REASON = 10;

export function parseCommands(body: string): Command[] {
  const commands: Command[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (!/^\/no-patch\b/.test(line)) continue;
    if (/^\/no-patch\s+recheck\s*$/.test(line)) {
      commands.push({ kind: "recheck" });
      continue;
    }
    const allow = ALLOW.exec(line);
    if (allow) {
      const reason = allow[4]!.trim();
      if (reason.length < MIN_REASON) {
        commands.push({ kind: "invalid", text: line, problem: `the reason must say why (at least ${MIN_REASON} characters)` });
      } else {
        commands.push({
          kind: "allow",
          path: allow[1]!.replace(/^\.?\//, ""),
          line: Number(allow[2]),
          column: allow[3] ? Number(allow[3]) : null,
          reason,
        });
      }
      continue;
    }
    commands.push({
      kind: "invalid",
      text: line,
      problem: "expected `/no-patch allow path/to/file.ts:LINE -- reason` or `/no-patch recheck`",
    });
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
