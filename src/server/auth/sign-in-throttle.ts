import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "../db";

/** Failures counted per fixed window; the window starts with the first failure (ADR 012). */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Wrong passwords for one email address per window, from anywhere. */
export const SIGN_IN_ACCOUNT_FAILURES = 5;
/** Wrong passwords from one client address per window, over every email address it tries. */
export const SIGN_IN_IP_FAILURES = 25;

export interface SignInAttempt {
  /** Hands back the points reserved for this attempt when the password was right. */
  succeeded(): Promise<void>;
}

export type SignInAdmission = { ok: true; attempt: SignInAttempt } | { ok: false; retryAfterSeconds: number };

/**
 * Reserves one failure for this email (and client address, when known) before the password is
 * checked, so parallel guesses are all counted: the counters are incremented by the database
 * (an atomic upsert), never read-then-written. A correct password resets the account counter and
 * gives the address its point back; a wrong one keeps them. Store errors propagate (fail closed).
 */
export async function admitSignIn(db: Database, key: { email: string; ip: string | null }): Promise<SignInAdmission> {
  const { account, ip } = limiters(db);
  const reservations = [account.consume(key.email)];
  if (key.ip) reservations.push(ip.consume(key.ip));
  const results = await Promise.allSettled(reservations);
  const refused: RateLimiterRes[] = [];
  for (const result of results) {
    if (result.status === "fulfilled") continue;
    if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
    refused.push(result.reason);
  }
  if (refused.length > 0) {
    const waitMs = Math.max(...refused.map((res) => res.msBeforeNext));
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
  return {
    ok: true,
    attempt: {
      async succeeded() {
        await account.delete(key.email);
        if (key.ip) await ip.reward(key.ip);
      },
    },
  };
}

function limiters(db: Database) {
  // Cheap to build: options only. clearExpiredByTimeout off: src/step-up/server/cleanup.ts purges.
  const options = { storeClient: db, tableName: "signInThrottle", duration: SIGN_IN_WINDOW_SECONDS };
  return {
    account: new RateLimiterPrisma({
      ...options,
      keyPrefix: "account",
      points: SIGN_IN_ACCOUNT_FAILURES,
      clearExpiredByTimeout: false,
    }),
    ip: new RateLimiterPrisma({
      ...options,
      keyPrefix: "ip",
      points: SIGN_IN_IP_FAILURES,
      clearExpiredByTimeout: false,
    }),
  };
}
