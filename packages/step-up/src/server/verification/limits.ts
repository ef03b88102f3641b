import "server-only";
import type { Database } from "../db";

/**
 * Fixed-window counters in the database (StepUpLimit): an attempt is reserved before it is evaluated,
 * with a conditional update, so guesses sent in parallel — to one process or to many on one database —
 * can never all pass the check before any is counted. The window starts with the first reservation.
 * Written by hand rather than with rate-limiter-flexible (used for sign-in) because the module's clock
 * is a port (`now`): tests and the engine never read the wall clock.
 */
export interface LimitOptions {
  key: string;
  max: number;
  windowMs: number;
  now: Date;
}

/** `position`: this reservation's number in the window (1 = the first), read back from the same update. */
export type Reservation = { ok: true; position: number } | { ok: false; retryAfterMs: number };

export async function reserveSlot(db: Database, options: LimitOptions): Promise<Reservation> {
  const { key, max, now } = options;
  const windowEndsAt = new Date(now.getTime() + options.windowMs);
  // A lost race (another request reset the window or created the row first) is retried as an increment.
  for (let attempt = 0; attempt < 3; attempt++) {
    // One UPDATE … WHERE … RETURNING on both databases: the condition and the increment are one step.
    const taken = await db.stepUpLimit
      .update({
        where: { key, windowEndsAt: { gt: now }, count: { lt: max } },
        data: { count: { increment: 1 } },
        select: { count: true },
      })
      .catch(noMatch);
    if (taken) return { ok: true, position: taken.count };
    // A window that has ended starts again; of racing resets only one matches (the others see the new end).
    const reset = await db.stepUpLimit.updateMany({
      where: { key, windowEndsAt: { lte: now } },
      data: { count: 1, windowEndsAt },
    });
    if (reset.count === 1) return { ok: true, position: 1 };
    const row = await db.stepUpLimit.findUnique({ where: { key } });
    if (row && row.windowEndsAt > now && row.count >= max)
      return { ok: false, retryAfterMs: row.windowEndsAt.getTime() - now.getTime() };
    if (row) continue;
    try {
      await db.stepUpLimit.create({ data: { key, count: 1, windowEndsAt } });
      return { ok: true, position: 1 };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  // Still contended after retries: refuse, which is the safe answer for a limit.
  return { ok: false, retryAfterMs: 1_000 };
}

/** Gives a reservation back (the attempt succeeded, or was never evaluated). */
export async function releaseSlot(db: Database, key: string): Promise<void> {
  await db.stepUpLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Milliseconds until `key` admits again, or 0 when it admits now (reservations in flight count). */
export async function lockedForMs(db: Database, options: Omit<LimitOptions, "windowMs">): Promise<number> {
  const row = await db.stepUpLimit.findUnique({ where: { key: options.key } });
  if (!row || row.count < options.max) return 0;
  return Math.max(0, row.windowEndsAt.getTime() - options.now.getTime());
}

/**
 * The last admitted attempt failed and filled the window: the lock lasts `lockoutMs` from now (never
 * shorter than the window already running).
 */
export async function holdLock(db: Database, options: { key: string; until: Date }): Promise<void> {
  await db.stepUpLimit.updateMany({
    where: { key: options.key, windowEndsAt: { lt: options.until } },
    data: { windowEndsAt: options.until },
  });
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** A conditional `update` that matched no row (P2025) is an answer, not an error: null. */
export function noMatch(error: unknown): null {
  if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025") return null;
  throw error;
}
