import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { POSTGRES_MIGRATIONS_DIR, ensureDatabase, migratePostgres } from "../../scripts/db/migrate-postgres.mjs";
import { POSTGRES_SCHEMA_DIR, SQLITE_SCHEMA_DIR, writePostgresSchema } from "../../scripts/db/postgres-schema.mjs";
import { testDialect } from "./harness";

/**
 * The two migration chains stay in step with the schema (ADR 018): each chain, applied from nothing,
 * builds exactly the catalog that Prisma's from-empty SQL of the schema folder builds, plus the
 * hand-written append-only triggers. Runs in the project of its database: SQLite's chain in
 * `integration`, PostgreSQL's (and its runner) in `integration-postgres`.
 */
const SQLITE_MIGRATIONS_DIR = "prisma/migrations";
const AUDIT_TRIGGERS = ["StepUpAuditEvent_no_delete", "StepUpAuditEvent_no_update"];
const scratch = mkdtempSync(path.join(tmpdir(), "migrations-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `prisma migrate diff --from-empty`: the SQL that builds the schema folder on an empty database. */
function fromEmptySql(schemaDir: string): string {
  return execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaDir, "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: "file:./prisma/dev.db" }, stdio: "pipe" },
  );
}

/** A copy of a migrations folder holding only the migrations before `stamp`. */
function migrationsBefore(dir: string, stamp: string): string {
  const out = path.join(scratch, `before-${stamp}-${randomUUID()}`);
  for (const name of readdirSync(dir).filter((entry) => entry < stamp && /^\d{14}_/.test(entry)))
    cpSync(path.join(dir, name), path.join(out, name), { recursive: true });
  return out;
}

describe.runIf(testDialect() === "sqlite")("SQLite migrations", () => {
  function sqliteCatalog(file: string) {
    const db = new Sqlite(file, { readonly: true });
    try {
      const tables = db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .pluck()
        .all() as string[];
      return Object.fromEntries(
        tables.map((table) => [
          table,
          {
            columns: db
              .prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY name`)
              .all(table),
            indexes: db
              .prepare(
                `SELECT il.name, il."unique", group_concat(ii.name, ',') AS columns FROM pragma_index_list(?) AS il, pragma_index_info(il.name) AS ii GROUP BY il.name ORDER BY il.name`,
              )
              .all(table),
            foreignKeys: db
              .prepare(
                `SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY "from"`,
              )
              .all(table),
          },
        ]),
      );
    } finally {
      db.close();
    }
  }

  function triggers(file: string): string[] {
    const db = new Sqlite(file, { readonly: true });
    const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).pluck().all();
    db.close();
    return names as string[];
  }

  it("the committed chain, applied by `npm run db:migrate`, builds exactly what the schema folder says, and the audit triggers", () => {
    const chain = path.join(scratch, "chain.db");
    execFileSync("node", ["scripts/db/migrate.mjs"], {
      env: { ...process.env, DATABASE_URL: `file:${chain}` },
      stdio: "pipe",
    });
    const expected = path.join(scratch, "expected.db");
    const db = new Sqlite(expected);
    db.exec(fromEmptySql(SQLITE_SCHEMA_DIR));
    db.close();

    expect(sqliteCatalog(chain)).toEqual(sqliteCatalog(expected));
    expect(triggers(chain)).toEqual(expect.arrayContaining(AUDIT_TRIGGERS));
  });

  it("the audit-metric migration backfills day, requirementId and secondsToVerify of existing rows", () => {
    const file = path.join(scratch, "backfill.db");
    const db = new Sqlite(file);
    const apply = (dir: string) =>
      readdirSync(dir)
        .filter((name) => /^\d{14}_/.test(name))
        .sort()
        .forEach((name) => db.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8")));
    apply(migrationsBefore(SQLITE_MIGRATIONS_DIR, "20261204090000"));
    const insert = db.prepare(
      `INSERT INTO "StepUpAuditEvent" ("id", "type", "severity", "data", "createdAt") VALUES (?, ?, 'info', ?, ?)`,
    );
    // Prisma's SQLite adapter stores DateTime as ISO text, which the backfill reads.
    insert.run("a1", "stepup.required", JSON.stringify({ requirementId: "r1" }), "2026-11-30T23:59:50.000Z");
    insert.run("a2", "stepup.verified", JSON.stringify({ requirementId: "r1" }), "2026-12-01T00:00:02.500Z");
    insert.run("a3", "auth.signed_in", "{}", "2026-12-01T08:00:00.000Z");
    db.exec(
      readFileSync(path.join(SQLITE_MIGRATIONS_DIR, "20261204090000_audit_metric_columns", "migration.sql"), "utf8"),
    );

    const rows = db
      .prepare(`SELECT "id", "day", "requirementId", "secondsToVerify" FROM "StepUpAuditEvent" ORDER BY "id"`)
      .all();
    expect(rows).toEqual([
      { id: "a1", day: "2026-11-30", requirementId: "r1", secondsToVerify: null },
      { id: "a2", day: "2026-12-01", requirementId: "r1", secondsToVerify: expect.closeTo(12.5, 3) },
      { id: "a3", day: "2026-12-01", requirementId: null, secondsToVerify: null },
    ]);
    expect(() => db.exec(`DELETE FROM "StepUpAuditEvent"`)).toThrow(/append-only/);
    db.close();
  });
});

describe.runIf(testDialect() === "postgres")("PostgreSQL migrations and their runner", () => {
  const serverUrl = () => {
    const url = new URL(inject("testDatabaseTemplate").url);
    url.pathname = "/postgres";
    return url;
  };
  const clients: pg.Client[] = [];
  afterAll(async () => Promise.all(clients.map((client) => client.end())));

  async function freshDatabase(): Promise<{ url: string; client: pg.Client }> {
    const url = serverUrl();
    url.pathname = `/migrations_${randomUUID().replaceAll("-", "")}`;
    await ensureDatabase(url.toString());
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    clients.push(client);
    return { url: url.toString(), client };
  }

  async function catalog(client: pg.Client) {
    const query = async (sql: string) => (await client.query(sql)).rows;
    return {
      columns: await query(`SELECT table_name, column_name, data_type, is_nullable, column_default
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%'
        ORDER BY table_name, column_name`),
      indexes: await query(`SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename NOT LIKE '\\_%' ORDER BY indexname`),
      constraints:
        await query(`SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conname NOT LIKE '\\_%'
        ORDER BY conname`),
      triggers: await query(`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`),
    };
  }

  it("the committed chain, applied by the runner, builds exactly what the derived schema says, and the audit triggers", async () => {
    writePostgresSchema();
    const chain = await freshDatabase();
    await migratePostgres(chain.url);
    const expected = await freshDatabase();
    await expected.client.query(fromEmptySql(POSTGRES_SCHEMA_DIR));

    const built = await catalog(chain.client);
    const wanted = await catalog(expected.client);
    expect(built.columns).toEqual(wanted.columns);
    expect(built.indexes).toEqual(wanted.indexes);
    expect(built.constraints).toEqual(wanted.constraints);
    expect(built.triggers.map((row) => row.tgname)).toEqual(
      expect.arrayContaining([...AUDIT_TRIGGERS, "StepUpAuditEvent_no_truncate"]),
    );
  });

  it("instances starting at once apply each migration exactly once; a later run finds nothing to do", async () => {
    const { url, client } = await freshDatabase();
    const runs = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
    const all = readdirSync(POSTGRES_MIGRATIONS_DIR)
      .filter((name) => /^\d{14}_/.test(name))
      .sort();
    expect(runs.flat().sort()).toEqual(all);
    expect(runs.filter((applied) => applied.length > 0)).toHaveLength(1);
    expect(await migratePostgres(url)).toEqual([]);
    const recorded = (await client.query(`SELECT "name" FROM "_step_up_migrations" ORDER BY "name"`)).rows;
    expect(recorded.map((row) => row.name)).toEqual(all);
  });

  it("refuses a migration edited after it was applied, and a database ahead of the build, changing nothing", async () => {
    const { url, client } = await freshDatabase();
    const dir = migrationsBefore(POSTGRES_MIGRATIONS_DIR, "99999999999999");
    await migratePostgres(url, { dir });
    const [first] = readdirSync(dir).sort();
    writeFileSync(
      path.join(dir, first!, "migration.sql"),
      `${readFileSync(path.join(dir, first!, "migration.sql"), "utf8")}\n-- edited\n`,
    );
    await expect(migratePostgres(url, { dir })).rejects.toThrow(/was edited after it was applied/);

    const older = migrationsBefore(POSTGRES_MIGRATIONS_DIR, "20261204090000");
    await expect(migratePostgres(url, { dir: older })).rejects.toThrow(/which this build does not have/);
    expect((await client.query(`SELECT count(*)::int AS n FROM "_step_up_migrations"`)).rows[0].n).toBe(
      readdirSync(dir).length,
    );
  });

  it("a failing migration is rolled back whole and not recorded", async () => {
    const { url, client } = await freshDatabase();
    const dir = migrationsBefore(POSTGRES_MIGRATIONS_DIR, "99999999999999");
    cpSync(path.join(dir, readdirSync(dir).sort()[0]!), path.join(dir, "99990101000000_broken"), { recursive: true });
    writeFileSync(
      path.join(dir, "99990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" ("id" TEXT);\nSELECT nonsense;`,
    );
    await expect(migratePostgres(url, { dir })).rejects.toThrow(/99990101000000_broken failed and was rolled back/);
    expect((await client.query(`SELECT to_regclass('"Half"') AS half`)).rows[0].half).toBeNull();
    const recorded = (await client.query(`SELECT "name" FROM "_step_up_migrations"`)).rows.map((row) => row.name);
    expect(recorded).not.toContain("99990101000000_broken");
    expect(recorded.length).toBe(readdirSync(dir).length - 1);
  });

  it("the audit-metric migration backfills day, requirementId and secondsToVerify of existing rows", async () => {
    const { url, client } = await freshDatabase();
    await migratePostgres(url, { dir: migrationsBefore(POSTGRES_MIGRATIONS_DIR, "20261204090000") });
    const insert = `INSERT INTO "StepUpAuditEvent" ("id", "type", "severity", "data", "createdAt") VALUES ($1, $2, 'info', $3, $4)`;
    await client.query(insert, ["a1", "stepup.required", { requirementId: "r1" }, "2026-11-30 23:59:50"]);
    await client.query(insert, ["a2", "stepup.verified", { requirementId: "r1" }, "2026-12-01 00:00:02.5"]);
    await client.query(insert, ["a3", "auth.signed_in", {}, "2026-12-01 08:00:00"]);
    await migratePostgres(url);

    const { rows } = await client.query(
      `SELECT "id", "day", "requirementId", "secondsToVerify" FROM "StepUpAuditEvent" ORDER BY "id"`,
    );
    expect(rows).toEqual([
      { id: "a1", day: "2026-11-30", requirementId: "r1", secondsToVerify: null },
      { id: "a2", day: "2026-12-01", requirementId: "r1", secondsToVerify: expect.closeTo(12.5, 3) },
      { id: "a3", day: "2026-12-01", requirementId: null, secondsToVerify: null },
    ]);
    await expect(client.query(`DELETE FROM "StepUpAuditEvent"`)).rejects.toThrow(/append-only/);
  });
});
