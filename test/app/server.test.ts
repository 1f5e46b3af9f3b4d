/**
 * The webhook endpoint in front of Probot (src/app/server.ts): size limits before parsing,
 * signatures before JSON, and when a delivery is acknowledged.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Probot } from "probot";
import { webhookHandler } from "../../src/app/server.js";

const SECRET = "server-test";
const PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const sign = (body: string): string => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;

let server: Server | undefined;
afterEach(() => {
  server?.close();
});

async function serve(onPing: () => Promise<void>, options: { maxBytes?: number; ackAfterMs?: number } = {}): Promise<number> {
  const probot = new Probot({ appId: 1, privateKey: PRIVATE_KEY, secret: SECRET, logLevel: "fatal" });
  await probot.load((app) => {
    app.on("ping", onPing);
  });
  const handle = webhookHandler({ probot, ...options });
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server!.address() as AddressInfo).port;
}

/** Send `chunks` without a Content-Length (chunked); the status answered. */
function post(port: number, headers: Record<string, string>, chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/api/github/webhooks", headers }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      // A server that refuses a body closes the connection after its answer: the rest of our
      // writes then fail, and only a failure with no answer at all is the test's.
      if (error.code === "EPIPE" || error.code === "ECONNRESET") setTimeout(() => reject(error), 1000).unref();
      else reject(error);
    });
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const PING = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
const headersFor = (body: string) => ({ "x-github-event": "ping", "x-github-delivery": "d-1", "x-hub-signature-256": sign(body) });

describe("the webhook endpoint", () => {
  it("refuses a chunked body as soon as it grows past the limit", async () => {
    let called = false;
    const port = await serve(async () => void (called = true), { maxBytes: 1000 });
    const result = await post(port, headersFor("x"), ["{", "x".repeat(600), "x".repeat(600), "}"]);
    expect(result.status).toBe(413);
    expect(called).toBe(false);
  });

  it.each([
    ["a wrong signature", { "x-hub-signature-256": `sha256=${"0".repeat(64)}` }, 401],
    ["no signature", { "x-hub-signature-256": "" }, 400],
    ["no delivery id", { "x-github-delivery": "" }, 400],
  ])("refuses %s without handling it", async (_name, override, status) => {
    let called = false;
    const port = await serve(async () => void (called = true));
    const headers = Object.fromEntries(Object.entries({ ...headersFor(PING), ...override }).filter(([, v]) => v !== ""));
    expect((await post(port, headers, [PING])).status).toBe(status);
    expect(called).toBe(false);
  });

  it("refuses a signed body that is not JSON", async () => {
    const port = await serve(async () => undefined);
    expect((await post(port, headersFor("not json"), ["not json"])).status).toBe(400);
  });

  it("hands a verified delivery to the app and acknowledges it when handled", async () => {
    let called = 0;
    const port = await serve(async () => void called++);
    const result = await post(port, headersFor(PING), [PING]);
    expect(result.status).toBe(202);
    expect(JSON.parse(result.body)).toEqual({ delivery: "d-1", outcome: "handled" });
    expect(called).toBe(1);
  });

  it("acknowledges a long delivery after the ack time, and goes on with it", async () => {
    let finished = false;
    const port = await serve(() => new Promise((resolve) => setTimeout(() => resolve(void (finished = true)), 300)), { ackAfterMs: 50 });
    const result = await post(port, headersFor(PING), [PING]);
    expect(JSON.parse(result.body)).toMatchObject({ outcome: "running" });
    expect(finished).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(finished).toBe(true);
  });

  it("answers 500 when the handler fails within the ack time, so GitHub shows a failed delivery", async () => {
    const port = await serve(async () => {
      throw new Error("boom");
    });
    expect((await post(port, headersFor(PING), [PING])).status).toBe(500);
  });

  it("answers health checks and nothing else", async () => {
    const port = await serve(async () => undefined);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/api/github/webhooks`)).status).toBe(405);
  });
});
