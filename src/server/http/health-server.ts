import "server-only";
import { Worker } from "node:worker_threads";

/**
 * Liveness on its own port (HEALTH_PORT), answered by a worker thread (ADR 027). A burst of connections
 * on the app's port fills that port's accept queue and the main event loop: `/api/health` queued behind
 * it for 3–12 s, and a load balancer would take the instance out exactly when it is busy. The worker has
 * its own event loop and listener; it answers 200 while the main thread has turned within
 * `MAIN_LOOP_STALL_MS` (a heartbeat in shared memory), 503 once it has not — a process that is stuck, not
 * busy. Like `/api/health`, it never touches the database (an outage must not take every instance out).
 */
export const MAIN_LOOP_STALL_MS = 10_000;
const HEARTBEAT_MS = 250;

// Plain CommonJS for `eval`: no file to bundle or locate inside Next's build output.
const WORKER_SOURCE = `
const { createServer } = require("node:http");
const { workerData, parentPort } = require("node:worker_threads");
const beat = new Float64Array(workerData.heartbeat);
const server = createServer((req, res) => {
  const alive = Date.now() - beat[0] < workerData.stallMs;
  const method = req.method === "GET" || req.method === "HEAD";
  res.writeHead(!method ? 405 : alive ? 200 : 503, { "content-type": "text/plain", "cache-control": "no-store" });
  res.end(!method ? "" : alive ? "ok" : "stalled");
});
server.on("error", (error) => parentPort.postMessage({ error: error.message }));
server.listen(workerData.port, workerData.host);
`;

export function startHealthServer(port: number, host = "0.0.0.0"): Worker {
  const heartbeat = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT);
  const beat = new Float64Array(heartbeat);
  beat[0] = Date.now();
  setInterval(() => (beat[0] = Date.now()), HEARTBEAT_MS).unref();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { heartbeat, port, host, stallMs: MAIN_LOOP_STALL_MS },
  });
  // A port already taken (another process, a build worker) must not end the app: logged, no listener.
  worker.on("message", (message: { error?: string }) => {
    if (message.error) logListenFailed(port, message.error);
  });
  worker.on("error", (error) => logListenFailed(port, error.message));
  // Never keeps the process alive on its own.
  worker.unref();
  return worker;
}

function logListenFailed(port: number, message: string): void {
  const line = { level: "error", source: "http", event: "health.listen_failed", port, message };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

/** HEALTH_PORT, or null when unset; a value that is not a port stops start-up. */
export function healthPortFromEnv(env: Record<string, string | undefined> = process.env): number | null {
  const raw = env.HEALTH_PORT;
  if (raw === undefined || raw === "") return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`HEALTH_PORT must be a port, not "${raw}"`);
  return port;
}
