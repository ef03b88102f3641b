import { once } from "node:events";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { healthPortFromEnv, startHealthServer } from "./health-server";

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

describe("the liveness listener on HEALTH_PORT (ADR 027)", () => {
  it("answers from its own thread even while the main thread is busy", async () => {
    const port = await freePort();
    const worker = startHealthServer(port, "127.0.0.1");
    try {
      await expect
        .poll(() =>
          fetch(`http://127.0.0.1:${port}/`).then(
            (r) => r.status,
            () => 0,
          ),
        )
        .toBe(200);
      // The main thread blocks for 3 s; a child process asks meanwhile: its answer comes before the block ends.
      const { spawn } = await import("node:child_process");
      const child = spawn(process.execPath, [
        "-e",
        `fetch("http://127.0.0.1:${port}/").then((r) =>
           process.stdout.write(JSON.stringify({ status: r.status, at: Date.now() })));`,
      ]);
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      const busyUntil = Date.now() + 3_000;
      while (Date.now() < busyUntil); // a saturated event loop
      await once(child, "exit");
      const answer = JSON.parse(out) as { status: number; at: number };
      expect(answer.status).toBe(200);
      expect(answer.at).toBeLessThan(busyUntil);
    } finally {
      await worker.terminate();
    }
  });

  it("HEALTH_PORT must be a port", () => {
    expect(healthPortFromEnv({})).toBeNull();
    expect(healthPortFromEnv({ HEALTH_PORT: "9000" })).toBe(9000);
    expect(() => healthPortFromEnv({ HEALTH_PORT: "http" })).toThrow(/HEALTH_PORT/);
  });
});
