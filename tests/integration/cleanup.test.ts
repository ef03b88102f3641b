import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CLEANUP_INTERVAL_MS } from "@step-up/next/server";
import { purgeDemoExpired } from "@/server/cleanup";
import {
  createClock,
  createTestApp,
  createTestDatabaseUrl,
  expectStepUp,
  signedIn,
  testDialect,
  userIdOf,
  verifyAliceHigh,
} from "./harness";
import { createDatabase, type Database } from "@/server/db";

/** Both cleanups the server schedules: the module's tables and the demo's own. */
async function purgeExpired(db: Database, now: Date) {
  const { stepUp } = createTestApp(db, { now: () => now });
  return { ...(await stepUp.cleanup()), ...(await purgeDemoExpired(db, now)) };
}

/** Expired step-up state is purged on a schedule and on demand; the audit trail stays. */
const url = createTestDatabaseUrl();
const db = createDatabase(url);
afterAll(() => db.$disconnect());

const MIN = 60_000;
const large = { amount: 5000, currency: "USD" as const, to: "Carol" };

describe("cleanup", () => {
  const clock = createClock();
  let aliceId: string;
  let liveRequirementId: string;
  let sessionId: string;

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    const alice = await signedIn(db, clock, "alice@example.com");
    sessionId = (await db.session.findFirstOrThrow({ where: { userId: aliceId } })).id;
    // An abandoned requirement, then a verified one with its grant.
    await expectStepUp(
      alice.call((api) => api.account.changeEmail({ email: "alice.new@example.com", code: "123456" })),
    );
    const verified = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    await verifyAliceHigh(alice, clock, verified.requirementId);
    clock.advance(20 * MIN); // both requirements (10 min) and the grant (15 min + grace) are past expiry
    liveRequirementId = (await expectStepUp(alice.call((api) => api.transfers.create(large)))).requirementId;
    const past = new Date(clock.now().getTime() - MIN);
    const future = new Date(clock.now().getTime() + 10 * MIN);
    await db.stepUpRememberedDevice.createMany({
      data: [
        { userId: aliceId, tokenHash: "expired-device", level: "medium", label: "old laptop", expiresAt: past },
        { userId: aliceId, tokenHash: "live-device", level: "high", label: "this laptop", expiresAt: future },
      ],
    });
    await db.stepUpEnrollmentChallenge.createMany({
      data: [
        { userId: aliceId, sessionId, kind: "totp", payload: "expired", expiresAt: past },
        { userId: aliceId, sessionId, kind: "passkey", payload: "live", expiresAt: future },
      ],
    });
    await db.signInThrottle.createMany({
      data: [
        { key: "account:old@example.com", points: 5, expire: past },
        { key: "account:live@example.com", points: 1, expire: future },
      ],
    });
    // Webhook deliveries: settled 31 days ago (purged), pending as long (kept: the receiver may be
    // down), settled yesterday (kept for the admin page).
    const organizationId = (await db.organization.findFirstOrThrow()).id;
    const endpoint = await db.stepUpWebhookEndpoint.create({
      data: { organizationId, url: "https://hooks.example.com/", secretEncrypted: "x", events: ["*"] },
    });
    const daysAgo = (days: number) => new Date(clock.now().getTime() - days * 24 * 60 * MIN);
    await db.stepUpWebhookDelivery.createMany({
      data: [
        ["delivered", 31],
        ["pending", 31],
        ["failed", 1],
      ].map(([status, days], i) => ({
        eventId: `msg_${i}`,
        endpointId: endpoint.id,
        organizationId,
        type: "step_up.verified",
        payload: "{}",
        status: status as string,
        nextAttemptAt: daysAgo(days as number),
        createdAt: daysAgo(days as number),
      })),
    });
    const bobId = await userIdOf(db, "bob@example.com");
    await db.emailChangeRequest.createMany({
      data: [
        { userId: aliceId, newEmail: "alice.late@example.com", codeHash: "x", expiresAt: past },
        { userId: bobId, newEmail: "bob.live@example.com", codeHash: "y", expiresAt: future },
      ],
    });
  });

  it("purges expired requirements, grants, devices, enrollment challenges, throttle windows and email changes, keeps live ones and every audit row", async () => {
    const audit = await db.stepUpAuditEvent.count();
    const attempts = await db.stepUpAttempt.count();
    expect(await purgeExpired(db, clock.now())).toEqual({
      requirements: 2,
      grants: 1,
      devices: 1,
      enrollmentChallenges: 1,
      sessions: 0,
      webhookDeliveries: 1,
      signInThrottles: 1,
      emailChanges: 1,
    });
    expect((await db.stepUpRequirement.findMany()).map((r) => r.id)).toEqual([liveRequirementId]);
    expect(await db.stepUpGrant.count()).toBe(0);
    expect((await db.stepUpRememberedDevice.findMany()).map((d) => d.label)).toEqual(["this laptop"]);
    expect((await db.stepUpEnrollmentChallenge.findMany()).map((c) => c.payload)).toEqual(["live"]);
    expect((await db.stepUpWebhookDelivery.findMany({ orderBy: { eventId: "asc" } })).map((d) => d.status)).toEqual([
      "pending",
      "failed",
    ]);
    expect(await db.stepUpAuditEvent.count()).toBe(audit);
    expect(await db.stepUpAttempt.count()).toBe(attempts);
    expect(await purgeExpired(db, clock.now())).toEqual({
      requirements: 0,
      grants: 0,
      devices: 0,
      enrollmentChallenges: 0,
      sessions: 0,
      webhookDeliveries: 0,
      signInThrottles: 0,
      emailChanges: 0,
    });
  });

  // PostgreSQL only: SQLite serves one process (the README), and better-sqlite3 waits for a lock
  // synchronously, so three connections in one test process would block each other's thread.
  it.runIf(testDialect() === "postgres")(
    "every instance may purge at once: concurrent runs delete each expired row once, and none fails",
    async () => {
      const past = new Date(clock.now().getTime() - MIN);
      await db.stepUpRememberedDevice.createMany({
        data: Array.from({ length: 50 }, (_, i) => ({
          userId: aliceId,
          tokenHash: `race-${i}`,
          level: "medium",
          label: `race ${i}`,
          expiresAt: past,
        })),
      });
      // Three servers: three clients with their own connections to the one database.
      const servers = [createDatabase(url), createDatabase(url), createDatabase(url)];
      const runs = await Promise.all(servers.map((server) => createTestApp(server, clock).stepUp.cleanup()));
      await Promise.all(servers.map((server) => server.$disconnect()));
      expect(runs.reduce((sum, run) => sum + run.devices, 0)).toBe(50);
      expect(await db.stepUpRememberedDevice.count({ where: { tokenHash: { startsWith: "race-" } } })).toBe(0);
    },
  );

  it("the schedule started with the server runs the purge every 10 minutes", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const stop = createTestApp(db, clock).stepUp.scheduleCleanup();
    try {
      clock.advance(11 * MIN); // the live requirement expires too
      await vi.advanceTimersByTimeAsync(CLEANUP_INTERVAL_MS - 1);
      expect(await db.stepUpRequirement.count()).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      await vi.waitFor(async () => expect(await db.stepUpRequirement.count()).toBe(0));
    } finally {
      stop();
      vi.useRealTimers();
    }
  });
});
