/**
 * The no-patch GitHub Action: the check on a pull request's commits, from the workspace's git
 * history, with no token and no App. It writes workflow annotations (GitHub shows ten a step,
 * so the full report goes to the step summary as markdown), optionally SARIF for code scanning,
 * and fails the step on blocking findings.
 *
 * Inputs (the runner passes them as INPUT_* variables): `config` (a policy file; default the
 * base commit's .github/no-patch.yml), `mode` (`fail` or `warn`, over the policy's), `format`
 * (`sarif` also writes `sarif-file`), `sarif-file` (default no-patch.sarif).
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { checkRepository } from "../cli/check.js";
import { githubFormat } from "../report/github.js";
import { markdownFormat } from "../report/markdown-format.js";
import { sarifFormat } from "../report/sarif.js";
import { version } from "../version.js";

const input = (name: string): string => (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();

interface PullRequestEvent {
  pull_request?: { base: { sha: string }; head: { sha: string } };
  repository?: { html_url?: string };
  merge_group?: { base_sha: string; head_sha: string };
}

/** The commits the event names: a pull request's, or a merge queue group's. */
function commitsOf(event: PullRequestEvent): { base: string; head: string } | null {
  if (event.pull_request) return { base: event.pull_request.base.sha, head: event.pull_request.head.sha };
  if (event.merge_group) return { base: event.merge_group.base_sha, head: event.merge_group.head_sha };
  return null;
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const eventPath = env.GITHUB_EVENT_PATH;
  const event = eventPath ? (JSON.parse(readFileSync(eventPath, "utf8")) as PullRequestEvent) : {};
  const commits = commitsOf(event);
  if (!commits) {
    process.stdout.write(`::warning title=no-patch::The ${env.GITHUB_EVENT_NAME ?? "this"} event names no pull request: nothing to check.\n`);
    return 0;
  }
  const mode = input("mode");
  if (mode && mode !== "fail" && mode !== "warn") throw new Error(`input mode: expected fail or warn, got ${JSON.stringify(mode)}`);
  const result = await checkRepository({
    base: commits.base,
    head: commits.head,
    config: input("config") || undefined,
    paths: [],
    cwd: env.GITHUB_WORKSPACE || process.cwd(),
  });
  let analysis = result.analysis;
  if (mode === "warn" && analysis.conclusion === "failure") analysis = { ...analysis, conclusion: "neutral", policy: { ...analysis.policy, mode: "warn" } };
  const report = { analysis, policySource: result.configSource, toolVersion: version(), links: event.repository?.html_url ? { repository: event.repository.html_url, sha: commits.head } : null };
  process.stdout.write(githubFormat.render(report));
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdownFormat.render(report));
  if (input("format") === "sarif") writeFileSync(input("sarif-file") || "no-patch.sarif", sarifFormat.render(report));
  return analysis.conclusion === "failure" ? 1 : 0;
}
