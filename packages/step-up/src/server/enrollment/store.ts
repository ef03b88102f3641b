import "server-only";
import type { FactorChange, MethodEnrolmentContext } from "../../methods";
import type { Transaction } from "../db";
import { auditOrigin, writeAudit } from "../audit/audit";
import { revokeUserGrantsAndDevices } from "../grants/grants";
import { ENROLLMENT_TTL_MS, type EnrollmentContext } from "./context";

export type EnrollmentKind = "totp" | "passkey";

/** What a method's enrolment steps are given (methods/ports.ts): the session's user and this store as a port. */
export function methodEnrolment(context: EnrollmentContext): MethodEnrolmentContext {
  const { db, services, session, now, relyingParty } = context;
  return {
    db,
    userId: session.userId,
    now,
    relyingParty,
    crypto: services.crypto,
    users: services.users,
    factors: {
      startPending: (kind, payload) => startEnrollment(context, kind, payload),
      getPending: (kind) => getPendingEnrollment(context, kind),
      takePending: (tx, id) => takeEnrollment(tx, id),
      recordChange: (tx, change) => recordFactorChange(tx, context, change),
      revokeOtherSessions: () => revokeOtherSessionsAfterRemoval(context),
    },
  };
}

/** Starts a pending factor for this session; an earlier pending one of the same kind dies. */
export async function startEnrollment(
  context: EnrollmentContext,
  kind: EnrollmentKind,
  payload: string,
): Promise<void> {
  const { db, session, now } = context;
  await db.$transaction(async (tx) => {
    await tx.stepUpEnrollmentChallenge.deleteMany({ where: { sessionId: session.id, kind } });
    await tx.stepUpEnrollmentChallenge.create({
      data: {
        userId: session.userId,
        sessionId: session.id,
        kind,
        payload,
        createdAt: now,
        expiresAt: new Date(now.getTime() + ENROLLMENT_TTL_MS),
      },
    });
  });
}

/** The live pending factor of this session, or null. Reading does not use it up. */
export async function getPendingEnrollment(
  context: EnrollmentContext,
  kind: EnrollmentKind,
): Promise<{ id: string; payload: string } | null> {
  const row = await context.db.stepUpEnrollmentChallenge.findFirst({
    where: { sessionId: context.session.id, userId: context.session.userId, kind, expiresAt: { gt: context.now } },
    orderBy: { createdAt: "desc" },
  });
  return row ? { id: row.id, payload: row.payload } : null;
}

/** Uses a pending factor up; false when another request already did (single use). */
export async function takeEnrollment(tx: Transaction | EnrollmentContext["db"], id: string): Promise<boolean> {
  const { count } = await tx.stepUpEnrollmentChallenge.deleteMany({ where: { id } });
  return count === 1;
}

/**
 * Every factor change, in the transaction that makes it: the audit row, and (docs/design.md) the user's
 * grants and remembered devices revoked, because they were earned with the old set of factors;
 * on removal, the user's other sessions too.
 */
export async function recordFactorChange(
  tx: Transaction,
  context: EnrollmentContext,
  change: FactorChange,
): Promise<void> {
  const { session, request, now } = context;
  const base = auditOrigin({ userId: session.userId, organizationId: session.activeOrganizationId, request, now });
  await writeAudit(tx, { ...base, type: change.type, data: change.data });
  if (change.type === "credential.renamed") return;
  const revoked = await revokeUserGrantsAndDevices(tx, session.userId, now);
  await writeAudit(tx, {
    ...base,
    type: "stepup.grants_revoked",
    data: { reason: "factor_changed", factor: change.data.kind ?? null, ...revoked },
  });
}

/**
 * After a factor is removed (and its transaction committed): it may be how an intruder got in, so the
 * host ends the user's other sessions (the `sessions` port). Their grants die with them: grants are
 * bound to the session id. Without the port only the grants and devices were revoked.
 */
export async function revokeOtherSessionsAfterRemoval(context: EnrollmentContext): Promise<void> {
  const { session, request, now, services } = context;
  if (!services.sessions) return;
  const count = await services.sessions.revokeOthers({
    userId: session.userId,
    keepSessionId: session.id,
    reason: "factor_removed",
  });
  await writeAudit(context.db, {
    ...auditOrigin({ userId: session.userId, organizationId: session.activeOrganizationId, request, now }),
    type: "auth.sessions_revoked",
    data: { count, reason: "factor_removed" },
  });
}
