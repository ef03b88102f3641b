import { afterAll, describe, expect, it } from "vitest";
import { createContext } from "@/server/trpc";
import { createClock, createTestApp, createTestDatabase } from "./harness";

/** The audit log and the risk signal see an address only a trusted proxy could have written. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

function contextFor(headers: Record<string, string>, trustedProxyHops?: number) {
  return createContext({
    headers: new Headers(headers),
    resHeaders: new Headers(),
    app: createTestApp(db, createClock()),
    trustedProxyHops,
  });
}

describe("X-Forwarded-For is trusted only when configured", () => {
  it("with no trusted proxy (the default), a forged X-Forwarded-For or X-Real-IP gives an unknown address", async () => {
    const previous = process.env.STEP_UP_TRUST_PROXY;
    delete process.env.STEP_UP_TRUST_PROXY;
    try {
      const ctx = await contextFor({ "x-forwarded-for": "198.51.100.66", "x-real-ip": "198.51.100.67" });
      expect(ctx.request.ip).toBeNull();
    } finally {
      if (previous !== undefined) process.env.STEP_UP_TRUST_PROXY = previous;
    }
  });

  it("behind one trusted proxy, the client's own prefix is ignored", async () => {
    const ctx = await contextFor({ "x-forwarded-for": "10.0.0.1, 203.0.113.50" }, 1);
    expect(ctx.request.ip).toBe("203.0.113.50");
  });
});
