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
 * How long the app waits for its database before the call fails with 503 UNAVAILABLE (ADR 026): a hung
 * database must cost seconds, not a request that never answers. Environment: DATABASE_CONNECT_TIMEOUT_MS,
 * DATABASE_QUERY_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS (PostgreSQL), DATABASE_BUSY_TIMEOUT_MS (SQLite).
 */
export interface DatabaseTimeouts {
  /** PostgreSQL: opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** PostgreSQL, in the client: no answer to a query (a hung server or network). */
  queryMs: number;
  /** PostgreSQL, in the server: a statement running this long is cancelled (before queryMs; connection kept). */
  statementMs: number;
  /** SQLite: waiting for another process's lock. */
  busyMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 2_000,
  queryMs: 4_000,
  statementMs: 3_000,
  busyMs: 3_000,
};

// A transaction left open by a client that died or hung releases its locks after this long.
const IDLE_IN_TRANSACTION_MS = 10_000;
// An idle pooled connection is closed after this long; TCP keep-alive notices a peer that vanished.
const IDLE_CONNECTION_MS = 30_000;

const TIMEOUT_ENV: Record<keyof DatabaseTimeouts, string> = {
  connectMs: "DATABASE_CONNECT_TIMEOUT_MS",
  queryMs: "DATABASE_QUERY_TIMEOUT_MS",
  statementMs: "DATABASE_STATEMENT_TIMEOUT_MS",
  busyMs: "DATABASE_BUSY_TIMEOUT_MS",
};

/** The timeouts from the environment (defaults where unset); a value that is not a positive integer stops start-up. */
export function databaseTimeoutsFromEnv(env: Record<string, string | undefined> = process.env): DatabaseTimeouts {
  const timeouts = { ...DEFAULT_DATABASE_TIMEOUTS };
  for (const key of Object.keys(TIMEOUT_ENV) as Array<keyof DatabaseTimeouts>) {
    const raw = env[TIMEOUT_ENV[key]];
    if (raw === undefined || raw === "") continue;
    if (!/^[1-9][0-9]*$/.test(raw))
      throw new Error(`${TIMEOUT_ENV[key]} must be a positive number of milliseconds, not "${raw}"`);
    timeouts[key] = Number(raw);
  }
  return timeouts;
}

export interface CreateDatabaseOptions {
  /** Defaults: the environment's, else DEFAULT_DATABASE_TIMEOUTS. */
  timeouts?: Partial<DatabaseTimeouts>;
}

/**
 * One client per URL; tests create their own. The same build serves either database: the PostgreSQL
 * client is generated from a schema derived from the SQLite one (same models, same delegates), so it
 * is used through the SQLite client's type.
 */
export function createDatabase(
  url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  options: CreateDatabaseOptions = {},
): PrismaClient {
  const timeouts = { ...databaseTimeoutsFromEnv(), ...options.timeouts };
  if (!isPostgresUrl(url))
    return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: timeouts.busyMs }) });
  // The pool is ours so that the session lookup can use it directly (pgPoolOf); Prisma ends it on $disconnect.
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    keepAlive: true,
  });
  // An idle connection the server dropped (a restart) leaves the pool; without a listener this 'error'
  // event would end the process (Prisma adds its own only once it has connected). The next query reconnects.
  pool.on("error", logIdleConnectionLost);
  const client = new PostgresPrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
  }) as unknown as PrismaClient;
  pools.set(client, pool);
  return client;
}

function logIdleConnectionLost(error: Error): void {
  const line = { level: "warn", source: "db", event: "pool.idle_connection_lost", message: error.message };
  process.stderr.write(`${JSON.stringify(line)}\n`);
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
