import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  id: string;
  type: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

/**
 * A webhook receiver on loopback that does what the README tells receivers to do: verify the Standard
 * Webhooks signature with the endpoint's secret (401 otherwise) and dedupe by `webhook-id`.
 */
export async function startReceiver() {
  let secret = "";
  let status = 200;
  let holdMs = 0;
  const attempts: string[] = [];
  const unique = new Map<string, Received>();
  const rejected: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      let body: Record<string, unknown>;
      try {
        body = new Webhook(secret).verify(raw, headers) as Record<string, unknown>;
      } catch {
        rejected.push(headers["webhook-id"] ?? "");
        res.writeHead(401).end();
        return;
      }
      const id = headers["webhook-id"]!;
      attempts.push(id);
      if (status >= 200 && status < 300 && !unique.has(id))
        unique.set(id, { id, type: String(body.type), body, headers: req.headers });
      setTimeout(() => res.writeHead(status).end(), holdMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    attempts,
    unique,
    rejected,
    setSecret: (value: string) => void (secret = value),
    respondWith: (value: number) => void (status = value),
    holdFor: (ms: number) => void (holdMs = ms),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
