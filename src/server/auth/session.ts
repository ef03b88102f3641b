import "server-only";
import type { Database, Transaction } from "../db";
import { generateToken, sha256Hex } from "../crypto";

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

/** The session for a cookie token, or null when unknown, expired or the user is deleted. */
export async function validateSessionToken(db: Database, token: string, now: Date): Promise<AuthSession | null> {
  const row = await db.session.findUnique({
    where: { tokenHash: sha256Hex(token) },
    include: { user: { select: { id: true, email: true, name: true, deletedAt: true, memberships: true } } },
  });
  if (!row || row.expiresAt <= now || row.user.deletedAt) return null;
  const membership = row.user.memberships.find((m) => m.organizationId === row.activeOrganizationId);
  return {
    id: row.id,
    userId: row.userId,
    activeOrganizationId: membership ? row.activeOrganizationId : null,
    role: membership ? (membership.role === "admin" ? "admin" : "member") : null,
    ip: row.ip,
    userAgent: row.userAgent,
    authenticatedAt: row.authenticatedAt,
    user: { id: row.user.id, email: row.user.email, name: row.user.name },
  };
}

export async function deleteSession(db: Database | Transaction, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
