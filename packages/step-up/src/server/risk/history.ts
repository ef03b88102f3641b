import "server-only";
import type { RequestHistory } from "../../engine/risk";
import type { Database } from "../db";
import type { AuditEventType } from "../audit/audit";

/** How far back a user's sign-ins and verifications count as "usual" for the risk score. */
export const RISK_HISTORY_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Only successes count: an attacker's failed sign-ins, refused calls or failed codes must not make
 * their network look usual. (A password alone makes a sign-in; see the README's known limitations.)
 */
const HISTORY_EVENTS: AuditEventType[] = ["auth.signed_in", "stepup.verified"];

/**
 * Whether the user signed in or verified a step-up from this IP, and from this exact user agent, in
 * the window before the current session began: a session never vouches for itself, which is what
 * made every fresh session score 0. Reads the audit log (append-only, so sign-outs and cleanup do not
 * erase it) through its (userId, ip) and (userId, userAgent) indexes: two point lookups, each stopping
 * at its first match (~2-6 ms with 50,000 rows for the user, against ~60 ms scanning by date).
 */
export async function loadRequestHistory(
  db: Database,
  options: { userId: string; ip: string | null; userAgent: string | null; sessionStartedAt: Date; now: Date },
): Promise<RequestHistory> {
  const where = {
    userId: options.userId,
    type: { in: HISTORY_EVENTS },
    createdAt: { gte: new Date(options.now.getTime() - RISK_HISTORY_WINDOW_MS), lt: options.sessionStartedAt },
  };
  // An unknown value matches nothing (a null column would otherwise "match" a null request).
  const seen = async (match: { ip: string } | { userAgent: string } | null) =>
    match !== null &&
    (await db.stepUpAuditEvent.findFirst({ where: { ...where, ...match }, select: { id: true } })) !== null;
  const [ipSeen, userAgentSeen] = await Promise.all([
    seen(options.ip ? { ip: options.ip } : null),
    seen(options.userAgent ? { userAgent: options.userAgent } : null),
  ]);
  return { ipSeen, userAgentSeen };
}

/** The user's failed step-up attempts since `since`: a risk signal (many failures, then a new attempt). */
export async function countRecentFailures(db: Database, userId: string, since: Date): Promise<number> {
  return db.stepUpAttempt.count({ where: { userId, success: false, createdAt: { gte: since } } });
}
