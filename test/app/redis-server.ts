/**
 * A real Redis for the queue's tests: `redis-server` from PATH on a free loopback port, no
 * persistence, stopped after the tests. Where it is not installed the tests say so and do not
 * run; under CI (CI=true) a missing server fails them, so CI never passes without them.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { freePort, waitFor } from "./loopback-github.js";

export const HAS_REDIS = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
export const MISSING_REDIS =
  "redis-server is not installed, so the Redis queue tests did not run: install it (Debian: apt-get install -y redis-server) and run npm test again.";

export interface RedisServer {
  url: string;
  /** Delete every key between tests. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  let ready = false;
  const poll = async () => {
    while (!ready && child.exitCode === null) {
      ready = await client.ping().then(
        () => true,
        () => false,
      );
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  void poll();
  await waitFor(() => ready, 10_000);
  return {
    url,
    flush: async () => void (await client.flushall()),
    stop: async () => {
      client.disconnect();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
    },
  };
}
