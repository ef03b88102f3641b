import { describe, expect, it } from "vitest";
import { loadSheddingFromEnv, withLoadShedding } from "./load-shedding";

describe("load shedding (ADR 027)", () => {
  const request = new Request("http://localhost/api/trpc/profile.get");
  const overloaded = () => new Response("busy", { status: 503 });

  it("past maxInFlight requests at once, the next one is shed at once; admitted again when one ends", async () => {
    const releases: Array<() => void> = [];
    const slow = () =>
      new Promise<Response>((resolve) => releases.push(() => resolve(new Response("ok", { status: 200 }))));
    const handler = withLoadShedding(slow, overloaded, { maxInFlight: 2, maxEventLoopDelayMs: 10_000 });
    const first = handler(request);
    const second = handler(request);
    expect((await handler(request)).status).toBe(503);
    releases.shift()!();
    expect((await first).status).toBe(200);
    const third = handler(request);
    for (const release of releases.splice(0)) release();
    expect([(await second).status, (await third).status]).toEqual([200, 200]);
  });

  it("a handler that throws still frees its place", async () => {
    const failing = () => Promise.reject(new Error("boom"));
    const handler = withLoadShedding(failing, overloaded, { maxInFlight: 1, maxEventLoopDelayMs: 10_000 });
    await expect(handler(request)).rejects.toThrow("boom");
    await expect(handler(request)).rejects.toThrow("boom"); // not shed: the first one's place was freed
  });

  it("maxInFlight 0 turns it off; bad environment values stop start-up", () => {
    const handler = async () => new Response("ok");
    expect(withLoadShedding(handler, overloaded, { maxInFlight: 0, maxEventLoopDelayMs: 0 })).toBe(handler);
    expect(loadSheddingFromEnv({})).toEqual({ maxInFlight: 64, maxEventLoopDelayMs: 200 });
    expect(() => loadSheddingFromEnv({ LOAD_SHED_MAX_IN_FLIGHT: "lots" })).toThrow(/LOAD_SHED_MAX_IN_FLIGHT/);
  });
});
