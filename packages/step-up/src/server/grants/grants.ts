import "server-only";
import { z } from "zod/v4";
import { stepUpLevelSchema, type GrantSnapshot, type StepUpLevel } from "../../engine";
import type { Database, Transaction } from "../db";

/** Live grants of one session (grants never leave the session that earned them). */
export async function loadGrants(db: Database, sessionId: string, now: Date): Promise<GrantSnapshot[]> {
  const rows = await db.stepUpGrant.findMany({
    where: { sessionId, consumedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { verifiedAt: "desc" },
    take: 20,
  });
  return rows.map((row) => ({
    id: row.id,
    sessionId: row.sessionId,
    level: stepUpLevelSchema.parse(row.level),
    verifiedAt: row.verifiedAt.getTime(),
    callHash: row.callHash,
    consumedAt: null,
  }));
}

/**
 * Uses a critical grant once. The conditional update is atomic in the database, so of two
 * concurrent retries exactly one sees `count === 1`.
 */
export async function consumeGrant(db: Database | Transaction, grantId: string, now: Date): Promise<boolean> {
  const { count } = await db.stepUpGrant.updateMany({
    where: { id: grantId, consumedAt: null, revokedAt: null },
    data: { consumedAt: now },
  });
  return count === 1;
}

const grantSummarySchema = z.array(z.object({ id: z.string(), level: stepUpLevelSchema, verifiedAt: z.number() }));

/**
 * The module's StepUpSession row carries a session's live non-critical grants (ADR 006), so a call
 * holding a valid grant costs one primary-key read. Critical grants are never summarised: they are
 * read and consumed in the grant table.
 */
export function parseGrantSummary(json: unknown, sessionId: string): GrantSnapshot[] {
  const parsed = grantSummarySchema.safeParse(json);
  if (!parsed.success) return [];
  return parsed.data
    .filter((g) => g.level !== "critical")
    .map((g) => ({ id: g.id, sessionId, level: g.level, verifiedAt: g.verifiedAt, callHash: null, consumedAt: null }));
}

/**
 * Adds a new grant to its session's summary, keeping the latest grant per level. Same transaction as the grant.
 * The row is written before it is read: its lock makes two grants of one session made at once both land,
 * where a read-then-write let the second overwrite the first (ADR 028).
 */
export async function addToGrantSummary(
  tx: Transaction,
  grant: { id: string; sessionId: string; userId: string; level: StepUpLevel; verifiedAt: Date },
): Promise<void> {
  if (grant.level === "critical") return;
  const { sessionId, userId } = grant;
  const row = await tx.stepUpSession.upsert({
    where: { sessionId },
    create: { sessionId, userId, grants: [] },
    update: { userId },
    select: { grants: true },
  });
  const others = grantSummarySchema.safeParse(row.grants).data?.filter((g) => g.level !== grant.level) ?? [];
  const grants = [...others, { id: grant.id, level: grant.level, verifiedAt: grant.verifiedAt.getTime() }];
  await tx.stepUpSession.update({ where: { sessionId }, data: { grants } });
}

/** Revokes every grant and remembered device of a user (password or factor change). */
export async function revokeUserGrantsAndDevices(
  tx: Transaction,
  userId: string,
  now: Date,
): Promise<{ grants: number; devices: number }> {
  const grants = await tx.stepUpGrant.updateMany({
    where: { userId, revokedAt: null, consumedAt: null },
    data: { revokedAt: now },
  });
  await tx.stepUpSession.updateMany({ where: { userId }, data: { grants: [] } });
  const devices = await tx.stepUpRememberedDevice.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return { grants: grants.count, devices: devices.count };
}

/** Which ended sessions: one session, or every session of a user. */
export type EndedSessions = { sessionId: string } | { userId: string };

/**
 * Sessions ended (sign-out, revocation): their live grants are revoked and their per-session state is
 * deleted, so no admin page shows them live. Shared by `stepUp.sessionEnded` and the adapters' sign-out hooks.
 */
export async function endSessions(tx: Transaction, ended: EndedSessions, now: Date): Promise<void> {
  const where = "sessionId" in ended ? { sessionId: ended.sessionId } : { userId: ended.userId };
  await tx.stepUpGrant.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: now } });
  await tx.stepUpSession.deleteMany({ where });
}
