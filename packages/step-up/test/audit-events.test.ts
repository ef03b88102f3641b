import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStepUp } from "@step-up/next/server";
import { createTestDatabase, createTestUsers, TEST_USER, type TestDatabase } from "@step-up/next/testing";

/** The host's own audit events are declared to the instance (`auditEvents`), never part of the module's list. */
describe("host audit events", () => {
  let database: TestDatabase;
  const instance = (auditEvents?: Record<`${string}.${string}`, "info" | "warning" | "critical">) =>
    createStepUp<object>({
      db: database.db,
      users: createTestUsers([TEST_USER]),
      secret: "ab".repeat(32),
      production: false,
      identity: () => null,
      http: () => ({ headers: new Headers(), resHeaders: new Headers() }),
      auditEvents,
    });
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("a declared event is written with its declared severity, in the host's transaction when given", async () => {
    const stepUp = instance({ "shop.refund_issued": "warning" });
    await database.db.$transaction((tx) =>
      stepUp.recordEvent({ type: "shop.refund_issued", userId: TEST_USER.id, at: new Date() }, { tx }),
    );
    const row = await database.db.stepUpAuditEvent.findFirstOrThrow({ where: { type: "shop.refund_issued" } });
    expect(row.severity).toBe("warning");
    expect(stepUp.services.auditEvents.types).toContain("shop.refund_issued");
    expect(stepUp.services.auditEvents.types).toContain("stepup.verified");
    await stepUp.close();
  });

  it("an undeclared event name is refused and writes nothing; the module's list has no host names", async () => {
    const stepUp = instance();
    const before = await database.db.stepUpAuditEvent.count();
    await expect(stepUp.recordEvent({ type: "account.email_changed", at: new Date() })).rejects.toThrow(
      /"account.email_changed" is not declared/,
    );
    expect(await database.db.stepUpAuditEvent.count()).toBe(before);
    expect(stepUp.services.auditEvents.types.filter((type) => type.startsWith("account."))).toEqual([]);
    await stepUp.close();
  });

  it("a declaration that is not area.verb, or that names a module event, stops createStepUp", () => {
    expect(() => instance({ "Not An Event.x": "info" } as never)).toThrow(/is not an event name/);
    expect(() => instance({ "stepup.verified": "info" })).toThrow(/module's own events/);
  });
});
