import "server-only";
import { z } from "zod/v4";
import type { StepUpIdentity } from "../../server/ports";

/**
 * The host's Prisma delegates the adapter reads, as `@auth/prisma-adapter`'s schema has them, plus
 * `Session.createdAt` (see ADR 033: Auth.js moves `expires` on activity, so only a creation time
 * tells when the user signed in).
 */
export interface AuthjsSessionDelegate {
  findUnique(args: {
    where: { sessionToken: string };
    select: { id: true; userId: true; expires: true; createdAt: true };
  }): PromiseLike<unknown>;
  deleteMany(args: { where: { userId: string; id: { not: string } } }): PromiseLike<{ count: number }>;
}

const sessionRow = z.object({ id: z.string(), userId: z.string(), expires: z.date(), createdAt: z.date() });

export const MISSING_CREATED_AT =
  "Auth.js adapter: your Session model needs `createdAt DateTime @default(now())` (the sign-in time step-up " +
  "measures the low level from; Auth.js's schema has none). Add it, create a migration and run prisma generate.";

/** The signed-in session for an Auth.js database session token; null when unknown or expired. */
export async function findDatabaseSession(
  session: AuthjsSessionDelegate,
  sessionToken: string,
  now: Date,
): Promise<StepUpIdentity | null> {
  let row: unknown;
  try {
    row = await session.findUnique({
      where: { sessionToken },
      select: { id: true, userId: true, expires: true, createdAt: true },
    });
  } catch (error) {
    // Prisma refuses a select of a column the schema lacks: say which one, keep the cause.
    const missingColumn = error instanceof Error && /createdAt/.test(error.message);
    throw missingColumn ? new Error(MISSING_CREATED_AT, { cause: error }) : error;
  }
  if (row === null) return null;
  const parsed = sessionRow.safeParse(row);
  if (!parsed.success) throw new Error(MISSING_CREATED_AT, { cause: parsed.error });
  if (parsed.data.expires <= now) return null;
  // The row id, not the token: step-up stores the session id in its own tables and audit log.
  return { userId: parsed.data.userId, sessionId: parsed.data.id, authenticatedAt: parsed.data.createdAt };
}

/** The row id of the session Auth.js's `events.signOut` reports (the deleted Session row). */
export function endedDatabaseSession(message: object): { sessionId: string } | { userId: string } | null {
  if (!("session" in message)) return null;
  const row = z.object({ id: z.string().optional(), userId: z.string() }).safeParse(message.session);
  if (!row.success) return null;
  // An adapter that does not return the deleted row's id: every session of the user loses its grants.
  return row.data.id ? { sessionId: row.data.id } : { userId: row.data.userId };
}
