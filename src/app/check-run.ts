/**
 * The `no-patch` check run on GitHub: created in progress, then completed with the rendered
 * output and its annotations, 50 a request (the Checks API's limit). What it says is the
 * report layer's (`src/report/check-run.ts`).
 */
import { renderFailure, type Annotation, type CheckRunOutput } from "../report/index.js";
import type { Octokit, Repo } from "./github.js";

export const CHECK_NAME = "no-patch";
export const ANNOTATIONS_PER_REQUEST = 50;

/**
 * Create the run. `pullNumber` is kept as its `external_id`: a re-run of a fork's commit finds
 * its pull request there, where GitHub's commit-to-pull-request lookup answers nothing.
 */
export async function startCheckRun(
  octokit: Octokit,
  repo: Repo,
  headSha: string,
  pullNumber: number | null = null,
): Promise<{ id: number; url: string | null }> {
  const response = await octokit.rest.checks.create({
    ...repo,
    name: CHECK_NAME,
    head_sha: headSha,
    ...(pullNumber !== null ? { external_id: String(pullNumber) } : {}),
    status: "in_progress",
    started_at: new Date().toISOString(),
    output: { title: "Checking numeric constants", summary: "no-patch is reading the change." },
  });
  return { id: response.data.id, url: response.data.html_url ?? null };
}

/** Send every annotation in batches of 50; the last batch goes with the conclusion. Returns the requests made. */
export async function completeCheckRun(
  octokit: Octokit,
  repo: Repo,
  checkRunId: number,
  conclusion: "success" | "failure" | "neutral",
  { annotations, ...output }: CheckRunOutput,
): Promise<number> {
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const last = batches.pop() ?? [];
  for (const batch of batches) {
    await octokit.rest.checks.update({ ...repo, check_run_id: checkRunId, output: { ...output, annotations: batch } });
  }
  await conclude(octokit, repo, checkRunId, conclusion, { ...output, ...(last.length ? { annotations: last } : {}) });
  return batches.length + 1;
}

/** The one request that ends a run: completed, with its conclusion and what it says. */
async function conclude(
  octokit: Octokit,
  repo: Repo,
  checkRunId: number,
  conclusion: "success" | "failure" | "neutral" | "cancelled",
  output: { title: string; summary: string; text?: string; annotations?: Annotation[] },
): Promise<void> {
  await octokit.rest.checks.update({
    ...repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion,
    completed_at: new Date().toISOString(),
    output,
  });
}

/** Fail closed: any error ends the run as a failure that says what went wrong and how to retry. */
export async function failCheckRun(octokit: Octokit, repo: Repo, checkRunId: number, problem: string): Promise<void> {
  await conclude(
    octokit,
    repo,
    checkRunId,
    "failure",
    renderFailure(problem, "To retry, use **Re-run** on this check, or comment `/no-patch recheck` on the pull request."),
  );
}

/** A run for an older head that a newer push took over: concluded `cancelled`, saying by what. */
export async function cancelCheckRun(octokit: Octokit, repo: Repo, checkRunId: number, newerSha: string): Promise<void> {
  await conclude(octokit, repo, checkRunId, "cancelled", {
    title: "Superseded by a newer push",
    summary: `The pull request moved on to \`${newerSha.slice(0, 7)}\`, which has its own no-patch run.`,
  });
}
