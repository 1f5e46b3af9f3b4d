/**
 * The fake GitHub on a loopback HTTP server, laid out like GitHub Enterprise Server
 * (`/api/v3` for REST, `/api/graphql`), so the real app reaches it through Probot's
 * `GHE_HOST`/`GHE_PROTOCOL` base-URL setting. Optional latency is added to every response.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeGitHub } from "./fake-github.js";

export interface LoopbackGitHub {
  host: string;
  close(): Promise<void>;
}

export async function startLoopbackGitHub(fake: FakeGitHub, latencyMs = 0): Promise<LoopbackGitHub> {
  const server: Server = createServer((req, res) => {
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
