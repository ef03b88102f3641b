import "server-only";
import type { Database, Transaction } from "../db";
import { generateToken, sha256Hex } from "../crypto";
import { findSessionRowSql } from "./session-sql";

/** The session cookie (httpOnly, SameSite=Lax: `serializeCookie` from @step-up/next/server). */
export const SESSION_COOKIE = "session";

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface AuthSession {
  id: string;
  userId: string;
  activeOrganizationId: string | null;
  /** Role in the active organization. */
  role: "member" | "admin" | null;
  ip: string | null;
  userAgent: string | null;
  authenticatedAt: Date;
  user: SessionUser;
  /** Step-up's per-call state when the SQL lookup read it (handed to the module as identity.sessionState). */
  stepUpState?: { stepUpGrants: unknown; stepUpRevision: unknown };
}

export async function createSession(
  db: Database,
  options: { userId: string; organizationId: string | null; ip: string | null; userAgent: string | null; now: Date },
): Promise<{ token: string; sessionId: string }> {
  const token = generateToken();
  const session = await db.session.create({
    data: {
      tokenHash: sha256Hex(token),
      userId: options.userId,
      activeOrganizationId: options.organizationId,
      ip: options.ip,
      userAgent: options.userAgent,
      authenticatedAt: options.now,
      expiresAt: new Date(options.now.getTime() + SESSION_TTL_MS),
    },
  });
  return { token, sessionId: session.id };
}

/** What both lookups read: the session, its user and the role in its active organization. */
export interface SessionRow {
  id: string;
  userId: string;
  activeOrganizationId: string | null;
  ip: string | null;
  userAgent: string | null;
  authenticatedAt: Date;
  expiresAt: Date;
  email: string;
  name: string;
  deletedAt: Date | null;
  role: string | null;
  /** Only the SQL lookup reads it (in the same query); without it step-up reads its state itself. */
  stepUpState?: { stepUpGrants: unknown; stepUpRevision: unknown };
}

/**
 * The session for a cookie token, or null when unknown, expired or the user is deleted. A plain Prisma
 * read; `SESSION_LOOKUP=sql` swaps in the benchmark-tuned single query of session-sql.ts (ADR 025).
 */
export async function validateSessionToken(db: Database, token: string, now: Date): Promise<AuthSession | null> {
  const tokenHash = sha256Hex(token);
  const row =
    process.env.SESSION_LOOKUP === "sql" ? await findSessionRowSql(db, tokenHash) : await findSessionRow(db, tokenHash);
  return row && toAuthSession(row, now);
}

/** The session row through Prisma: the session with its user, and the user's membership in the active organization. */
export async function findSessionRow(db: Database, tokenHash: string): Promise<SessionRow | null> {
  const session = await db.session.findUnique({
    where: { tokenHash },
    include: {
      user: {
        select: {
          email: true,
          name: true,
          deletedAt: true,
          memberships: { select: { organizationId: true, role: true } },
        },
      },
    },
  });
  if (!session) return null;
  const { user, ...row } = session;
  const membership = user.memberships.find((m) => m.organizationId === session.activeOrganizationId);
  return { ...row, email: user.email, name: user.name, deletedAt: user.deletedAt, role: membership?.role ?? null };
}

function toAuthSession(row: SessionRow, now: Date): AuthSession | null {
  if (row.expiresAt <= now || row.deletedAt !== null) return null;
  const member = row.role !== null;
  return {
    id: row.id,
    userId: row.userId,
    activeOrganizationId: member ? row.activeOrganizationId : null,
    role: member ? (row.role === "admin" ? "admin" : "member") : null,
    ip: row.ip,
    userAgent: row.userAgent,
    authenticatedAt: row.authenticatedAt,
    user: { id: row.userId, email: row.email, name: row.name },
    stepUpState: row.stepUpState,
  };
}

export async function deleteSession(db: Database | Transaction, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
