import "server-only";
import { sessionStateSql } from "@step-up/next/server";
import { Prisma } from "@/generated/prisma/client";
import pg from "pg";
import { pgPoolOf, type Database } from "../db";
import type { SessionRow } from "./session";

/**
 * OPTIONAL OPTIMISATION, off by default (`SESSION_LOOKUP=sql` turns it on; session.ts has the plain
 * lookup). The demo's session lookup tuned for `npm run bench`: one raw SQL query for the session, its
 * user, the active membership and step-up's per-call state (ADR 024), sent on PostgreSQL to the `pg`
 * pool directly, past Prisma's per-query work (~0.55 ms against ~0.17 ms here, ADR 025). The price is
 * what a reader sees below: SQL text to keep in step with the schema and a timestamp parser of our own.
 */

// Constant SQL text (no request data); portable: the same on SQLite and PostgreSQL, the token hash its
// only parameter.
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

interface RawSessionRow extends Omit<SessionRow, "authenticatedAt" | "expiresAt" | "deletedAt" | "stepUpState"> {
  authenticatedAt: Date | string;
  expiresAt: Date | string;
  deletedAt: Date | string | null;
  stepUpGrants: unknown;
  stepUpRevision: unknown;
}

/** The session row for a token hash in one query: on the `pg` pool on PostgreSQL, else Prisma's `$queryRaw`. */
export async function findSessionRowSql(db: Database, tokenHash: string): Promise<SessionRow | null> {
  const pool = pgPoolOf(db);
  const [row] = pool
    ? (
        await pool.query<RawSessionRow>({
          name: "session_lookup",
          text: PG_SESSION_QUERY,
          values: [tokenHash],
          types: PG_TYPES,
        })
      ).rows
    : await db.$queryRaw<RawSessionRow[]>(Prisma.sql([SESSION_QUERY, ""], tokenHash));
  if (!row) return null;
  const { stepUpGrants, stepUpRevision, ...rest } = row;
  // A raw query hands SQLite's DateTime back as its stored ISO text, PostgreSQL's as a Date.
  return {
    ...rest,
    authenticatedAt: new Date(row.authenticatedAt),
    expiresAt: new Date(row.expiresAt),
    deletedAt: row.deletedAt === null ? null : new Date(row.deletedAt),
    stepUpState: { stepUpGrants, stepUpRevision },
  };
}
