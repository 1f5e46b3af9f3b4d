/**
 * The container image's contract, tested without a Docker engine (none runs on this machine):
 * the image's own start command, with its environment, answers the health endpoint its
 * HEALTHCHECK uses; setting REDIS_URL starts too (ioredis is installed). When a Docker engine
 * is present, `docker build .` builds the same image.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./loopback-github.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const DOCKERFILE = readFileSync(join(ROOT, "Dockerfile"), "utf8");
const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill()));

/** The image's CMD, as JSON in the Dockerfile. */
const command = (): string[] => JSON.parse(/^CMD (\[.*\])$/m.exec(DOCKERFILE)![1]!);

async function startAsTheImageDoes(extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  const [executable, ...args] = command();
  const child = spawn(join(ROOT, executable!), args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      APP_ID: "123",
      PRIVATE_KEY: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      WEBHOOK_SECRET: "container-test",
      LOG_LEVEL: "error",
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
    if (response) return { response, output: () => output, child };
    if (child.exitCode !== null || Date.now() > until) throw new Error(`the server did not answer:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the container image", () => {
  it("runs the app with probot as an unprivileged user, in production, and checks /healthz", () => {
    expect(command()).toEqual(["node_modules/.bin/probot", "run", "./dist/app/index.js"]);
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

  it("starts with REDIS_URL set (ioredis is installed), even before Redis answers", async () => {
    const { response, output } = await startAsTheImageDoes({ REDIS_URL: "redis://127.0.0.1:1" });
    expect(response.status).toBe(200);
    expect(output()).not.toContain("Cannot find package 'ioredis'");
  }, 30_000);
});
