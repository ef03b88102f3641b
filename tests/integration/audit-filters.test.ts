import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditEventType } from "@step-up/next/server";
import { auditRow } from "@step-up/next/testing/server";
import { ADMIN, orgId, signedIn } from "./admin-helpers";
import { catchError, createClock, createTestDatabase, userIdOf, type Client } from "./harness";

/** The audit page's filters narrow the metrics, the chart and the funnel as they narrow the table. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const S = 1000;
const DAY = { from: new Date("2026-11-20T00:00:00Z"), to: new Date("2026-11-20T23:59:59.999Z") };
const T0 = Date.parse("2026-11-20T08:00:00Z");

describe("audit filters beyond the table", () => {
  const clock = createClock(Date.parse("2026-11-22T10:00:00Z"));
  let admin: Client;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    const acme = await orgId(db, "acme");
    alice = await userIdOf(db, "alice@example.com");
    bob = await userIdOf(db, "bob@example.com");
    const rows: Prisma.StepUpAuditEventCreateManyInput[] = [];
    const add = (type: AuditEventType, userId: string, at: number, data: Record<string, string>, seconds?: number) =>
      rows.push(
        auditRow({
          type,
          severity: type === "stepup.locked" ? "warning" : "info",
          organizationId: acme,
          userId,
          at: new Date(at),
          data,
          secondsToVerify: seconds,
        }),
      );
    // Alice: three requirements, all verified after 10 s. Bob: one, failed and locked.
    for (let i = 1; i <= 3; i++) {
      add("stepup.required", alice, T0 + i * 60 * S, { requirementId: `a${i}`, procedure: "transfers.create" });
      add("stepup.initiated", alice, T0 + i * 60 * S + 2 * S, { requirementId: `a${i}` });
      add("stepup.verified", alice, T0 + i * 60 * S + 10 * S, { requirementId: `a${i}` }, 10);
    }
    add("stepup.required", bob, T0, { requirementId: "b1", procedure: "account.changeEmail" });
    add("stepup.failed", bob, T0 + 5 * S, { requirementId: "b1" });
    add("stepup.locked", bob, T0 + 6 * S, { requirementId: "b1" });
    await db.stepUpAuditEvent.createMany({ data: rows });
    await db.stepUpCallStat.create({
      data: { day: "2026-11-20", organizationId: acme, outcome: "allowed", count: 20 },
    });
    admin = await signedIn(db, clock, ADMIN);
  });

  it("metrics for one member count only that member's step-ups, and no per-user call rate", async () => {
    const forBob = await admin.call((api) => api.stepUp.admin.audit.metrics({ ...DAY, userId: bob }));
    expect(forBob).toMatchObject({
      // Calls are counted per organization and day, not per user: no rate rather than a wrong one.
      protectedCalls: null,
      stepUpRatePer100: null,
      stepUpsRequired: 1,
      verificationAttempts: 1,
      verificationSuccessRate: 0,
      medianSecondsToFulfil: null,
      lockouts: 1,
    });
    const forAlice = await admin.call((api) => api.stepUp.admin.audit.metrics({ ...DAY, userId: alice }));
    expect(forAlice).toMatchObject({ stepUpsRequired: 3, verificationSuccessRate: 1, medianSecondsToFulfil: 10 });
    expect(forAlice.lockouts).toBe(0);
  });

  it("the chart follows the user, event type and severity filters", async () => {
    const chart = await admin.call((api) => api.stepUp.admin.audit.chart({ ...DAY, userId: bob }));
    expect(chart[0]!.counts).toEqual({ "stepup.required": 1, "stepup.failed": 1, "stepup.locked": 1 });
    const verified = await admin.call((api) => api.stepUp.admin.audit.chart({ ...DAY, type: "stepup.verified" }));
    expect(verified[0]!.counts).toEqual({ "stepup.verified": 3 });
    const warnings = await admin.call((api) => api.stepUp.admin.audit.chart({ ...DAY, severity: "warning" }));
    expect(warnings[0]!.counts).toEqual({ "stepup.locked": 1 });
  });

  it("the funnel for one member lists only that member's requirements", async () => {
    const funnel = await admin.call((api) => api.stepUp.admin.audit.funnel({ ...DAY, userId: alice }));
    expect(funnel.procedures.map((p) => [p.procedure, p.required, p.verified])).toEqual([["transfers.create", 3, 3]]);
    const all = await admin.call((api) => api.stepUp.admin.audit.funnel(DAY));
    expect(all.procedures.map((p) => p.procedure).sort()).toEqual(["account.changeEmail", "transfers.create"]);
  });

  it("an unknown event type is a BAD_REQUEST", async () => {
    const error = await catchError(
      admin.call((api) => api.stepUp.admin.audit.chart({ ...DAY, type: "nope" as "stepup.verified" })),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });
});
