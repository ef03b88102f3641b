import "server-only";
import { TRPCError } from "@trpc/server";

/** Sign-in refused before the password was checked: too many recent failures (ADR 012). */
export class SignInThrottledError extends TRPCError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super({
      code: "TOO_MANY_REQUESTS",
      message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    });
    this.name = "SignInThrottledError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A state-changing request from another site (Origin or Sec-Fetch-Site): refused before any procedure runs. */
export class CrossSiteRequestError extends TRPCError {
  constructor() {
    super({ code: "FORBIDDEN", message: "This request did not come from this site, so it was refused." });
    this.name = "CrossSiteRequestError";
  }
}

/** What the errorFormatter adds to `error.data` for these errors: a machine-readable reason. */
export function describeHttpError(
  error: unknown,
): { reason: "SIGN_IN_THROTTLED" | "CROSS_SITE"; retryAfter?: number } | null {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (current instanceof SignInThrottledError)
      return { reason: "SIGN_IN_THROTTLED", retryAfter: current.retryAfterSeconds };
    if (current instanceof CrossSiteRequestError) return { reason: "CROSS_SITE" };
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
