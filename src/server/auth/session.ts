import "server-only";
import { sessionStateSql } from "@step-up/next/server";
import { Prisma } from "@/generated/prisma/client";
import pg from "pg";
import { pgPoolOf, type Database, type Transaction } from "../db";
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
  /** Step-up's per-call state, read by the same query (handed to the module as identity.sessionState). */
  stepUpState: { stepUpGrants: unknown; stepUpRevision: unknown };
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

interface SessionRow {
  id: string;
  userId: string;
  activeOrganizationId: string | null;
  ip: string | null;
  userAgent: string | null;
  authenticatedAt: Date | string;
  expiresAt: Date | string;
  email: string;
  name: string;
  deletedAt: Date | string | null;
  role: string | null;
  stepUpGrants: unknown;
  stepUpRevision: unknown;
}

// Constant SQL text (no request data): the session, its user, the active membership and the module's
// state joined onto it, so a protected call reads nothing more than this one query before its own work.
// Portable SQL: the same text on SQLite and PostgreSQL; the token hash is its only parameter.
const STEP_UP_STATE = sessionStateSql(`s."id"`);
const SESSION_QUERY = `
    SELECT s."id", s."userId", s."activeOrganizationId", s."ip", s."userAgent", s."authenticatedAt",
           s."expiresAt", u."email", u."name", u."deletedAt", m."role", ${STEP_UP_STATE.columns}
    FROM "Session" AS s
    JOIN "User" AS u ON u."id" = s."userId"
    LEFT JOIN "Membership" AS m ON m."userId" = s."userId" AND m."organizationId" = s."activeOrganizationId"
    ${STEP_UP_STATE.joins}
    WHERE s."tokenHash" = `;
const PG_SESSION_QUERY = `${SESSION_QUERY}$1`;

// Prisma's DateTime is `timestamp(3)` (without time zone) holding UTC; pg would read it as local time.
const PG_TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.TIMESTAMP
      ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * The session for a cookie token, or null when unknown, expired or the user is deleted. Every signed-in
 * request starts here, so it is one query (not the four that a nested Prisma `include` and the module's
 * own read would issue), and on PostgreSQL it goes to the driver's pool directly (ADR 025).
 */
export async function validateSessionToken(db: Database, token: string, now: Date): Promise<AuthSession | null> {
  const tokenHash = sha256Hex(token);
  const pool = pgPoolOf(db);
  const [row] = pool
    ? (
        await pool.query<SessionRow>({
          name: "session_lookup",
          text: PG_SESSION_QUERY,
          values: [tokenHash],
          types: PG_TYPES,
        })
      ).rows
    : await db.$queryRaw<SessionRow[]>(Prisma.sql([SESSION_QUERY, ""], tokenHash));
  // A raw query hands SQLite's DateTime back as its stored ISO text, PostgreSQL's as a Date.
  if (!row || new Date(row.expiresAt) <= now || row.deletedAt !== null) return null;
  const member = row.role !== null;
  return {
    id: row.id,
    userId: row.userId,
    activeOrganizationId: member ? row.activeOrganizationId : null,
    role: member ? (row.role === "admin" ? "admin" : "member") : null,
    ip: row.ip,
    userAgent: row.userAgent,
    authenticatedAt: new Date(row.authenticatedAt),
    user: { id: row.userId, email: row.email, name: row.name },
    stepUpState: { stepUpGrants: row.stepUpGrants, stepUpRevision: row.stepUpRevision },
  };
}

export async function deleteSession(db: Database | Transaction, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}
