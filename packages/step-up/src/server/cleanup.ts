import "server-only";
import type { Database } from "@/server/db";

export const CLEANUP_INTERVAL_MS = 10 * 60_000;

export interface CleanupResult {
  requirements: number;
  grants: number;
  devices: number;
  enrollmentChallenges: number;
  /** Sign-in failure counters whose window is over (src/server/auth/sign-in-throttle.ts). */
  signInThrottles: number;
  /** Email changes whose code expired unused. */
  emailChanges: number;
}

/**
 * Deletes state that can no longer be used: requirements, grants, remembered devices, enrollment
 * challenges, sign-in throttle windows and email changes past their expiry. Audit rows are never
 * deleted (the database refuses it); attempts are kept (the metrics read them).
 */
export async function purgeExpired(db: Database, now: Date): Promise<CleanupResult> {
  const expired = { expiresAt: { lt: now } };
  // One transaction: a crash never leaves half a purge; grants first, they point at requirements.
  const [grants, requirements, devices, enrollmentChallenges, signInThrottles, emailChanges] = await db.$transaction([
    db.stepUpGrant.deleteMany({ where: expired }),
    db.stepUpRequirement.deleteMany({ where: expired }),
    db.rememberedDevice.deleteMany({ where: expired }),
    db.enrollmentChallenge.deleteMany({ where: expired }),
    db.signInThrottle.deleteMany({ where: { expire: { lt: now } } }),
    db.emailChangeRequest.deleteMany({ where: expired }),
  ]);
  return {
    requirements: requirements.count,
    grants: grants.count,
    devices: devices.count,
    enrollmentChallenges: enrollmentChallenges.count,
    signInThrottles: signInThrottles.count,
    emailChanges: emailChanges.count,
  };
}

let timer: ReturnType<typeof setInterval> | null = null;

/** Runs the purge every 10 minutes in this process (started from src/instrumentation.ts). Idempotent. */
export function startCleanupSchedule(
  db: Database,
  options: { intervalMs?: number; now?: () => Date; onError?: (error: unknown) => void } = {},
): () => void {
  if (!timer) {
    timer = setInterval(() => {
      // A failed run is retried at the next tick; the purge is idempotent.
      purgeExpired(db, options.now?.() ?? new Date()).catch((error: unknown) => options.onError?.(error));
    }, options.intervalMs ?? CLEANUP_INTERVAL_MS);
    timer.unref?.();
  }
  return () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
}
