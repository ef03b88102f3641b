import { afterAll, describe, expect, it } from "vitest";
import { createSession, validateSessionToken } from "@/server/auth/session";
import { pgPoolOf, type Database } from "@/server/db";
import { createTestDatabase, testDialect, userIdOf } from "./harness";

/**
 * The session lookup every signed-in request makes is a plain Prisma read; `SESSION_LOOKUP=sql` swaps in
 * one joined SQL query, on the `pg` pool directly on PostgreSQL and through Prisma's `$queryRaw` otherwise
 * (ADR 025). Every path must read the same session: same instants (pg would read Prisma's UTC timestamps
 * as local time), same membership, same refusals; the SQL paths the same step-up state.
 */
// A zone far from UTC (this file's worker only): a timestamp read as local time would be hours off.
process.env.TZ = "Pacific/Auckland";
const db = createTestDatabase();
afterAll(() => db.$disconnect());

/** The same client seen through a wrapper: no pool is known for it, so the lookup goes through Prisma. */
const throughPrisma = new Proxy(db, {}) as Database;

/** The plain lookup, then the SQL one on the pool (PostgreSQL) and through `$queryRaw`. */
async function allPaths(token: string, now: Date) {
  const sql = async (client: Database) => {
    process.env.SESSION_LOOKUP = "sql";
    try {
      return await validateSessionToken(client, token, now);
    } finally {
      delete process.env.SESSION_LOOKUP;
    }
  };
  return [await validateSessionToken(db, token, now), await sql(db), await sql(throughPrisma)];
}

describe("the session lookup", () => {
  it("uses the pool on PostgreSQL only, and never after $disconnect", async () => {
    expect(pgPoolOf(throughPrisma)).toBeUndefined();
    expect(Boolean(pgPoolOf(db))).toBe(testDialect() === "postgres");
    const closed = createTestDatabase();
    await closed.user.count();
    await closed.$disconnect();
    expect(pgPoolOf(closed)).toBeUndefined();
  });

  it("reads the same session, to the millisecond, on both paths", async () => {
    const userId = await userIdOf(db, "alice@example.com");
    const organization = await db.membership.findFirstOrThrow({ where: { userId }, select: { organizationId: true } });
    const authenticatedAt = new Date("2026-07-01T23:30:00.123Z"); // a time of day some zones put on another date
    const { token, sessionId } = await createSession(db, {
      userId,
      organizationId: organization.organizationId,
      ip: "203.0.113.9",
      userAgent: "lookup-test",
      now: authenticatedAt,
    });
    await db.stepUpSession.upsert({
      where: { sessionId },
      create: { sessionId, userId, grants: [{ id: "g1", level: "medium", verifiedAt: authenticatedAt.getTime() }] },
      update: {},
    });
    const now = new Date("2026-07-02T00:00:00.000Z");
    const [plain, direct, prisma] = await allPaths(token, now);
    expect(direct).not.toBeNull();
    expect(direct!.authenticatedAt.toISOString()).toBe("2026-07-01T23:30:00.123Z");
    expect(direct!.role).not.toBeNull();
    expect({ ...direct, stepUpState: null }).toEqual({ ...prisma, stepUpState: null });
    expect({ ...plain, stepUpState: null }).toEqual({ ...prisma, stepUpState: null });
    expect(plain!.stepUpState).toBeUndefined(); // step-up reads its own state then
    const decode = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);
    expect(decode(direct!.stepUpState!.stepUpGrants)).toEqual(decode(prisma!.stepUpState!.stepUpGrants));
    expect(Number(direct!.stepUpState!.stepUpRevision ?? 0)).toBe(Number(prisma!.stepUpState!.stepUpRevision ?? 0));
  });

  it("refuses an expired session, an unknown token and a deleted user on every path", async () => {
    const userId = await userIdOf(db, "bob@example.com");
    const start = new Date("2026-07-01T12:00:00.000Z");
    const { token } = await createSession(db, { userId, organizationId: null, ip: null, userAgent: null, now: start });
    const week = 7 * 24 * 60 * 60 * 1000;
    expect(await allPaths(token, new Date(start.getTime() + week - 1))).not.toContain(null);
    expect(await allPaths(token, new Date(start.getTime() + week))).toEqual([null, null, null]);
    expect(await allPaths(`${token}x`, start)).toEqual([null, null, null]);
    await db.user.update({ where: { id: userId }, data: { deletedAt: start } });
    expect(await allPaths(token, start)).toEqual([null, null, null]);
  });
});
