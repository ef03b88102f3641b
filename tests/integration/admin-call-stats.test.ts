import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CALL_STATS_FLUSH_INTERVAL_MS } from "@/step-up/server/store/call-stats";
import { ADMIN, orgId, signedIn } from "./admin-helpers";
import { createClock, createTestDatabase, expectStepUp, verifyAliceHigh } from "./harness";

/** Protected calls are counted in memory and written in batches, then read by the admin metrics. */
const db = createTestDatabase();
// Only the flush timer is faked, so the test decides when it fires; Prisma's own timers stay real.
beforeAll(() => void vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] }));
afterAll(async () => {
  vi.useRealTimers();
  await db.$disconnect();
});

describe("the protected-call counter", () => {
  const clock = createClock(Date.parse("2026-11-23T10:00:00Z"));
  const today = { from: new Date("2026-11-23T00:00:00Z"), to: new Date("2026-11-23T23:59:59.999Z") };

  it("counts each protected call by outcome without writing per call, and flushes on the timer", async () => {
    const acme = await orgId(db, "acme");
    const alice = await signedIn(db, clock, "alice@example.com");
    await alice.call((api) => api.profile.update({ name: "A" })); // allowed: no rule
    await alice.call((api) => api.profile.update({ name: "B" }));
    const refused = await expectStepUp(
      alice.call((api) => api.transfers.create({ amount: 5000, currency: "USD", to: "Carol" })),
    ); // required
    await verifyAliceHigh(alice, clock, refused.requirementId);
    await alice.call((api) => api.transfers.create({ amount: 5000, currency: "USD", to: "Carol" })); // allowed by the grant
    expect(await db.stepUpCallStat.count()).toBe(0);

    await vi.advanceTimersByTimeAsync(CALL_STATS_FLUSH_INTERVAL_MS);
    await vi.waitFor(async () => expect(await db.stepUpCallStat.count()).toBe(2));
    const rows = await db.stepUpCallStat.findMany({ orderBy: { outcome: "asc" } });
    expect(rows.map((r) => [r.day, r.organizationId, r.outcome, r.count])).toEqual([
      ["2026-11-23", acme, "allowed", 3],
      ["2026-11-23", acme, "required", 1],
    ]);
  });

  it("the admin metrics flush pending counts first, and later batches add to the same rows", async () => {
    const alice = await signedIn(db, clock, "alice@example.com");
    await alice.call((api) => api.profile.update({ name: "C" }));
    await expectStepUp(alice.call((api) => api.transfers.create({ amount: 50, currency: "USD", to: "Carol" })));
    expect((await db.stepUpCallStat.findMany()).reduce((sum, r) => sum + r.count, 0)).toBe(4);

    const admin = await signedIn(db, clock, ADMIN);
    const metrics = await admin.call((api) => api.stepUp.admin.audit.metrics(today));
    expect(metrics).toMatchObject({ protectedCalls: 6, stepUpsRequired: 2, stepUpRatePer100: 33.3 });
    expect(
      await db.stepUpCallStat.findMany({ select: { outcome: true, count: true }, orderBy: { outcome: "asc" } }),
    ).toEqual([
      { outcome: "allowed", count: 4 },
      { outcome: "required", count: 2 },
    ]);
  });
});
