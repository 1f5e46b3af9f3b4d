/**
 * The app's HTTP server: the webhook endpoint and the health endpoint, in front of Probot.
 * It replaces `probot run` so that a delivery is judged before anything reads it whole:
 *
 * - a body over GitHub's 25 MB limit is refused (413) from its Content-Length, or as soon as it
 *   grows past the limit, without being parsed or kept;
 * - the signature (`X-Hub-Signature-256`) is verified before the JSON is parsed (401 otherwise);
 * - logs carry the delivery id, the event, the size and the outcome, never a body or a
 *   comment's text, and every line is bounded;
 * - the delivery is acknowledged `202` once it is handed over: at once when a Redis queue holds
 *   the work (REDIS_URL), else when the handler finishes or after 9 s, as Probot does.
 *
 * Configuration is Probot's environment (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, WEBHOOK_PATH,
 * GHE_HOST, REDIS_URL, LOG_LEVEL) plus HOST and PORT.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createProbot, type Probot } from "probot";
import { version } from "../version.js";
import { HEALTH_PATH, noPatchApp } from "./index.js";
import { bounded } from "./log.js";
import type { Checks } from "./queue.js";

/** GitHub caps webhook payloads at 25 MB; a larger body is not GitHub's. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;
/** Probot's own answer time: a delivery still running then is acknowledged and goes on. */
export const ACK_AFTER_MS = 9_000;

export interface ServerOptions {
  probot: Probot;
  webhookPath?: string;
  maxBytes?: number;
  ackAfterMs?: number;
}

/** Read a body up to `max` bytes; null when it is (or turns out) larger. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > max) {
      req.resume(); // drain without keeping it
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

const header = (req: IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
};

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json", connection: status === 413 ? "close" : "keep-alive" });
  res.end(JSON.stringify(body));
}

/** The request handler: health, webhooks, 404. */
export function webhookHandler({
  probot,
  webhookPath = "/api/github/webhooks",
  maxBytes = MAX_WEBHOOK_BYTES,
  ackAfterMs = ACK_AFTER_MS,
}: ServerOptions) {
  const log = probot.log.child({ name: "server" });
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === HEALTH_PATH) return reply(res, 200, { status: "ok", version: version() });
    if (path !== webhookPath) {
      req.resume();
      return reply(res, 404, { error: "not found" });
    }
    if (req.method !== "POST") {
      req.resume();
      return reply(res, 405, { error: "POST webhooks here" });
    }
    const id = bounded(header(req, "x-github-delivery"), 80);
    const name = bounded(header(req, "x-github-event"), 80);
    const signature = header(req, "x-hub-signature-256");
    const body = await readBody(req, maxBytes);
    if (body === null) {
      log.warn({ delivery: id, event: name, limit: maxBytes }, "webhook refused: the body is larger than GitHub's limit");
      return reply(res, 413, { error: `payload larger than ${maxBytes} bytes` });
    }
    if (!id || !name || !signature) {
      log.warn({ delivery: id, event: name, bytes: body.length }, "webhook refused: a GitHub header is missing");
      return reply(res, 400, { error: "x-github-delivery, x-github-event and x-hub-signature-256 are required" });
    }
    const text = body.toString("utf8");
    if (!(await probot.webhooks.verify(text, signature).catch(() => false))) {
      log.warn({ delivery: id, event: name, bytes: body.length }, "webhook refused: the signature does not match");
      return reply(res, 401, { error: "signature does not match" });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      log.warn({ delivery: id, event: name, bytes: body.length }, "webhook refused: the body is not JSON");
      return reply(res, 400, { error: "body is not JSON" });
    }
    const handled = probot
      .receive({ id, name, payload } as Parameters<Probot["receive"]>[0])
      .then(() => "handled" as const)
      .catch((error: unknown) => {
        log.error({ delivery: id, event: name, error: bounded(error instanceof Error ? error.message : error) }, "webhook handler failed");
        return "failed" as const;
      });
    const outcome = await Promise.race([handled, new Promise<"running">((resolve) => setTimeout(resolve, ackAfterMs, "running").unref())]);
    if (outcome === "failed") return reply(res, 500, { error: "handler failed", delivery: id });
    log.info({ delivery: id, event: name, bytes: body.length, outcome }, "webhook accepted");
    return reply(res, 202, { delivery: id, outcome });
  };
}

/** Start the app on HOST:PORT with Probot's environment; resolves once it listens. */
export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ server: Server; probot: Probot; port: number; stop(): Promise<void> }> {
  const probot = createProbot({ env });
  let checks: Checks | undefined;
  // Without Redis, a journal of runs in progress lets a restarted process conclude what a crash left.
  const journal = env.NO_PATCH_JOURNAL || join(tmpdir(), `no-patch-${env.APP_ID || "app"}`, "in-progress.json");
  await probot.load(noPatchApp({ onChecks: (c) => (checks = c), journal }));
  const handle = webhookHandler({ probot, webhookPath: env.WEBHOOK_PATH || undefined });
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      probot.log.error({ error: bounded(error instanceof Error ? error.message : error) }, "request failed");
      reply(res, 500, { error: "internal error" });
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve) => server.listen(Number(env.PORT || 3000), env.HOST || "0.0.0.0", resolve));
  const port = (server.address() as AddressInfo).port;
  probot.log.info({ port, version: version() }, "no-patch listening");
  /** Stop taking deliveries; runs in progress here conclude (in process) or finish (queued). */
  const stop = async () => {
    // No new connections; the runs here conclude, which answers the deliveries still waiting.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await checks?.close();
    await closed;
  };
  return { server, probot, port, stop };
}

/** Credentials are missing: outside production, Probot's setup flow registers the app (`npm start`, then the browser). */
async function setupFlow(env: NodeJS.ProcessEnv): Promise<void> {
  if (env.NODE_ENV === "production") {
    console.error("no-patch: APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH) are required in production.");
    process.exit(2);
  }
  const { run } = await import("probot");
  await run(noPatchApp());
}

if (
  import.meta.url === pathToFileURL(process.argv[1] ?? "").href &&
  !(process.env.APP_ID && (process.env.PRIVATE_KEY || process.env.PRIVATE_KEY_PATH))
) {
  void setupFlow(process.env);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  startServer().then(
    ({ probot, stop }) => {
      // A deploy or a restart: nothing is left in progress on the way out.
      const shutdown = (signal: string) => {
        probot.log.info({ signal }, "stopping");
        // Bounded: whatever hangs (an unreachable Redis), the process leaves within the grace period.
        setTimeout(() => process.exit(1), 30_000).unref();
        stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once("SIGTERM", () => shutdown("SIGTERM"));
      process.once("SIGINT", () => shutdown("SIGINT"));
    },
    (error: unknown) => {
      console.error(`no-patch could not start: ${bounded(error instanceof Error ? error.message : error)}`);
      process.exit(1);
    },
  );
}
