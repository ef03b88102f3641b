import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db";
import { createClient, createClock, createTestDatabase, expectStepUp, signIn, verify, type Client } from "./harness";
import { createSoftwareAuthenticator } from "./support/authenticator";
import { registerPasskey, withAliceHigh } from "./support/factors";

/**
 * Passkeys and email codes must not cost a protected call that already holds a valid grant anything:
 * the enrolled factors and mailer are consulted only when a call is refused.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const small = { amount: 100, currency: "USD" as const, to: "Carol" }; // medium

/** The test database, recording every top-level `model.method` the server calls on it. */
function recording(log: string[]): Database {
  return new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof prop !== "string") return value;
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          log.push(prop);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (typeof value !== "object" || value === null || prop.startsWith("_")) return value;
      return new Proxy(value, {
        get(delegate, method) {
          const fn = Reflect.get(delegate, method, delegate);
          if (typeof fn !== "function") return fn;
          return (...args: unknown[]) => {
            log.push(`${prop}.${String(method)}`);
            return (fn as (...a: unknown[]) => unknown).apply(delegate, args);
          };
        },
      });
    },
  });
}

describe("the hot path", () => {
  const clock = createClock();
  let alice: Client;

  beforeAll(async () => {
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
    await withAliceHigh(alice, clock, (api) => api.stepUp.security.passkeys.beginRegistration());
    await registerPasskey(alice, createSoftwareAuthenticator());
  });

  /** The tab's calls' top-level database calls, the call counter's write apart (behind the answer). */
  async function recordSecondCall(): Promise<{ answered: string[]; counts: string[] }> {
    const log: string[] = [];
    const tab = createClient(db, clock, { dbOverride: recording(log) });
    tab.cookies.set("session", alice.cookies.get("session")!);
    await tab.call((api) => api.transfers.create(small)); // warms this tab's policy cache
    log.length = 0;
    await tab.call((api) => api.transfers.create(small));
    const answered = [...log];
    await tab.services.callStats.flush();
    // The call counter's write is the one raw statement (server/call-stats/call-stats.ts).
    const counting = (entry: string) => entry === "$executeRaw";
    return { answered: answered.filter((entry) => !counting(entry)), counts: log.filter(counting) };
  }

  it("a medium transfer holding a valid grant reads the session and its step-up row: no factor, requirement or grant query", async () => {
    clock.advance(16 * 60_000);
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    await verify(alice, stepUp.requirementId, "password", "demo-password-1");
    await alice.call((api) => api.transfers.create(small)); // warms the policy cache

    // Context: the host's session lookup (Prisma), then step-up's per-session state and the policy
    // revision in one query. The procedure: its precheck (the balance), then its own transaction.
    // Nothing else: no factor, requirement, grant or policy query.
    const plain = await recordSecondCall();
    expect(plain.answered).toEqual(["session.findUnique", "$queryRaw", "user.findUniqueOrThrow", "$transaction"]);
    // Behind the answer, not before it: the call's count, one statement of its own.
    expect(plain.counts).toEqual(["$executeRaw"]);

    // SESSION_LOOKUP=sql: one joined query reads the session and step-up's state (sessionStateSql).
    process.env.SESSION_LOOKUP = "sql";
    try {
      const sql = await recordSecondCall();
      expect(sql.answered).toEqual(["$queryRaw", "user.findUniqueOrThrow", "$transaction"]);
      expect(sql.counts).toEqual(["$executeRaw"]);
    } finally {
      delete process.env.SESSION_LOOKUP;
    }
  });
});
