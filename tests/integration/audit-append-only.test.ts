import { afterAll, describe, expect, it } from "vitest";
import { createClock, createTestApp, createTestDatabase, signedIn } from "./harness";

/** The database itself refuses to change or remove audit rows (triggers), whatever the app does. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());
const clock = createClock();

describe("audit rows are append-only", () => {
  it("an UPDATE or DELETE of an audit row fails in the database, through Prisma or raw SQL; the row stays as written", async () => {
    await signedIn(db, clock, "bob@example.com");
    const row = await db.stepUpAuditEvent.findFirstOrThrow({ where: { type: "auth.signed_in" } });
    await expect(
      db.stepUpAuditEvent.update({ where: { id: row.id }, data: { type: "auth.signed_out" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.stepUpAuditEvent.deleteMany({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "StepUpAuditEvent" SET "ip" = '10.0.0.1'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRawUnsafe(`DELETE FROM "StepUpAuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.stepUpAuditEvent.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });

  it("appending still works, and the scheduled cleanup never needs to delete audit rows", async () => {
    const before = await db.stepUpAuditEvent.count();
    await signedIn(db, clock, "alice@example.com");
    expect(await db.stepUpAuditEvent.count()).toBeGreaterThan(before);
    clock.advance(24 * 60 * 60_000);
    await expect(createTestApp(db, clock).stepUp.cleanup()).resolves.toBeDefined();
  });
});
