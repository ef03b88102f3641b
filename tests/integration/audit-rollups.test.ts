import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditEventType } from "@step-up/next/server";
import { auditChart, auditMetrics, auditRow } from "@step-up/next/testing/server";
import { orgId } from "./admin-helpers";
import { createTestDatabase, moduleDb, userIdOf } from "./harness";

/**
 * The daily rollups (ADR 039): the metrics and the chart read closed days from StepUpAuditDay and the
 * rest live, with the same figures as counting every row; a late row invalidates its day.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const H = 3_600_000;
const DAY = 24 * H;
const START = Date.parse("2026-11-10T00:00:00Z");
const NOW = new Date(START + 12 * DAY + 10 * H); // 2026-11-22 10:00: days up to the 21st are closed
const TYPES: AuditEventType[] = [
  "stepup.required",
  "stepup.verified",
  "stepup.failed",
  "stepup.bypassed",
  "stepup.locked",
];

describe("daily rollups of the audit log", () => {
  let acme: string;
  let alice: string;
  // Mid-day edges on both sides, and today (the 22nd) inside the period.
  const period = () => ({ organizationId: acme, from: new Date(START + 7 * H), to: new Date(NOW.getTime() - H) });
  const days = async () =>
    (
      await db.$queryRaw<Array<{ day: string }>>`
        SELECT DISTINCT "day" FROM "StepUpAuditDay" WHERE "organizationId" = ${acme} ORDER BY "day"`
    ).map((row) => row.day);

  beforeAll(async () => {
    acme = await orgId(db, "acme");
    alice = await userIdOf(db, "alice@example.com");
    const rows: Prisma.StepUpAuditEventCreateManyInput[] = [];
    // ~13 days of rows every 37 minutes, types and severities cycling; one quiet day (the 15th).
    for (let t = START; t < NOW.getTime(); t += 37 * 60_000) {
      if (new Date(t).toISOString().startsWith("2026-11-15")) continue;
      const i = rows.length;
      rows.push(
        auditRow({
          type: TYPES[i % TYPES.length]!,
          severity: i % 3 === 0 ? "warning" : "info",
          organizationId: acme,
          userId: i % 4 === 0 ? alice : null,
          at: new Date(t),
          data: { requirementId: `req-${Math.floor(i / 3)}` },
        }),
      );
    }
    await db.stepUpAuditEvent.createMany({ data: rows });
  });

  it("gives the live query's figures, with and without filters, and rolls up only closed whole days", async () => {
    const mdb = moduleDb(db);
    for (const filter of [
      {},
      { type: "stepup.failed" as const },
      { severity: "warning" as const },
      { userId: alice },
    ]) {
      const live = { ...period(), filter };
      const rolled = { ...live, now: NOW };
      expect(await auditChart(mdb, rolled)).toEqual(await auditChart(mdb, live));
      expect(await auditMetrics(mdb, rolled)).toEqual(await auditMetrics(mdb, live));
    }
    // The 10th is clipped at 07:00 and the 22nd is today: both live. The quiet 15th has its marker.
    expect(await days()).toEqual(Array.from({ length: 11 }, (_, i) => `2026-11-${11 + i}`));
    const chart = await auditChart(mdb, { ...period(), now: NOW });
    expect(chart.find((d) => d.day === "2026-11-15")!.counts).toEqual({});
    expect(Object.values(chart.find((d) => d.day === "2026-11-14")!.counts).reduce((a, b) => a + b, 0)).toBe(39);
  });

  it("a row written late into a closed day deletes that day's rollup, and the next read counts it", async () => {
    const mdb = moduleDb(db);
    await auditChart(mdb, { ...period(), now: NOW });
    expect(await days()).toContain("2026-11-13");
    await db.stepUpAuditEvent.create({
      data: auditRow({ type: "stepup.locked", organizationId: acme, at: new Date(START + 3 * DAY + 5 * H) }),
    });
    expect(await days()).not.toContain("2026-11-13");
    expect(await days()).toContain("2026-11-14"); // only that day
    const rolled = await auditChart(mdb, { ...period(), now: NOW });
    expect(rolled).toEqual(await auditChart(mdb, period()));
    expect((await auditMetrics(mdb, { ...period(), now: NOW })).lockouts).toBe(
      (await auditMetrics(mdb, period())).lockouts,
    );
    expect(await days()).toContain("2026-11-13");
  });
});
