import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";

export function createDatabase(url = process.env.DATABASE_URL ?? "file:./prisma/dev.db"): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

const globalForDb = globalThis as unknown as { db?: PrismaClient };

// Reused across hot reloads in development so connections are not leaked.
export const db: PrismaClient = globalForDb.db ?? createDatabase();
if (process.env.NODE_ENV !== "production") globalForDb.db = db;
