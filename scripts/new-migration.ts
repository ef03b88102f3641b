/**
 * `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
 * the SQL from the schema as of the latest committed migration to prisma/schema.prisma.
 * (`prisma migrate dev` and `diff --from-url` do not work with driver adapters here: see ADR 002.)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  process.stderr.write("Usage: npm run db:new-migration -- <name>\n");
  process.exit(2);
}
const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
const lastMigrationCommit = git("log", "-1", "--format=%H", "--", "prisma/migrations");
const dir = mkdtempSync(path.join(tmpdir(), "migration-"));
try {
  const previous = path.join(dir, "previous.prisma");
  writeFileSync(previous, git("show", `${lastMigrationCommit}:prisma/schema.prisma`));
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const out = path.join("prisma/migrations", `${stamp}_${name}`);
  mkdirSync(out, { recursive: true });
  const file = path.join(out, "migration.sql");
  execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      previous,
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
      "-o",
      file,
    ],
    {
      env: { DATABASE_URL: "file:./prisma/dev.db", ...process.env },
      stdio: "pipe",
    },
  );
  process.stdout.write(`Wrote ${file} (${readFileSync(file, "utf8").split("\n").length} lines)\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
