import "server-only";
import { z } from "zod/v4";
import type { StepUpIdentity } from "../../server/ports";

/** better-auth's provider id for email-and-password accounts (the `Account` row that holds the hash). */
export const CREDENTIAL_PROVIDER = "credential";

const sessionResult = z.object({
  session: z.object({ id: z.string(), userId: z.string(), createdAt: z.coerce.date() }),
});

export const UNEXPECTED_SESSION =
  "better-auth adapter: auth.api.getSession returned a session without id, userId or createdAt (is `auth` a better-auth 1.x instance?)";

/**
 * The signed-in session from `auth.api.getSession`'s result: the session row's id (never its token,
 * a bearer secret) and its `createdAt`, which better-auth never moves (only `expiresAt`/`updatedAt` on activity).
 */
export function identityFromSession(result: unknown): StepUpIdentity | null {
  if (result === null || result === undefined) return null;
  const parsed = sessionResult.safeParse(result);
  if (!parsed.success) throw new Error(UNEXPECTED_SESSION, { cause: parsed.error });
  const { id, userId, createdAt } = parsed.data.session;
  return { userId, sessionId: id, authenticatedAt: createdAt };
}

/** An `Account` row as better-auth's adapter returns it; `password` is set on credential accounts only. */
export interface BetterAuthAccountRow {
  providerId: string;
  password?: string | null;
}

/** The password hash of the user's email-and-password account; null for users who sign in otherwise. */
export function findPasswordHash(accounts: readonly BetterAuthAccountRow[]): string | null {
  const credential = accounts.find((account) => account.providerId === CREDENTIAL_PROVIDER && account.password);
  return credential?.password ?? null;
}

/** The session better-auth deleted (sign-out, revocation, expiry), from its `session.delete.after` hook. */
export function endedSession(row: unknown): { sessionId: string } | null {
  const parsed = z.object({ id: z.string() }).safeParse(row);
  return parsed.success ? { sessionId: parsed.data.id } : null;
}
