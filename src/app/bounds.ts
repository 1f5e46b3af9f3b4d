/**
 * Bounds on a run (SPEC section 6: every run concludes within a bounded time, whatever GitHub
 * does): a timeout on every GitHub request, and a deadline on the whole run after which its
 * requests are abandoned and the check run is concluded as a failure saying what timed out.
 */
import type { Octokit } from "./github.js";

export interface RunLimits {
  /** Longest wait for one GitHub request. */
  requestTimeoutMs: number;
  /** Longest run, from the webhook to the completed check run. */
  deadlineMs: number;
}

export const DEFAULT_LIMITS: RunLimits = { requestTimeoutMs: 30_000, deadlineMs: 180_000 };

/** The limits from the environment (NO_PATCH_REQUEST_TIMEOUT_MS, NO_PATCH_RUN_DEADLINE_MS) over the defaults. */
export function limitsFrom(env: NodeJS.ProcessEnv, given: Partial<RunLimits> = {}): RunLimits {
  const number = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : undefined);
  return {
    requestTimeoutMs: given.requestTimeoutMs ?? number(env.NO_PATCH_REQUEST_TIMEOUT_MS) ?? DEFAULT_LIMITS.requestTimeoutMs,
    deadlineMs: given.deadlineMs ?? number(env.NO_PATCH_RUN_DEADLINE_MS) ?? DEFAULT_LIMITS.deadlineMs,
  };
}

/** A request GitHub did not answer in time. */
export class GitHubTimeout extends Error {
  constructor(
    readonly route: string,
    seconds: number,
  ) {
    super(`GitHub did not answer ${route} within ${seconds} s`);
    this.name = "GitHubTimeout";
  }
}

/** The run passed its deadline. */
export class DeadlinePassed extends Error {
  constructor(seconds: number, pending: readonly string[]) {
    super(`the run passed its deadline of ${seconds} s${pending.length ? ` waiting for GitHub (${pending.join(", ")})` : ""}`);
    this.name = "DeadlinePassed";
  }
}

/** What the request hook of one client bounds: the current run's requests. */
interface Bounds {
  run: AbortController;
  pending: Set<string>;
  timeoutMs: number;
}

type Wrappable = Octokit & {
  hook: {
    wrap: (
      name: "request",
      wrapper: (request: (o: object) => Promise<unknown>, options: Record<string, unknown>) => Promise<unknown>,
    ) => void;
  };
};

/** One hook per client: a second run on the same event's client resets it, never stacks another. */
const boundsOf = new WeakMap<Octokit, Bounds>();

function hookOnce(octokit: Octokit): Bounds {
  const known = boundsOf.get(octokit);
  if (known) return known;
  const bounds: Bounds = { run: new AbortController(), pending: new Set(), timeoutMs: 0 };
  boundsOf.set(octokit, bounds);
  (octokit as Wrappable).hook.wrap("request", async (request, options) => {
    const route = `${String(options.method)} ${String(options.url)}`;
    const { timeoutMs } = bounds;
    const timeout = new AbortController();
    const abandoned = bounds.run.signal;
    const signal = AbortSignal.any([timeout.signal, abandoned]);
    const previous = (options.request ?? {}) as Record<string, unknown>;
    bounds.pending.add(route);
    // The timer decides, not the transport: a connection that ignores the abort still ends here.
    let timer: NodeJS.Timeout | undefined;
    let onAbandon: (() => void) | undefined;
    const expiry = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timeout.abort();
        reject(new GitHubTimeout(route, timeoutMs / 1000));
      }, timeoutMs);
      // An abandoned run ends its requests at once, timer and all, whatever the transport does.
      onAbandon = () => reject(new Error(`abandoned: ${route}`));
      abandoned.addEventListener("abort", onAbandon, { once: true });
    });
    try {
      return await Promise.race([request({ ...options, request: { ...previous, signal } }), expiry]);
    } finally {
      clearTimeout(timer);
      if (onAbandon) abandoned.removeEventListener("abort", onAbandon);
      bounds.pending.delete(route);
    }
  });
  return bounds;
}

/**
 * A client whose every request times out, and can be abandoned all at once (`abandon`): it
 * hooks the event's client (once, however many runs use it; runs on one client are sequential).
 * `pending` names the requests in flight, for the failure message.
 */
export function boundedClient(octokit: Octokit, requestTimeoutMs: number) {
  const bounds = hookOnce(octokit);
  bounds.timeoutMs = requestTimeoutMs;
  bounds.run = new AbortController();
  bounds.pending.clear();
  return {
    octokit,
    pending: () => [...bounds.pending],
    /** Abort every request in flight; later requests (the failure report) run normally. */
    abandon(): void {
      bounds.run.abort();
      bounds.run = new AbortController();
    },
  };
}

/** A newer head of the same pull request took over: this run's verdict would be stale. */
export class Superseded extends Error {
  constructor(readonly newerSha: string) {
    super(`superseded by ${newerSha.slice(0, 7)}`);
    this.name = "Superseded";
  }
}

/** The app is shutting down (a deploy, a restart): the run stops and says so, to be re-run. */
export class Interrupted extends Error {
  constructor() {
    super("the app was stopped before this run finished (a restart or a deploy)");
    this.name = "Interrupted";
  }
}

/**
 * Run `work` within `deadlineMs`; past it, abandon its requests and throw DeadlinePassed. When
 * `superseded` aborts (its reason the newer head), abandon them too and throw Superseded.
 */
export async function withinDeadline<T>(
  work: Promise<T>,
  deadlineMs: number,
  bounded: ReturnType<typeof boundedClient>,
  superseded?: AbortSignal,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const pending = bounded.pending();
      bounded.abandon();
      reject(new DeadlinePassed(deadlineMs / 1000, pending));
    }, deadlineMs);
    onAbort = () => {
      bounded.abandon();
      const reason: unknown = superseded!.reason;
      reject(reason instanceof Interrupted ? reason : new Superseded(String(reason)));
    };
    if (superseded?.aborted) onAbort();
    else superseded?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work, stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) superseded?.removeEventListener("abort", onAbort);
  }
}
