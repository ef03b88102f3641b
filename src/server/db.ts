import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgres/client";

export type Database = PrismaClient;
export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

/** `postgresql://` or `postgres://` selects PostgreSQL; anything else is a SQLite file (ADR 018). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

// The pool under each PostgreSQL client this file created (pgPoolOf).
const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * One client per URL; tests create their own. The same build serves either database: the PostgreSQL
 * client is generated from a schema derived from the SQLite one (same models, same delegates), so it
 * is used through the SQLite client's type.
 */
export function createDatabase(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): PrismaClient {
  if (!isPostgresUrl(url)) return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  // The pool is ours so that the session lookup can use it directly (pgPoolOf); Prisma ends it on $disconnect.
  const pool = new pg.Pool({ connectionString: url });
  const client = new PostgresPrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
  }) as unknown as PrismaClient;
  pools.set(client, pool);
  return client;
}

/**
 * The `pg` pool under a PostgreSQL client, while it is open: the one query every signed-in request
 * makes (the session lookup) runs on it directly, without Prisma's per-query work (~0.55 ms against
 * ~0.17 ms here, ADR 025). Undefined for SQLite, for a wrapped client and after `$disconnect`.
 */
export function pgPoolOf(db: PrismaClient): pg.Pool | undefined {
  const pool = pools.get(db);
  return pool && !pool.ended ? pool : undefined;
}

const globalForDb = globalThis as unknown as { db?: PrismaClient };

// Reused across hot reloads in development so connections are not leaked.
export const db: PrismaClient = globalForDb.db ?? createDatabase();
if (process.env.NODE_ENV !== "production") globalForDb.db = db;
