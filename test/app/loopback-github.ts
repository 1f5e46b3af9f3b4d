/**
 * The fake GitHub on a loopback HTTP server, laid out like GitHub Enterprise Server
 * (`/api/v3` for REST, `/api/graphql`), so the real app reaches it through Probot's
 * `GHE_HOST`/`GHE_PROTOCOL` base-URL setting. Optional latency is added to every response.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FakeGitHub } from "./fake-github.js";

const requireJson = createRequire(import.meta.url);

export interface LoopbackGitHub {
  host: string;
  close(): Promise<void>;
}

export async function startLoopbackGitHub(fake: FakeGitHub, latencyMs = 0): Promise<LoopbackGitHub> {
  const server: Server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = undefined;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const path = (req.url ?? "/").replace(/^\/api\/v3/, "").replace(/^\/api\/graphql/, "/graphql");
      if (fake.hangsOn(req.method ?? "GET", path)) return; // never answered: a hung connection
      const reply = fake.handle(req.method ?? "GET", path, body);
      setTimeout(() => {
        res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(reply.body));
      }, latencyMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function waitFor(condition: () => boolean, timeoutMs: number, pollMs = 20): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface AppServer {
  port: number;
  /** Everything the server printed so far. */
  output(): string;
  stop(): void;
  /** Kill the process at once (SIGKILL): a crash, nothing concluded on the way out. */
  crash(): void;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/**
 * The real app as `npm start` runs it (`node dist/app/server.js`), in production mode, pointed
 * at a loopback GitHub through Probot's GitHub Enterprise base-URL settings.
 */
export async function startAppServer(
  root: string,
  githubHost: string,
  secret: string,
  logLevel: "info" | "warn" | "error" = "info",
  extraEnv: Record<string, string> = {},
): Promise<AppServer> {
  const port = await freePort();
  // Each server its own journal of runs in progress, unless the test shares one (a restart).
  const journal = extraEnv.NO_PATCH_JOURNAL ?? join(mkdtempSync(join(tmpdir(), "no-patch-journal-")), "in-progress.json");
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [join(root, "dist/app/server.js")], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      APP_ID: "123",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: secret,
      HOST: "127.0.0.1",
      PORT: String(port),
      GHE_HOST: githubHost,
      GHE_PROTOCOL: "http",
      LOG_LEVEL: logLevel,
      LOG_FORMAT: "json",
      NO_PATCH_JOURNAL: journal,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server = { port, output: () => output, stop: () => void child.kill(), crash: () => void child.kill("SIGKILL"), exited };
  // Ready when the server answers HTTP at all (whatever the log level prints).
  let listening = false;
  const probe = async () => {
    while (!listening && child.exitCode === null) {
      listening = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        () => true,
        () => false,
      );
      if (!listening) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  void probe();
  try {
    await waitFor(() => listening, 20_000);
  } catch {
    server.stop();
    throw new Error(`the app server did not start:\n${output}`);
  }
  return server;
}

/** POST a webhook as GitHub does, signed with `secret`. */
export function deliverWebhook(port: number, event: string, body: string, secret: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": "sha256=" + createHmac("sha256", secret).update(body).digest("hex"),
    },
    body,
  });
}

/** The real server against a loopback GitHub serving `fake`: what an end-to-end test starts and stops. */
export async function startEndToEnd(
  root: string,
  fake: FakeGitHub,
  secret: string,
): Promise<{ github: LoopbackGitHub; server: AppServer; stop(): Promise<void> }> {
  const github = await startLoopbackGitHub(fake);
  const server = await startAppServer(root, github.host, secret);
  return {
    github,
    server,
    async stop() {
      server.stop();
      await github.close();
    },
  };
}

/** A real webhook payload of GitHub's (@octokit/webhooks-examples), as JSON, with an installation as App deliveries carry. */
export function examplePayload(event: string, action: string): string {
  const examples = requireJson("@octokit/webhooks-examples/api.github.com/index.json") as Array<{
    name: string;
    examples: Array<Record<string, unknown>>;
  }>;
  const payload = structuredClone(examples.find((e) => e.name === event)!.examples.find((x) => x.action === action)!);
  payload.installation = { id: 2, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMg==" };
  return JSON.stringify(payload);
}
