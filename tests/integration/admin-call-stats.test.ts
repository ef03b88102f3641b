import { afterAll, describe, expect, it, vi } from "vitest";
import { ADMIN, orgId, signedIn } from "./admin-helpers";
import { createClock, createTestDatabase, expectStepUp, verifyAliceHigh } from "./harness";

/**
 * Protected calls are counted by outcome and written behind each call (no timer), then read by the admin
 * metrics. Every client here is its own step-up instance, as two servers on one database would be.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const total = async () => (await db.stepUpCallStat.findMany()).reduce((sum, r) => sum + r.count, 0);

describe("the protected-call counter", () => {
  const clock = createClock(Date.parse("2026-11-23T10:00:00Z"));
  const today = { from: new Date("2026-11-23T00:00:00Z"), to: new Date("2026-11-23T23:59:59.999Z") };

  it("writes each count right behind its call, with no flush and no timer: a crash loses nothing already answered", async () => {
    const acme = await orgId(db, "acme");
    const alice = await signedIn(db, clock, "alice@example.com");
    await alice.call((api) => api.profile.update({ name: "A" })); // allowed: no rule
    await alice.call((api) => api.profile.update({ name: "B" }));
    const refused = await expectStepUp(
      alice.call((api) => api.transfers.create({ amount: 5000, currency: "USD", to: "Carol" })),
    ); // required
    await verifyAliceHigh(alice, clock, refused.requirementId);
    await alice.call((api) => api.transfers.create({ amount: 5000, currency: "USD", to: "Carol" })); // allowed by the grant

    await vi.waitFor(async () => expect(await total()).toBe(4), { timeout: 2_000, interval: 10 });
    const rows = await db.stepUpCallStat.findMany({ orderBy: { outcome: "asc" } });
    expect(rows.map((r) => [r.day, r.organizationId, r.outcome, r.count])).toEqual([
      ["2026-11-23", acme, "allowed", 3],
      ["2026-11-23", acme, "required", 1],
    ]);
  });

  it("counts from several instances add up in the same rows, and the admin metrics read them", async () => {
    const [first, second] = await Promise.all([
      signedIn(db, clock, "alice@example.com"),
      signedIn(db, clock, "alice@example.com"),
    ]);
    await Promise.all([
      first.call((api) => api.profile.update({ name: "C" })),
      second.call((api) => api.profile.update({ name: "D" })),
      expectStepUp(first.call((api) => api.transfers.create({ amount: 50, currency: "USD", to: "Carol" }))),
    ]);
    await Promise.all([first.services.callStats.flush(), second.services.callStats.flush()]);
    expect(await total()).toBe(7);

    const admin = await signedIn(db, clock, ADMIN);
    const metrics = await admin.call((api) => api.stepUp.admin.audit.metrics(today));
    expect(metrics).toMatchObject({ protectedCalls: 7, stepUpsRequired: 2, stepUpRatePer100: 28.6 });
    expect(
      await db.stepUpCallStat.findMany({ select: { outcome: true, count: true }, orderBy: { outcome: "asc" } }),
    ).toEqual([
      { outcome: "allowed", count: 5 },
      { outcome: "required", count: 2 },
    ]);
  });

  it("a failed write keeps its counts and retries them: they arrive once, neither lost nor doubled", async () => {
    const before = await total();
    let failNext = true;
    // The counts' write is the one raw statement of a protected call (server/call-stats/call-stats.ts).
    const flaky = new Proxy(db, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop !== "$executeRaw") return typeof value === "function" ? value.bind(target) : value;
        return (...args: unknown[]) => {
          if (failNext) {
            failNext = false;
            return Promise.reject(new Error("database is down"));
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const alice = await signedIn(db, clock, "alice@example.com", { dbOverride: flaky });
    await alice.call((api) => api.profile.update({ name: "E" }));
    await vi.waitFor(async () => expect(await total()).toBe(before + 1), { timeout: 4_000, interval: 20 });
    expect(failNext).toBe(false);
    expect(stderr.mock.calls.some(([line]) => String(line).includes("call_stats.flush_failed"))).toBe(true);
    stderr.mockRestore();
    await alice.services.callStats.flush();
    expect(await total()).toBe(before + 1);
  });
});
