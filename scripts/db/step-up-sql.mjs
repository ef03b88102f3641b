/**
 * Writes packages/step-up/prisma/sql/<provider>.sql: the SQL that creates the module's tables on an
 * empty database (`prisma migrate diff --from-empty`), per supported provider. `npx step-up init`
 * ships these in the package and adds the append-only triggers (ADR 032); the CLI's tests check that
 * they are in step with step-up.prisma. Run after changing step-up.prisma: `node scripts/db/step-up-sql.mjs`.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const STEP_UP_SQL_DIR = "packages/step-up/prisma/sql";
const FRAGMENT = "packages/step-up/prisma/step-up.prisma";
const URLS = { sqlite: "file:./unused.db", postgresql: "postgresql://localhost/unused" };

/** The from-empty SQL of step-up.prisma on `provider`, run from `root` (its prisma.config.ts picks the JS engine). */
export function stepUpTablesSql(provider, root = process.cwd()) {
  const dir = mkdtempSync(path.join(tmpdir(), "step-up-sql-"));
  try {
    copyFileSync(path.join(root, FRAGMENT), path.join(dir, "step-up.prisma"));
    // A generator with engineType "client", or the CLI wants a query engine it cannot download offline.
    writeFileSync(
      path.join(dir, "datasource.prisma"),
      `datasource db {\n  provider = "${provider}"\n  url      = "${URLS[provider]}"\n}\n\n` +
        `generator client {\n  provider   = "prisma-client"\n  engineType = "client"\n  output     = "./unused"\n}\n`,
    );
    return execFileSync(
      "node",
      [
        "node_modules/prisma/build/index.js",
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        dir,
        "--script",
      ],
      { cwd: root, encoding: "utf8", stdio: "pipe", env: { ...process.env, DATABASE_URL: "file:./prisma/dev.db" } },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(STEP_UP_SQL_DIR, { recursive: true });
  for (const provider of Object.keys(URLS)) {
    writeFileSync(path.join(STEP_UP_SQL_DIR, `${provider}.sql`), stepUpTablesSql(provider));
    process.stdout.write(`Wrote ${STEP_UP_SQL_DIR}/${provider}.sql\n`);
  }
}
