import { afterAll, describe, expect, it } from "vitest";
import {
  SIGN_IN_UNKNOWN_ADDRESS_FAILURES,
  SIGN_IN_UNKNOWN_ADDRESS_WINDOW_SECONDS,
} from "@/server/auth/sign-in-throttle";
import { createClient, createClock, createTestDatabase, DEMO_PASSWORD } from "./harness";
import { APP_ORIGIN, createHttpApi } from "./http-support";

/**
 * Without a trusted proxy the client address is unknown and no per-address limit can apply (ADR 012), so
 * failed sign-ins from unknown addresses share one short budget in the database (ADR 030): password
 * spraying gets a few guesses a minute over every account, not five on each of them.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());
const clock = createClock();
// Two instances of the app on one database, as two servers behind a load balancer with no proxy header.
const servers = [createHttpApi(db, clock), createHttpApi(db, clock)];
let turn = 0;

function signIn(email: string, password: string) {
  const server = servers[turn++ % servers.length]!;
  return server.mutate("auth.signIn", { email, password }, { headers: { origin: APP_ORIGIN } });
}

describe("sign-in from unknown addresses", () => {
  it("spraying one wrong password over many accounts is refused with 429 once the shared budget is spent", async () => {
    for (let i = 0; i < SIGN_IN_UNKNOWN_ADDRESS_FAILURES; i++)
      expect((await signIn(`spray${i}@example.com`, "Winter2026!")).status).toBe(401);
    const refused = await signIn("spray-next@example.com", "Winter2026!");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_UNKNOWN_ADDRESS_WINDOW_SECONDS);
    const audit = await db.stepUpAuditEvent.findFirstOrThrow({
      where: { type: "auth.sign_in_throttled" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.data).toMatchObject({ email: "spray-next@example.com", scope: "unknown_address" });
  });

  it("while it lasts, a refused attempt checks no password and counts nothing more against the account", async () => {
    const failures = await db.stepUpAuditEvent.count({ where: { type: "auth.sign_in_failed" } });
    expect((await signIn("bob@example.com", "wrong")).status).toBe(429);
    expect(await db.signInThrottle.findUnique({ where: { key: "account:bob@example.com" } })).toBeNull();
    expect(await db.stepUpAuditEvent.count({ where: { type: "auth.sign_in_failed" } })).toBe(failures);
  });

  it("a client whose address is known (behind a trusted proxy) keeps its own limits", async () => {
    const known = createClient(db, clock, { ip: "198.51.100.40" });
    await known.call((api) => api.auth.signIn({ email: "bob@example.com", password: DEMO_PASSWORD }));
    expect(known.cookies.has("session")).toBe(true);
  });

  it("the budget is a short window: once it is over, unknown addresses sign in again", async () => {
    await db.signInThrottle.updateMany({ where: { key: { startsWith: "unknown" } }, data: { expire: new Date(0) } });
    expect((await signIn("bob@example.com", DEMO_PASSWORD)).status).toBe(200);
  });

  it("a correct password gives its reservation back: successes never spend the budget", async () => {
    for (let i = 0; i < SIGN_IN_UNKNOWN_ADDRESS_FAILURES + 5; i++)
      expect((await signIn("bob@example.com", DEMO_PASSWORD)).status).toBe(200);
    expect((await signIn("ghost@example.com", "wrong")).status).toBe(401);
  });
});
