import "server-only";
import type { Transaction } from "../db";
import type { StepUp } from "@step-up/next/server";

export type SessionRevocationReason = "password_changed" | "factor_removed";

/**
 * Signs the user out everywhere but here, in the caller's transaction (with the change that
 * demands it): whoever holds another session may be the reason the credential changed. Their
 * grants go with them (cascade); the audit row says how many and why.
 */
export async function revokeOtherSessions(
  tx: Transaction,
  stepUp: Pick<StepUp, "recordEvent">,
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
  await stepUp.recordEvent(
    {
      type: "auth.sessions_revoked",
      userId: options.userId,
      ...options.audit,
      data: { count, reason: options.reason },
    },
    { tx },
  );
  return count;
}
