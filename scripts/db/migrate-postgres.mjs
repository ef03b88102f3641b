/**
 * The PostgreSQL migration runner (ADR 018). Prisma 6.19's `migrate deploy` cannot read PostgreSQL's
 * catalog through the driver adapter here ("Column type 'name' could not be deserialized"), so the
 * committed SQL in prisma/migrations-postgres is applied by this file instead:
 * - one runner at a time: every instance may run it at start-up; a session advisory lock serializes
 *   them and the late ones find nothing left to do;
 * - each migration in its own transaction, recorded with a checksum in "_step_up_migrations";
 * - an applied migration whose file changed, or one the database has and this build lacks, stops it.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export const POSTGRES_MIGRATIONS_DIR = "prisma/migrations-postgres";
const LOCK = "step-up:migrate";

/** `postgresql://` and `postgres://` URLs mean PostgreSQL; anything else is SQLite. */
export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//.test(url ?? "");
}

export function listMigrations(dir = POSTGRES_MIGRATIONS_DIR) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => {
      const sql = readFileSync(path.join(dir, entry.name, "migration.sql"), "utf8");
      return { name: entry.name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Creates the database named in `url` when the server does not have it yet (a first `db:setup`). */
export async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) throw new Error(`DATABASE_URL names no database: ${url}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return rowCount === 0;
  } finally {
    await client.end();
  }
}

/** Applies every pending migration; returns the names it applied. */
export async function migratePostgres(url, { dir = POSTGRES_MIGRATIONS_DIR, log = () => {} } = {}) {
  const migrations = listMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_step_up_migrations" (
      "name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP)`);
    const { rows } = await client.query(`SELECT "name", "checksum" FROM "_step_up_migrations"`);
    const applied = new Map(rows.map((row) => [row.name, row.checksum]));
    checkHistory(applied, migrations);
    const done = [];
    for (const migration of migrations.filter((m) => !applied.has(m.name))) {
      await applyOne(client, migration);
      log(`Applied ${migration.name}`);
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext($1))", [LOCK]).catch(() => {});
    await client.end();
  }
}

function checkHistory(applied, migrations) {
  const known = new Map(migrations.map((m) => [m.name, m.checksum]));
  for (const [name, checksum] of applied) {
    if (!known.has(name))
      throw new Error(`The database has migration ${name}, which this build does not have: deploy a newer build.`);
    if (known.get(name) !== checksum)
      throw new Error(`Migration ${name} was edited after it was applied: add a new migration instead.`);
  }
}

async function applyOne(client, migration) {
  try {
    await client.query("BEGIN");
    // Simple-query protocol (no parameters): the file may hold many statements and $$ bodies.
    await client.query(migration.sql);
    await client.query(`INSERT INTO "_step_up_migrations" ("name", "checksum") VALUES ($1, $2)`, [
      migration.name,
      migration.checksum,
    ]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw new Error(`Migration ${migration.name} failed and was rolled back`, { cause: error });
  }
}
