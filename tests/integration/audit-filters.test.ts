import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { auditFunnel } from "@/step-up/server/admin/audit-funnel";
import { auditChart, auditMetrics, type Period } from "@/step-up/server/admin/audit-metrics";
import { auditRow, type AuditEventType } from "@/step-up/server/store/audit";
import { orgId } from "./admin-helpers";
import { createClock, createTestApp, createTestDatabase, userIdOf } from "./harness";

/** The audit page's filters (auditFilterSchema) narrow the metrics, the chart and the funnel as they do the list. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const S = 1000;
const H = 3_600 * S;
const T0 = Date.parse("2026-11-20T08:00:00Z");
/** The same database as the module's own client type sees it. */
const moduleDb = createTestApp(db, createClock(T0)).stepUp.services.db;
const DAY = { from: new Date("2026-11-20T00:00:00Z"), to: new Date("2026-11-20T23:59:59.999Z") };

describe("audit figures narrowed by the page's filters", () => {
  let period: Period;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    const acme = await orgId(db, "acme");
    alice = await userIdOf(db, "alice@example.com");
    bob = await userIdOf(db, "bob@example.com");
    period = { organizationId: acme, ...DAY };
    const rows: Prisma.StepUpAuditEventCreateManyInput[] = [];
    const add = (type: AuditEventType, userId: string, at: number, requirementId: string, secondsToVerify?: number) =>
      rows.push(
        auditRow({
          type,
          organizationId: acme,
          userId,
          at: new Date(at),
          data: { requirementId, procedure: "transfers.create" },
          secondsToVerify,
        }),
      );
    // Alice: a1 verified after 10 s at 08:00, a2 verified after 40 s at 14:00. Bob: b1 failed twice at 09:00.
    add("stepup.required", alice, T0, "a1");
    add("stepup.initiated", alice, T0 + 2 * S, "a1");
    add("stepup.verified", alice, T0 + 10 * S, "a1", 10);
    add("stepup.required", alice, T0 + 6 * H, "a2");
    add("stepup.initiated", alice, T0 + 6 * H + 2 * S, "a2");
    add("stepup.verified", alice, T0 + 6 * H + 40 * S, "a2", 40);
    add("stepup.required", bob, T0 + H, "b1");
    add("stepup.failed", bob, T0 + H + 5 * S, "b1");
    add("stepup.failed", bob, T0 + H + 9 * S, "b1");
    await db.stepUpAuditEvent.createMany({ data: rows });
    await db.stepUpCallStat.create({
      data: { day: "2026-11-20", organizationId: acme, outcome: "allowed", count: 30 },
    });
  });

  it("metrics count one user's rows, and give no step-up rate (calls are counted per organization only)", async () => {
    const all = await auditMetrics(moduleDb, period);
    expect(all).toMatchObject({ stepUpsRequired: 3, verificationAttempts: 3, medianSecondsToFulfil: 25 });
    expect(all.stepUpRatePer100).toBe(10);
    expect(await auditMetrics(moduleDb, { ...period, filter: { userId: bob } })).toMatchObject({
      protectedCalls: 30,
      stepUpsRequired: 1,
      stepUpRatePer100: null,
      verificationAttempts: 1,
      verificationSuccessRate: 0,
      medianSecondsToFulfil: null,
    });
    expect(await auditMetrics(moduleDb, { ...period, filter: { userId: alice } })).toMatchObject({
      stepUpsRequired: 2,
      verificationSuccessRate: 1,
      medianSecondsToFulfil: 25,
    });
  });

  it("a filter's dates narrow the period, and its type and severity narrow the rows", async () => {
    const morning = { from: new Date(T0 - H), to: new Date(T0 + 2 * H) };
    expect(await auditMetrics(moduleDb, { ...period, filter: morning })).toMatchObject({
      stepUpsRequired: 2,
      medianSecondsToFulfil: 10,
    });
    const warnings = await auditChart(moduleDb, { ...period, filter: { severity: "warning" } });
    expect(warnings).toEqual([{ day: "2026-11-20", counts: { "stepup.failed": 2 } }]);
    const verified = await auditChart(moduleDb, { ...period, filter: { type: "stepup.verified", userId: alice } });
    expect(verified).toEqual([{ day: "2026-11-20", counts: { "stepup.verified": 2 } }]);
    expect(await auditMetrics(moduleDb, { ...period, filter: { type: "stepup.failed" } })).toMatchObject({
      stepUpsRequired: 0,
      verificationAttempts: 1,
      medianSecondsToFulfil: null,
    });
  });

  it("the funnel follows the filtered user's requirements", async () => {
    const expiredBefore = new Date(T0 + 12 * H);
    const [bobs] = await auditFunnel(moduleDb, { ...period, expiredBefore, filter: { userId: bob } });
    expect(bobs).toMatchObject({ procedure: "transfers.create", required: 1, initiated: 1, verified: 0, failed: 1 });
    const [alices] = await auditFunnel(moduleDb, { ...period, expiredBefore, filter: { userId: alice } });
    expect(alices).toMatchObject({ required: 2, verified: 2, timeToVerify: [1, 0, 1, 0, 0] });
    expect(await auditFunnel(moduleDb, { ...period, expiredBefore, filter: { type: "stepup.failed" } })).toEqual([]);
  });
});
