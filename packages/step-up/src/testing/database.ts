import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database } from "../server/db";
import { readTablesSql } from "../cli/module-files";
import { auditTriggersSql } from "../shared/audit-triggers";

export interface TestDatabase {
  /** A Prisma client for the module's tables only (the module's own generated client). */
  db: Database;
  /** `file:` URL of the database, for tools of your own (sqlite3, better-sqlite3). */
  url: string;
  /** Disconnects and deletes the temporary folder. */
  close(): Promise<void>;
}

/**
 * A fresh SQLite file in a temporary folder with the module's tables, indexes and the audit log's
 * append-only triggers, created from the SQL the package ships (the same as `npx step-up init` writes).
 * Needs `better-sqlite3` and `@prisma/adapter-better-sqlite3` (optional peer dependencies).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "step-up-test-"));
  const file = path.join(dir, "step-up.db");
  try {
    const { default: Sqlite } = await import("better-sqlite3");
    const sqlite = new Sqlite(file);
    try {
      // A throwaway file: WAL without fsync on each commit keeps a test's many small transactions fast.
      sqlite.pragma("journal_mode = WAL");
      sqlite.exec(`${readTablesSql("sqlite")}\n${auditTriggersSql("sqlite")}`);
    } finally {
      sqlite.close();
    }
    const url = `file:${file}`;
    const [{ PrismaBetterSQLite3 }, { PrismaClient }] = await Promise.all([
      import("@prisma/adapter-better-sqlite3"),
      import("../generated/prisma/client"),
    ]);
    const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
    await db.$executeRawUnsafe("PRAGMA synchronous = OFF");
    return {
      // The runtime client and the declarations the module is typed against are two generations of
      // one schema (prisma/client.prisma, ADR 031): alike, but TypeScript cannot prove it.
      db: db as unknown as Database,
      url,
      close: async () => {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      "createTestStepUp: could not create the SQLite test database (are better-sqlite3 and @prisma/adapter-better-sqlite3 installed?)",
      { cause: error },
    );
  }
}
