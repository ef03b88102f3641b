import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Prisma 6.19's JavaScript engine works offline; see docs/decisions/002-prisma-6-better-sqlite3.md.
// DATABASE_URL chooses the database (ADR 018): a postgresql:// URL selects the derived PostgreSQL
// schema and its own migrations (applied by scripts/db/migrate.mjs, not `prisma migrate deploy`).
process.env.DATABASE_URL ??= "file:./prisma/dev.db";
const url = process.env.DATABASE_URL;
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: postgres ? "prisma/postgres/schema" : "prisma/schema",
  migrations: { path: postgres ? "prisma/migrations-postgres" : "prisma/migrations" },
  adapter: async () => (postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
