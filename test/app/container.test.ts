/**
 * The container image's contract, tested without a Docker engine (none runs on this machine):
 * the image's own start command, with its environment, answers the health endpoint its
 * HEALTHCHECK uses; setting REDIS_URL starts too (ioredis is installed). When a Docker engine
 * is present, `docker build .` builds the same image.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./loopback-github.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const DOCKERFILE = readFileSync(join(ROOT, "Dockerfile"), "utf8");
const children: ChildProcess[] = [];
const SECRET = "container-test";
const sign = (body: string): string => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
afterAll(async () => {
  // SIGKILL: these servers have nothing to conclude, and one has a Redis that never answers.
  await Promise.all(
    children.map((child) => (child.exitCode !== null ? undefined : new Promise((resolve) => child.once("exit", resolve).kill("SIGKILL")))),
  );
});

/** The image's CMD, as JSON in the Dockerfile. */
const command = (): string[] => JSON.parse(/^CMD (\[.*\])$/m.exec(DOCKERFILE)![1]!);

async function startAsTheImageDoes(extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  const [executable, ...args] = command();
  const child = spawn(executable === "node" ? process.execPath : join(ROOT, executable!), args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      APP_ID: "123",
      PRIVATE_KEY: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      WEBHOOK_SECRET: SECRET,
      LOG_LEVEL: "info",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const until = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
    if (response) return { response, output: () => output, child, port };
    if (child.exitCode !== null || Date.now() > until) throw new Error(`the server did not answer:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * POST a request that announces 26 MB and sends none of it: the status the server answers
 * with. The answer comes from the header alone, before a byte of the body is read.
 */
function declaredTooLarge(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/github/webhooks",
        headers: { ...headers, "content-length": String(26 * 1024 * 1024) },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      // The server closes the connection after its answer; only an error before any answer counts.
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
    });
    req.flushHeaders();
  });
}

describe("the container image", () => {
  it("runs the app with probot as an unprivileged user, in production, and checks /healthz", () => {
    expect(command()).toEqual(["node", "dist/app/server.js"]);
    expect(DOCKERFILE).toMatch(/^USER node$/m);
    expect(DOCKERFILE).toContain("NODE_ENV=production");
    expect(DOCKERFILE).toContain("npm ci --omit=dev");
    expect(DOCKERFILE).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
  });

  it("its start command answers the health endpoint", async () => {
    const { response } = await startAsTheImageDoes();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  }, 30_000);

  it("refuses a body over GitHub's 25 MB limit before reading it, and a wrong signature, logging neither", async () => {
    const { output, port } = await startAsTheImageDoes();
    const url = `http://127.0.0.1:${port}/api/github/webhooks`;
    const headers = { "x-github-event": "issue_comment", "x-github-delivery": "d-1", "content-type": "application/json" };
    // Declared too large: refused from the header, before any of the 26 MB it announced.
    expect(await declaredTooLarge(port, { ...headers, "x-hub-signature-256": "sha256=00" })).toBe(413);
    const secret = "SECRET-COMMENT-TEXT ".repeat(50_000); // 1 MB, under the limit
    const body = JSON.stringify({ comment: { body: secret } });
    const forged = await fetch(url, { method: "POST", headers: { ...headers, "x-hub-signature-256": `sha256=${"0".repeat(64)}` }, body });
    expect(forged.status).toBe(401);
    const signed = await fetch(url, { method: "POST", headers: { ...headers, "x-hub-signature-256": sign(body) }, body });
    expect(signed.status).toBe(202);
    const log = output();
    expect(log).toContain("signature does not match");
    expect(log).not.toContain("SECRET-COMMENT-TEXT");
    expect(Math.max(...log.split("\n").map((line) => line.length))).toBeLessThan(2_000);
  }, 30_000);

  it("starts with REDIS_URL set (ioredis is installed), even before Redis answers", async () => {
    const { response, output } = await startAsTheImageDoes({ REDIS_URL: "redis://127.0.0.1:1" });
    expect(response.status).toBe(200);
    expect(output()).not.toContain("Cannot find package 'ioredis'");
  }, 30_000);
});
