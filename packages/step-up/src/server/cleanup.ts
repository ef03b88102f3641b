import "server-only";
import type { Database } from "./db";

export const CLEANUP_INTERVAL_MS = 10 * 60_000;
/** A StepUpSession row untouched this long holds no live grant (the longest non-critical window is far shorter). */
const SESSION_STATE_TTL_MS = 24 * 60 * 60_000;
/** Delivered and failed webhook deliveries are kept this long for the admin page, then deleted. */
export const WEBHOOK_DELIVERY_RETENTION_MS = 30 * 24 * 60 * 60_000;

export interface CleanupResult {
  requirements: number;
  grants: number;
  devices: number;
  enrollmentChallenges: number;
  sessions: number;
  webhookDeliveries: number;
}

/**
 * Deletes step-up state that can no longer be used: requirements, grants, remembered devices and
 * enrollment challenges past their expiry, per-session state of sessions that ended long ago, and
 * webhook deliveries settled (delivered or failed) more than 30 days ago; pending ones are never
 * deleted, however old (a receiver that was down still gets them).
 * Audit rows are never deleted (the database refuses it); attempts are kept (the metrics read them).
 * Idempotent, so every instance may run it.
 */
export async function purgeExpired(db: Database, now: Date): Promise<CleanupResult> {
  const expired = { expiresAt: { lt: now } };
  // One transaction: a crash never leaves half a purge; grants first, they point at requirements.
  const settledBefore = new Date(now.getTime() - WEBHOOK_DELIVERY_RETENTION_MS);
  const [grants, requirements, devices, enrollmentChallenges, sessions, webhookDeliveries] = await db.$transaction([
    db.stepUpGrant.deleteMany({ where: expired }),
    db.stepUpRequirement.deleteMany({ where: expired }),
    db.stepUpRememberedDevice.deleteMany({ where: expired }),
    db.stepUpEnrollmentChallenge.deleteMany({ where: expired }),
    db.stepUpSession.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - SESSION_STATE_TTL_MS) } } }),
    db.stepUpWebhookDelivery.deleteMany({
      where: { status: { in: ["delivered", "failed"] }, createdAt: { lt: settledBefore } },
    }),
  ]);
  return {
    requirements: requirements.count,
    grants: grants.count,
    devices: devices.count,
    enrollmentChallenges: enrollmentChallenges.count,
    sessions: sessions.count,
    webhookDeliveries: webhookDeliveries.count,
  };
}

/** Runs the purge every `intervalMs`; returns a function that stops it. */
export function scheduleCleanup(
  db: Database,
  options: { intervalMs?: number; now: () => Date; onError: (error: unknown) => void },
): () => void {
  const timer = setInterval(() => {
    // A failed run is retried at the next tick; the purge is idempotent.
    purgeExpired(db, options.now()).catch(options.onError);
  }, options.intervalMs ?? CLEANUP_INTERVAL_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
