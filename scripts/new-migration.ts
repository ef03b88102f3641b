/**
 * `npm run db:new-migration -- <name>`: after an edit of prisma/schema, writes one migration per
 * database, with the same timestamp and name: prisma/migrations/<stamp>_<name> (SQLite) and
 * prisma/migrations-postgres/<stamp>_<name> (PostgreSQL, ADR 018). Each is the SQL from the schema as
 * of the latest committed migration to the schema folder now. Hand-written parts (triggers, data
 * backfills) are added to both files by hand; the in-step test (tests/integration/migrations.test.ts)
 * then checks that each chain builds exactly the schema.
 * (`prisma migrate dev` and `diff --from-url` do not work with driver adapters here: see ADR 002.)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { toPostgres, writePostgresSchema, POSTGRES_SCHEMA_DIR, SQLITE_SCHEMA_DIR } from "./db/postgres-schema.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  process.stderr.write("Usage: npm run db:new-migration -- <name>\n");
  process.exit(2);
}
const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" });
const lastMigrationCommit = git(
  "log",
  "-1",
  "--format=%H",
  "--",
  "prisma/migrations",
  "prisma/migrations-postgres",
).trim();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = mkdtempSync(path.join(tmpdir(), "migration-"));

/** The schema folder as it was at the latest migration, in the dialect asked for. */
function previousSchema(dialect: "sqlite" | "postgres"): string {
  const out = path.join(dir, dialect);
  mkdirSync(out, { recursive: true });
  const files = git("ls-tree", "--name-only", `${lastMigrationCommit}:${SQLITE_SCHEMA_DIR}`)
    .split("\n")
    .filter(Boolean);
  for (const file of files.filter((f) => f.endsWith(".prisma"))) {
    const text = git("show", `${lastMigrationCommit}:${SQLITE_SCHEMA_DIR}/${file}`);
    writeFileSync(path.join(out, file), dialect === "postgres" ? toPostgres(text) : text);
  }
  return out;
}

function diff(from: string, to: string, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const args = ["prisma", "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to];
  execFileSync("npx", [...args, "--script", "-o", file], {
    env: { ...process.env, DATABASE_URL: "file:./prisma/dev.db" },
    stdio: "pipe",
  });
  process.stdout.write(`Wrote ${file} (${readFileSync(file, "utf8").split("\n").length} lines)\n`);
}

try {
  writePostgresSchema();
  diff(
    previousSchema("sqlite"),
    SQLITE_SCHEMA_DIR,
    path.join("prisma/migrations", `${stamp}_${name}`, "migration.sql"),
  );
  diff(
    previousSchema("postgres"),
    POSTGRES_SCHEMA_DIR,
    path.join("prisma/migrations-postgres", `${stamp}_${name}`, "migration.sql"),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
