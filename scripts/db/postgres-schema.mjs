/**
 * Derives the PostgreSQL schema from the SQLite one (ADR 018): the same models, with the datasource's
 * provider switched and the client generated into src/generated/prisma-postgres. prisma/schema stays
 * the only schema anyone edits; prisma/postgres/schema is written by `npm run db:generate`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA_DIR = "prisma/schema";
export const POSTGRES_SCHEMA_DIR = "prisma/postgres/schema";

const HEADER = "// Written by scripts/db/postgres-schema.mjs from prisma/schema: edit that folder, not this one.\n";

/** The PostgreSQL text of one schema file: only the datasource provider and the client output differ. */
export function toPostgres(text) {
  const out = text
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(
      /output(\s*)=(\s*)"\.\.\/\.\.\/src\/generated\/prisma"/,
      'output$1=$2"../../../src/generated/prisma-postgres"',
    )
    // The adapter supplies the connection; the literal url only has to match the provider.
    .replace(/url(\s*)=(\s*)"file:[^"]*"/, 'url$1=$2"postgresql://localhost/unused"');
  if (/provider\s*=\s*"sqlite"/.test(out)) throw new Error("postgres-schema: a second sqlite datasource");
  return HEADER + out;
}

export function writePostgresSchema(root = process.cwd()) {
  const from = path.join(root, SQLITE_SCHEMA_DIR);
  const to = path.join(root, POSTGRES_SCHEMA_DIR);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const files = readdirSync(from).filter((name) => name.endsWith(".prisma"));
  for (const name of files) writeFileSync(path.join(to, name), toPostgres(readFileSync(path.join(from, name), "utf8")));
  const schema = readFileSync(path.join(to, "schema.prisma"), "utf8");
  if (!schema.includes('"postgresql"') || !schema.includes("prisma-postgres"))
    throw new Error("postgres-schema: prisma/schema/schema.prisma has no sqlite datasource or client output to switch");
  return files.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = writePostgresSchema();
  process.stdout.write(`Wrote ${count} files to ${POSTGRES_SCHEMA_DIR}\n`);
}
