import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditEventType } from "@step-up/next/server";
import { auditRow } from "@step-up/next/testing/server";
import { ADMIN, orgId, signedIn } from "./admin-helpers";
import { createClock, createTestDatabase, userIdOf, type Client } from "./harness";

/** The admin funnel (ADR 023): per procedure, how the period's requirements ended, from seeded audit rows. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const S = 1000;
const H = 3_600 * S;
const DAY = { from: new Date("2026-11-20T00:00:00Z"), to: new Date("2026-11-20T23:59:59.999Z") };
const T0 = Date.parse("2026-11-20T08:00:00Z");

describe("the step-up funnel per procedure", () => {
  // Ten minutes after r8 was required: r8 is still pending, every older untouched requirement has expired.
  const clock = createClock(T0 + 7 * H + 5 * 60 * S);
  let admin: Client;

  beforeAll(async () => {
    const acme = await orgId(db, "acme");
    const globex = await orgId(db, "globex");
    const alice = await userIdOf(db, "alice@example.com");
    const rows: Prisma.StepUpAuditEventCreateManyInput[] = [];
    const requiredAt = new Map<string, number>();
    const add = (type: AuditEventType, at: number, data: { requirementId: string; procedure?: string }, org = acme) => {
      if (type === "stepup.required") requiredAt.set(`${org}/${data.requirementId}`, at);
      const since = requiredAt.get(`${org}/${data.requirementId}`);
      const secondsToVerify = type === "stepup.verified" && since !== undefined ? (at - since) / S : undefined;
      rows.push(auditRow({ type, organizationId: org, userId: alice, at: new Date(at), data, secondsToVerify }));
    };
    const required = (id: string, at: number, procedure = "transfers.create", org = acme) =>
      add("stepup.required", at, { requirementId: id, procedure }, org);
    const verified = (id: string, at: number, seconds: number) => {
      add("stepup.initiated", at + 2 * S, { requirementId: id });
      add("stepup.verified", at + seconds * S, { requirementId: id });
    };

    // transfers.create: r1..r3 verified after 10, 45 and 400 s; r4 failed twice and locked; r5 failed then
    // cancelled; r6 cancelled untouched; r7 expired untouched (abandoned); r8 required a moment ago (pending).
    [10, 45, 400].forEach((seconds, i) => {
      required(`r${i + 1}`, T0 + i * H);
      verified(`r${i + 1}`, T0 + i * H, seconds);
    });
    required("r4", T0 + 3 * H);
    add("stepup.failed", T0 + 3 * H + 5 * S, { requirementId: "r4" });
    add("stepup.failed", T0 + 3 * H + 9 * S, { requirementId: "r4" });
    add("stepup.locked", T0 + 3 * H + 9 * S, { requirementId: "r4" });
    required("r5", T0 + 4 * H);
    add("stepup.failed", T0 + 4 * H + 5 * S, { requirementId: "r5" });
    add("stepup.cancelled", T0 + 4 * H + 8 * S, { requirementId: "r5" });
    required("r6", T0 + 5 * H);
    add("stepup.cancelled", T0 + 5 * H + 3 * S, { requirementId: "r6" });
    required("r7", T0 + 6 * H);
    required("r8", T0 + 7 * H + 1 * 60 * S);
    // account.changeEmail: e1 verified after 20 s, e2 abandoned.
    required("e1", T0, "account.changeEmail");
    verified("e1", T0, 20);
    required("e2", T0 + H, "account.changeEmail");

    // Must not count: another organization (even rows naming acme's requirement ids), and the next day.
    required("g1", T0, "billing.charge", globex);
    add("stepup.required", T0 + H, { requirementId: "r7", procedure: "transfers.create" }, globex);
    add("stepup.verified", T0 + H + 5 * S, { requirementId: "r7" }, globex);
    required("r9", Date.parse("2026-11-21T00:00:01Z"));
    await db.stepUpAuditEvent.createMany({ data: rows });
    admin = await signedIn(db, clock, ADMIN);
  });

  it("counts required, initiated and each outcome, with the time-to-verify buckets, for the admin's organization", async () => {
    const funnel = await admin.call((api) => api.stepUp.admin.audit.funnel(DAY));
    expect(funnel.bucketsS).toEqual([10, 30, 60, 300]);
    expect(funnel.procedures).toEqual([
      {
        procedure: "transfers.create",
        required: 8,
        initiated: 5,
        verified: 3,
        failed: 1,
        cancelled: 2,
        abandoned: 1,
        pending: 1,
        timeToVerify: [1, 0, 1, 0, 1],
        maxSecondsToVerify: 400,
      },
      {
        procedure: "account.changeEmail",
        required: 2,
        initiated: 1,
        verified: 1,
        failed: 0,
        cancelled: 0,
        abandoned: 1,
        pending: 0,
        timeToVerify: [0, 1, 0, 0, 0],
        maxSecondsToVerify: 20,
      },
    ]);
  });

  it("an empty period has an empty funnel", async () => {
    const funnel = await admin.call((api) =>
      api.stepUp.admin.audit.funnel({ from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-10-02T00:00:00Z") }),
    );
    expect(funnel.procedures).toEqual([]);
  });

  it("the required rows carry their procedure as a column, other rows none (no JSON in the funnel query)", async () => {
    const [required, verified] = await Promise.all([
      db.stepUpAuditEvent.findFirstOrThrow({ where: { type: "stepup.required", requirementId: "e1" } }),
      db.stepUpAuditEvent.findFirstOrThrow({ where: { type: "stepup.verified", requirementId: "e1" } }),
    ]);
    expect(required.procedure).toBe("account.changeEmail");
    expect(verified.procedure).toBeNull();
  });
});
