import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findStepUpPayload } from "@step-up/next/server";
import {
  createTestClock,
  createTestStepUp,
  elevate,
  ELEVATE_PROCEDURE,
  TEST_USER,
  type TestStepUp,
} from "@step-up/next/testing";

/** The kit itself: the bare instance's database, elevate, and the clock. */
describe("a bare test instance", () => {
  let t: TestStepUp;
  beforeAll(async () => {
    t = await createTestStepUp();
  });
  afterAll(() => t.close());

  it("has the module's tables and an append-only audit log", async () => {
    const session = t.signIn(TEST_USER.id);
    await expect(t.client(session).api.probe.medium()).rejects.toThrow();
    const row = await t.db.stepUpAuditEvent.findFirstOrThrow({ where: { type: "stepup.required" } });
    // The adapter reports SQLite's trigger abort as a constraint violation; raw SQL keeps the trigger's message.
    await expect(t.db.stepUpAuditEvent.update({ where: { id: row.id }, data: { type: "x" } })).rejects.toThrow();
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "StepUpAuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await t.db.stepUpAuditEvent.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
    expect(t.errors).toEqual([]);
  });

  it("refuses a protected call with the requirement the dialog would show", async () => {
    const session = t.signIn(TEST_USER.id);
    const error = await t
      .client(session)
      .api.probe.high()
      .catch((e: unknown) => e);
    expect(findStepUpPayload(error)).toMatchObject({ code: "STEP_UP_REQUIRED", level: "high", currentLevel: "low" });
  });
});

describe("elevate", () => {
  let t: TestStepUp;
  beforeAll(async () => {
    t = await createTestStepUp();
  });
  afterAll(() => t.close());

  it("gives a session a grant, as a verification would: the call passes and the grant is audited as elevate's", async () => {
    const session = t.signIn(TEST_USER.id);
    const { api } = t.client(session);
    const granted = await elevate(t.stepUp, { userId: TEST_USER.id, sessionId: session.sessionId, level: "high" });
    expect(granted).toMatchObject({ level: "high", methods: ["passkey"] });
    await expect(api.probe.high()).resolves.toEqual({ ok: true });
    await expect(api.probe.medium()).resolves.toEqual({ ok: true });

    const summary = await t.db.stepUpSession.findUniqueOrThrow({ where: { sessionId: session.sessionId } });
    expect(summary.grants).toEqual([expect.objectContaining({ id: granted.grantId, level: "high" })]);
    const verified = await t.db.stepUpAuditEvent.findFirstOrThrow({ where: { type: "stepup.verified" } });
    expect(verified.data).toMatchObject({ grantId: granted.grantId, procedure: ELEVATE_PROCEDURE });
  });

  it("binds to one session: another session of the same user is still refused", async () => {
    const first = t.signIn(TEST_USER.id);
    await elevate(t.stepUp, { userId: TEST_USER.id, sessionId: first.sessionId, level: "medium" });
    await expect(t.client(t.signIn(TEST_USER.id)).api.probe.medium()).rejects.toThrow();
  });

  it("a critical grant allows the one call it names, once", async () => {
    const session = t.signIn(TEST_USER.id);
    const { api } = t.client(session);
    const call = { procedure: "probe.critical", input: { note: "pay Carol" } };
    await elevate(t.stepUp, { userId: TEST_USER.id, sessionId: session.sessionId, level: "critical", call });
    await expect(api.probe.critical({ note: "pay Mallory" })).rejects.toThrow();
    await expect(api.probe.critical({ note: "pay Carol" })).resolves.toEqual({ ok: true });
    await expect(api.probe.critical({ note: "pay Carol" })).rejects.toThrow();
  });

  it("refuses a combination below the level's floor, a critical grant without its call, and writes nothing", async () => {
    const session = t.signIn(TEST_USER.id);
    const base = { userId: TEST_USER.id, sessionId: session.sessionId };
    const before = await t.db.stepUpGrant.count();
    await expect(elevate(t.stepUp, { ...base, level: "high", methods: ["email_code"] })).rejects.toThrow(
      /does not complete high/,
    );
    await expect(elevate(t.stepUp, { ...base, level: "critical" })).rejects.toThrow(/call: \{ procedure, input \}/);
    expect(await t.db.stepUpGrant.count()).toBe(before);
  });

  it("refuses in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      await expect(elevate(t.stepUp, { userId: TEST_USER.id, sessionId: "s", level: "medium" })).rejects.toThrow(
        /refused in production/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
    const productionInstance = { services: { ...t.stepUp.services, webhooks: { options: {}, production: true } } };
    await expect(
      elevate(productionInstance, { userId: TEST_USER.id, sessionId: "s", level: "medium" }),
    ).rejects.toThrow(/refused in production/);
  });
});

describe("createTestClock", () => {
  it("moves only when told", () => {
    const clock = createTestClock(new Date("2026-01-05T09:00:00Z"));
    const first = clock.now();
    first.setFullYear(2000);
    expect(clock.now().toISOString()).toBe("2026-01-05T09:00:00.000Z");
    clock.advance(15 * 60_000);
    expect(clock.now().toISOString()).toBe("2026-01-05T09:15:00.000Z");
    clock.set(new Date("2027-01-01T00:00:00Z"));
    expect(clock.now().getTime()).toBe(Date.parse("2027-01-01T00:00:00Z"));
    expect(() => clock.advance(Number.NaN)).toThrow(TypeError);
  });
});
