import "server-only";
import { createServer, type Server } from "node:http";

/**
 * Liveness on its own port (HEALTH_PORT), outside Next's request pipeline (ADR 027). A burst of
 * connections on the app's port fills that port's accept queue: a health check queued behind it waited
 * 3–8 s (SYN retries), and a load balancer would take the instance out exactly when it is busy. This
 * listener has its own queue and answers from the first turn of the event loop; like `/api/health` it
 * never touches the database (an outage must not take every instance out of rotation at once).
 */
export function startHealthServer(port: number, host = "0.0.0.0"): Server {
  const server = createServer((req, res) => {
    const ok = req.method === "GET" || req.method === "HEAD";
    res.writeHead(ok ? 200 : 405, { "content-type": "text/plain", "cache-control": "no-store" });
    res.end(ok ? "ok" : "");
  });
  // A port already taken (another process, a build worker) must not end the app: logged, and no listener.
  server.on("error", (error) => {
    const line = { level: "error", source: "http", event: "health.listen_failed", port, message: error.message };
    process.stderr.write(`${JSON.stringify(line)}\n`);
  });
  server.listen(port, host);
  // Never keeps the process alive on its own.
  server.unref();
  return server;
}

/** HEALTH_PORT, or null when unset; a value that is not a port stops start-up. */
export function healthPortFromEnv(env: Record<string, string | undefined> = process.env): number | null {
  const raw = env.HEALTH_PORT;
  if (raw === undefined || raw === "") return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`HEALTH_PORT must be a port, not "${raw}"`);
  return port;
}
