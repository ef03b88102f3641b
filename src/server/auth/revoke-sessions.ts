import "server-only";
import type { Transaction } from "../db";
import { writeAuditEvent as writeAudit } from "@step-up/next/server";

export type SessionRevocationReason = "password_changed" | "factor_removed";

/**
 * Signs the user out everywhere but here, in the caller's transaction (with the change that
 * demands it): whoever holds another session may be the reason the credential changed. Their
 * grants go with them (cascade); the audit row says how many and why.
 */
export async function revokeOtherSessions(
  tx: Transaction,
  options: {
    userId: string;
    keepSessionId: string;
    reason: SessionRevocationReason;
    audit: { organizationId: string | null; ip: string | null; userAgent: string | null; at: Date };
  },
): Promise<number> {
  const { count } = await tx.session.deleteMany({
    where: { userId: options.userId, id: { not: options.keepSessionId } },
  });
  await writeAudit(tx, {
    type: "auth.sessions_revoked",
    userId: options.userId,
    ...options.audit,
    data: { count, reason: options.reason },
  });
  return count;
}
