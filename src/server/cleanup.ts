import "server-only";
import type { Database } from "./db";

const CLEANUP_INTERVAL_MS = 10 * 60_000;

/** The demo's own expired rows (the step-up module purges its tables itself): sign-in windows, email changes. */
export async function purgeDemoExpired(
  db: Database,
  now: Date,
): Promise<{ signInThrottles: number; emailChanges: number }> {
  const [signInThrottles, emailChanges] = await db.$transaction([
    db.signInThrottle.deleteMany({ where: { expire: { lt: now } } }),
    db.emailChangeRequest.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  return { signInThrottles: signInThrottles.count, emailChanges: emailChanges.count };
}

export function scheduleDemoCleanup(db: Database): () => void {
  const timer = setInterval(() => {
    // Idempotent; a failed run is retried at the next tick.
    purgeDemoExpired(db, new Date()).catch((error: unknown) => {
      process.stderr.write(`${JSON.stringify({ level: "error", event: "cleanup.failed", message: String(error) })}\n`);
    });
  }, CLEANUP_INTERVAL_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
