/**
 * `npm run db:migrate`: brings the database in DATABASE_URL to the committed schema. SQLite goes
 * through `prisma migrate deploy`; PostgreSQL through our runner (migrate-postgres.mjs, ADR 018).
 */
import { execFileSync } from "node:child_process";
import { ensureDatabase, isPostgresUrl, migratePostgres } from "./migrate-postgres.mjs";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";

if (isPostgresUrl(url)) {
  if (await ensureDatabase(url)) process.stdout.write(`Created database ${new URL(url).pathname.slice(1)}\n`);
  const applied = await migratePostgres(url, { log: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(applied.length === 0 ? "No pending migrations.\n" : `${applied.length} migration(s) applied.\n`);
} else {
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
}
