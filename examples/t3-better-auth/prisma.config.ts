import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// The JavaScript engine with the better-sqlite3 adapter works offline. The datasource must still
// resolve a url, or `prisma generate` tries to download an engine.
process.env.DATABASE_URL ??= "file:./prisma/dev.db";
const url = process.env.DATABASE_URL;

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  // A folder: t3's schema.prisma beside the step-up module's fragment.
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
