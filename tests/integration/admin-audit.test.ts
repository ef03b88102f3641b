import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditEventType } from "@step-up/next/server";
import { auditRow, CSV_FETCH_SIZE, CSV_PAGE_SIZE, streamAuditCsv } from "@step-up/next/testing/server";
import { auditCsvRoute } from "@/server/http/audit-csv";
import { ADMIN, orgId, signedIn } from "./admin-helpers";
import {
  catchError,
  createClock,
  createTestApp,
  createTestDatabase,
  testDialect,
  userIdOf,
  type Client,
} from "./harness";

/** The audit page: metrics, chart, keyset pages and the CSV export, on data whose answers are known. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const S = 1000;
const DAY = { from: new Date("2026-11-20T00:00:00Z"), to: new Date("2026-11-20T23:59:59.999Z") };
const T0 = Date.parse("2026-11-20T08:00:00Z");

describe("metrics for a period", () => {
  const clock = createClock(Date.parse("2026-11-22T10:00:00Z"));
  let admin: Client;

  beforeAll(async () => {
    const acme = await orgId(db, "acme");
    const globex = await orgId(db, "globex");
    const alice = await userIdOf(db, "alice@example.com");
    const rows: Prisma.StepUpAuditEventCreateManyInput[] = [];
    // Rows as writeAudit writes them: a verified row carries the seconds since its requirement's `required` row.
    const requiredAt = new Map<string, number>();
    const add = (
      type: AuditEventType,
      at: number,
      data: { requirementId?: string; deviceId?: string },
      organizationId = acme,
    ) => {
      if (type === "stepup.required" && data.requirementId) requiredAt.set(data.requirementId, at);
      const since = data.requirementId ? requiredAt.get(data.requirementId) : undefined;
      const secondsToVerify = type === "stepup.verified" && since !== undefined ? (at - since) / 1000 : undefined;
      rows.push(
        auditRow({ type, severity: "info", organizationId, userId: alice, at: new Date(at), data, secondsToVerify }),
      );
    };
    // Eight refused calls, one an hour. r1..r5 verified after 10, 20, 30, 40 and 600 s (median 30 s).
    const fulfil = [10, 20, 30, 40, 600];
    for (let i = 0; i < 8; i++) add("stepup.required", T0 + i * 3_600 * S, { requirementId: `r${i + 1}` });
    fulfil.forEach((seconds, i) => {
      add("stepup.initiated", T0 + i * 3_600 * S + 5 * S, { requirementId: `r${i + 1}` });
      add("stepup.verified", T0 + i * 3_600 * S + seconds * S, { requirementId: `r${i + 1}` });
    });
    // r6: five failures and a lockout; r7: one failure, then cancelled; r8: abandoned untouched.
    for (let k = 1; k <= 5; k++) add("stepup.failed", T0 + 5 * 3_600 * S + k * 10 * S, { requirementId: "r6" });
    add("stepup.locked", T0 + 5 * 3_600 * S + 50 * S, { requirementId: "r6" });
    add("stepup.failed", T0 + 6 * 3_600 * S + 10 * S, { requirementId: "r7" });
    add("stepup.cancelled", T0 + 6 * 3_600 * S + 20 * S, { requirementId: "r7" });
    add("stepup.bypassed", T0 + 30 * S, { deviceId: "d1" });
    add("stepup.bypassed", T0 + 60 * S, { deviceId: "d1" });
    // Noise that must not count: another organization, and the next day.
    add("stepup.required", T0, { requirementId: "g1" }, globex);
    add("stepup.verified", T0 + 5 * S, { requirementId: "g1" }, globex);
    add("stepup.bypassed", T0, { deviceId: "g" }, globex);
    add("stepup.required", Date.parse("2026-11-21T00:00:01Z"), { requirementId: "r9" });
    add("stepup.verified", Date.parse("2026-11-21T00:00:03Z"), { requirementId: "r9" });
    await db.stepUpAuditEvent.createMany({ data: rows });
    await db.stepUpCallStat.createMany({
      data: [
        { day: "2026-11-20", organizationId: acme, outcome: "allowed", count: 40 },
        { day: "2026-11-20", organizationId: acme, outcome: "required", count: 8 },
        { day: "2026-11-20", organizationId: acme, outcome: "bypassed", count: 2 },
        { day: "2026-11-21", organizationId: acme, outcome: "allowed", count: 100 },
        { day: "2026-11-20", organizationId: globex, outcome: "allowed", count: 1000 },
      ],
    });
    admin = await signedIn(db, clock, ADMIN);
  });

  it("gives the step-up rate, success rate, median time, bypass rate and lockouts of the organization's day", async () => {
    const metrics = await admin.call((api) => api.stepUp.admin.audit.metrics(DAY));
    expect(metrics).toEqual({
      protectedCalls: 50,
      stepUpsRequired: 8,
      stepUpRatePer100: 16,
      verificationAttempts: 7, // r1..r5 (initiated), r6, r7 (failed); r8 never tried
      verificationSuccessRate: 5 / 7,
      medianSecondsToFulfil: 30,
      deviceBypasses: 2,
      deviceBypassRate: 0.2, // 2 bypassed of 10 calls that needed a step-up
      lockouts: 1,
    });
  });

  it("a period without activity has no rates rather than misleading zeros", async () => {
    const empty = await admin.call((api) =>
      api.stepUp.admin.audit.metrics({ from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-10-02T00:00:00Z") }),
    );
    expect(empty).toEqual({
      protectedCalls: 0,
      stepUpsRequired: 0,
      stepUpRatePer100: null,
      verificationAttempts: 0,
      verificationSuccessRate: null,
      medianSecondsToFulfil: null,
      deviceBypasses: 0,
      deviceBypassRate: null,
      lockouts: 0,
    });
  });

  it("the chart counts events per UTC day and type, with quiet days as empty", async () => {
    const chart = await admin.call((api) =>
      api.stepUp.admin.audit.chart({ from: new Date("2026-11-19T00:00:00Z"), to: new Date("2026-11-21T23:59:59Z") }),
    );
    expect(chart.map((d) => d.day)).toEqual(["2026-11-19", "2026-11-20", "2026-11-21"]);
    expect(chart[0]!.counts).toEqual({});
    expect(chart[1]!.counts).toEqual({
      "stepup.required": 8,
      "stepup.initiated": 5,
      "stepup.verified": 5,
      "stepup.failed": 6,
      "stepup.locked": 1,
      "stepup.cancelled": 1,
      "stepup.bypassed": 2,
    });
    expect(chart[2]!.counts).toEqual({ "stepup.required": 1, "stepup.verified": 1 });
  });

  it("a period that ends before it starts is a BAD_REQUEST", async () => {
    expect(
      (await catchError(admin.call((api) => api.stepUp.admin.audit.metrics({ from: DAY.to, to: DAY.from })))).code,
    ).toBe("BAD_REQUEST");
  });
});

async function readChunks(response: Response): Promise<{ chunks: number; text: string }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let chunks = 0;
  let text = "";
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks += 1;
    text += decoder.decode(read.value, { stream: true });
  }
  return { chunks, text };
}

describe("audit pages and the CSV export", () => {
  const clock = createClock(Date.parse("2026-12-05T10:00:00Z"));
  const BASE = Date.parse("2026-12-01T00:00:00Z");
  let admin: Client;
  let acme: string;
  let bobId: string;
  const csvRequest = (client: Client, query = "") =>
    auditCsvRoute(
      createTestApp(db, clock),
      new Request(`http://localhost/api/admin/audit.csv${query}`, {
        headers: { cookie: `session=${client.cookies.get("session")}` },
      }),
    );

  beforeAll(async () => {
    acme = await orgId(db, "acme");
    bobId = await userIdOf(db, "bob@example.com");
    // 2,400 rows for bob, two per second so that many share a createdAt (the cursor must break ties by id).
    const rows: Prisma.StepUpAuditEventCreateManyInput[] = Array.from({ length: 2_400 }, (_, i) =>
      auditRow({
        type: i % 10 === 0 ? "stepup.failed" : "stepup.required",
        severity: i % 10 === 0 ? "warning" : "info",
        organizationId: acme,
        userId: bobId,
        ip: "198.51.100.4",
        at: new Date(BASE + Math.floor(i / 2) * S),
        data: { n: i },
      }),
    );
    await db.stepUpAuditEvent.createMany({ data: rows });
    admin = await signedIn(db, clock, ADMIN);
  });

  it("pages through bob's rows newest first, each exactly once, with ties on createdAt", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let previous = Number.POSITIVE_INFINITY;
    do {
      const page: {
        items: Array<{ id: string; createdAt: Date; userEmail: string | null }>;
        nextCursor: string | null;
      } = await admin.call((api) => api.stepUp.admin.audit.list({ userId: bobId, limit: 100, cursor }));
      for (const item of page.items) {
        expect(item.createdAt.getTime()).toBeLessThanOrEqual(previous);
        previous = item.createdAt.getTime();
        expect(item.userEmail).toBe("bob@example.com");
        seen.push(item.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(2_400);
    expect(new Set(seen).size).toBe(2_400);
  });

  it("filters by type, severity and date range", async () => {
    const failed = await admin.call((api) =>
      api.stepUp.admin.audit.list({ userId: bobId, type: "stepup.failed", limit: 100 }),
    );
    expect(failed.items).toHaveLength(100);
    expect(failed.items.every((i) => i.type === "stepup.failed" && i.severity === "warning")).toBe(true);
    const warnings = await admin.call((api) =>
      api.stepUp.admin.audit.list({
        userId: bobId,
        severity: "warning",
        from: new Date(BASE),
        to: new Date(BASE + 99 * S),
        limit: 100,
      }),
    );
    expect(warnings.items.map((i) => (i.data as { n: number }).n).sort((a, b) => a - b)).toEqual([
      0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190,
    ]);
    expect(warnings.nextCursor).toBeNull();
    expect(
      (await catchError(admin.call((api) => api.stepUp.admin.audit.list({ cursor: "not-a-cursor", limit: 10 })))).code,
    ).toBe("BAD_REQUEST");
    expect(await admin.call((api) => api.stepUp.admin.audit.eventTypes())).toContain("stepup.policy_changed");
  });

  it("the CSV streams every row of the filter in pages of 1,000, escaping quotes, commas, newlines and formulas", async () => {
    await db.stepUpAuditEvent.create({
      data: {
        ...auditRow({
          type: "stepup.failed",
          severity: "warning",
          organizationId: acme,
          userId: bobId,
          ip: '=HYPERLINK("http://evil")',
          at: new Date(BASE + 5_000 * S),
          data: { note: 'said "hi", then\nleft' },
        }),
        // An event with no actor (a system one): the CSV's empty cell.
        actorId: null,
      },
    });
    const response = await csvRequest(admin, `?userId=${bobId}&type=stepup.failed&severity=&from=`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-2026-12-05\.csv"$/);
    const { chunks, text } = await readChunks(response);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("createdAt,type,severity,userEmail,userId,actorId,ip,data");
    expect(lines[1]).toBe(
      `2026-12-01T01:23:20.000Z,stepup.failed,warning,bob@example.com,${bobId},,"'=HYPERLINK(""http://evil"")","{""note"":""said \\""hi\\"", then\\nleft""}"`,
    );
    expect(lines).toHaveLength(1 + 241); // header, 240 seeded failures and the nasty one
    expect(lines.slice(1).every((line) => line.includes(",stepup.failed,"))).toBe(true);
    expect(chunks).toBe(2); // the header, then one page

    const all = await readChunks(await csvRequest(admin, `?userId=${bobId}`));
    expect(all.text.split("\r\n").filter(Boolean)).toHaveLength(1 + 2_401);
    // Read batch by batch, not all at once: PostgreSQL's cursor fetches, SQLite's keyset pages (ADR 039).
    const batch = testDialect() === "postgres" ? CSV_FETCH_SIZE : CSV_PAGE_SIZE;
    expect(all.chunks).toBe(1 + Math.ceil(2_401 / batch));
    expect((await csvRequest(admin, "?type=not-a-type")).status).toBe(400);
  });

  it("the cursor's CSV has the same bytes as the keyset pages', and a reader that stops ends it", async () => {
    const app = createTestApp(db, clock);
    const { db: moduleDb, users } = app.stepUp.services;
    const read = async (keyset: boolean, filter = {}) =>
      (await readChunks(new Response(streamAuditCsv(moduleDb, { organizationId: acme, filter, users, keyset })))).text;
    const cursor = await read(false);
    expect(cursor.split("\r\n").filter(Boolean).length).toBeGreaterThan(2_401);
    expect(cursor).toBe(await read(true));
    const narrowedFilter = { userId: bobId, severity: "warning" as const, from: new Date(BASE + 60 * S) };
    expect(await read(false, narrowedFilter)).toBe(await read(true, narrowedFilter));

    // A download abandoned after its first rows: the cursor's transaction ends and nothing is left waiting.
    const reader = streamAuditCsv(moduleDb, { organizationId: acme, filter: {}, users }).getReader();
    await reader.read();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    expect(await db.stepUpAuditEvent.count({ where: { organizationId: acme, userId: bobId } })).toBe(2_401);
  });
});
