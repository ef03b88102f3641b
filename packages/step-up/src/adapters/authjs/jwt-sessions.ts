import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod/v4";
import type { StepUpIdentity } from "../../server/ports";

/**
 * JWT sessions: Auth.js re-encodes the token on every session read (new `iat`, new `jti`), so neither
 * identifies the session nor dates the sign-in. The adapter's `jwt` callback stamps both once, at sign-in
 * (ADR 033): `stepUpSid` (random) and `stepUpAuthTime` (seconds).
 */
const claims = z.object({ sub: z.string(), stepUpSid: z.string(), stepUpAuthTime: z.number() });

export const MISSING_CLAIMS =
  "Auth.js adapter (JWT sessions): the token has no stepUpSid/stepUpAuthTime claims. Add `callbacks: " +
  "{ jwt: authjs.callbacks.jwt, session: authjs.callbacks.session }` to your Auth.js config (or call them from yours).";

/** Auth.js `callbacks.jwt`: stamps the session id and sign-in time when a user signs in (`user` is set). */
export function stampSignIn<T extends object>(
  params: { token: T; user?: unknown },
  now: Date,
): T & { stepUpSid?: string; stepUpAuthTime?: number } {
  if (!params.user) return params.token;
  return { ...params.token, stepUpSid: randomUUID(), stepUpAuthTime: Math.floor(now.getTime() / 1000) };
}

/** Auth.js `callbacks.session`: carries the stamped claims into what `auth()` returns, as `stepUp`. */
export function exposeClaims<S extends object>(params: { session: S; token?: unknown }): S {
  const parsed = claims.safeParse(params.token);
  if (!parsed.success) return params.session;
  const { sub, stepUpSid, stepUpAuthTime } = parsed.data;
  return { ...params.session, stepUp: { userId: sub, sessionId: stepUpSid, authenticatedAt: stepUpAuthTime } };
}

const exposed = z.object({
  stepUp: z.object({ userId: z.string(), sessionId: z.string(), authenticatedAt: z.number() }).optional(),
  user: z.unknown().optional(),
});

/** The identity from `auth()`'s result (null: signed out); a session without the claims fails loudly. */
export function identityFromSession(session: unknown): StepUpIdentity | null {
  if (!session) return null;
  const parsed = exposed.safeParse(session);
  if (!parsed.success || !parsed.data.stepUp) throw new Error(MISSING_CLAIMS);
  const { userId, sessionId, authenticatedAt } = parsed.data.stepUp;
  return { userId, sessionId, authenticatedAt: new Date(authenticatedAt * 1000) };
}

/** The session a JWT `events.signOut` reports (the decoded token). */
export function endedJwtSession(message: object): { sessionId: string } | null {
  if (!("token" in message)) return null;
  const token = z.object({ stepUpSid: z.string() }).safeParse(message.token);
  return token.success ? { sessionId: token.data.stepUpSid } : null;
}
