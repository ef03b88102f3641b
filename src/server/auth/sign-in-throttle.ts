import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "../db";

/** Failures counted per fixed window; the window starts with the first failure (ADR 012). */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Wrong passwords for one email address per window, from anywhere. */
export const SIGN_IN_ACCOUNT_FAILURES = 5;
/** Wrong passwords from one client address per window, over every email address it tries. */
export const SIGN_IN_IP_FAILURES = 25;
/**
 * Wrong passwords from every unknown client address together (no trusted proxy, ADR 030), per short window:
 * password spraying gets this many guesses a minute over all accounts; a stopped attack clears within a minute.
 */
export const SIGN_IN_UNKNOWN_ADDRESS_FAILURES = 30;
export const SIGN_IN_UNKNOWN_ADDRESS_WINDOW_SECONDS = 60;
/** The one key the unknown-address budget is counted under. */
const UNKNOWN_ADDRESS = "all";

export interface SignInAttempt {
  /** Hands back the points reserved for this attempt when the password was right. */
  succeeded(): Promise<void>;
}

export type SignInAdmission =
  | { ok: true; attempt: SignInAttempt }
  | { ok: false; retryAfterSeconds: number; scope: "account" | "address" | "unknown_address" };

/**
 * Reserves one failure for this email and the client address (or, when it is unknown, the shared
 * unknown-address budget, ADR 030) before the password is checked, so parallel guesses are all counted:
 * the counters are incremented by the database (an atomic upsert), never read-then-written. A correct
 * password resets the account counter and gives the address (or the budget) its point back; a wrong one
 * keeps them. Store errors propagate (fail closed).
 */
export async function admitSignIn(db: Database, key: { email: string; ip: string | null }): Promise<SignInAdmission> {
  const { account, ip, unknown } = limiters(db);
  // Unknown address: the shared budget first, so a refused spray spends no victim's account counter.
  if (!key.ip) {
    const refused = await reserve(unknown.consume(UNKNOWN_ADDRESS));
    if (refused) return { ok: false, retryAfterSeconds: retryAfterOf([refused]), scope: "unknown_address" };
  }
  const [byAccount, byAddress] = await Promise.all([
    reserve(account.consume(key.email)),
    key.ip ? reserve(ip.consume(key.ip)) : null,
  ]);
  if (byAccount || byAddress) {
    const refused = [byAccount, byAddress].filter((res): res is RateLimiterRes => res !== null);
    return { ok: false, retryAfterSeconds: retryAfterOf(refused), scope: byAccount ? "account" : "address" };
  }
  return {
    ok: true,
    attempt: {
      async succeeded() {
        await account.delete(key.email);
        await (key.ip ? ip.reward(key.ip) : unknown.reward(UNKNOWN_ADDRESS));
      },
    },
  };
}

/** null when the point was reserved; the limiter's answer when the limit refused it. Store errors propagate. */
async function reserve(consumption: Promise<RateLimiterRes>): Promise<RateLimiterRes | null> {
  try {
    await consumption;
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return error;
    throw error;
  }
}

function retryAfterOf(refused: RateLimiterRes[]): number {
  const waitMs = Math.max(...refused.map((res) => res.msBeforeNext));
  return Math.max(1, Math.ceil(waitMs / 1000));
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
    unknown: new RateLimiterPrisma({
      ...options,
      keyPrefix: "unknown",
      points: SIGN_IN_UNKNOWN_ADDRESS_FAILURES,
      duration: SIGN_IN_UNKNOWN_ADDRESS_WINDOW_SECONDS,
      clearExpiredByTimeout: false,
    }),
  };
}
