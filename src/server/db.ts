import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";

export type Database = PrismaClient;
export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

/** One client per URL; tests create their own with a throwaway file. */
export function createDatabase(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

const globalForDb = globalThis as unknown as { db?: PrismaClient };

// Reused across hot reloads in development so connections are not leaked.
export const db: PrismaClient = globalForDb.db ?? createDatabase();
if (process.env.NODE_ENV !== "production") globalForDb.db = db;
