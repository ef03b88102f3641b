import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "./check";
import { runInit } from "./init";
import { readTablesSql } from "./module-files";
import {
  CLI_ENTRY,
  GENERATOR,
  REPO_ROOT,
  USER_MODEL,
  createFixtureHost,
  datasource,
  snapshot,
} from "../../test/support/fixture-host";

/**
 * `npx step-up init` on host apps made in a temp folder (ADR 032): one-file and folder schemas, SQLite
 * and PostgreSQL, bad input that must write nothing, and a re-run that must change nothing.
 */
const hosts: { remove: () => void }[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.remove()));
const host = (options: Parameters<typeof createFixtureHost>[0]) => {
  const created = createFixtureHost(options);
  hosts.push(created);
  return created.root;
};

async function init(root: string): Promise<string> {
  const lines: string[] = [];
  await runInit(root, (line) => lines.push(line), new Date("2026-12-07T12:00:00Z"));
  return lines.join("\n");
}

function migrationOf(root: string, dir = "prisma/migrations", suffix = ""): { name: string; sql: string } {
  const name = readdirSync(path.join(root, dir)).find((entry) => /^\d{14}_/.test(entry) && entry.endsWith(suffix))!;
  return { name, sql: readFileSync(path.join(root, dir, name, "migration.sql"), "utf8") };
}

const prisma = (root: string, args: string[]) =>
  execFileSync("node", [path.join(REPO_ROOT, "node_modules/prisma/build/index.js"), ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: "pipe",
    env: { ...process.env, DATABASE_URL: "file:./prisma/dev.db" },
  });

// Each test spawns Prisma or evaluates the host's prisma.config.ts (about a second on 2 busy cores).
const SLOW = { timeout: 20_000 };

describe("step-up init", SLOW, () => {
  it("a one-file SQLite schema: appends a marked block, keeps the generator, and its migration deploys with the triggers", async () => {
    const original = `${GENERATOR}\n${datasource("sqlite")}\n${USER_MODEL}`;
    const root = host({ schema: original });
    const out = await init(root);
    const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    expect(schema.startsWith(original)).toBe(true); // the generator and its output untouched
    expect(schema).toMatch(
      /\/\/ >>> @step-up\/next models[\s\S]*model StepUpAuditEvent \{[\s\S]*\/\/ <<< @step-up\/next models\n$/,
    );
    const migration = migrationOf(root);
    expect(migration.name).toBe("20261207120000_step_up");
    expect(migration.sql).toContain(readTablesSql("sqlite"));
    expect(migration.sql).toContain('CREATE TRIGGER "StepUpAuditEvent_no_update"');
    expect(out).toContain("src/server/step-up.ts");

    prisma(root, ["migrate", "deploy"]);
    const db = new Sqlite(path.join(root, "prisma/dev.db"));
    db.prepare(
      `INSERT INTO "StepUpAuditEvent" ("id", "type", "severity", "data", "day") VALUES ('a', 't', 'info', '{}', '2026-12-07')`,
    ).run();
    expect(() => db.prepare(`UPDATE "StepUpAuditEvent" SET "type" = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM "StepUpAuditEvent"`).run()).toThrow(/append-only/);
    db.close();
    const lines: string[] = [];
    expect(await runCheck(root, (line) => lines.push(line), { url: "file:./prisma/dev.db" })).toBe(true);
  });

  it("an Auth.js host (next-auth in package.json) is shown the adapter's wiring; other hosts their own ports", async () => {
    const schema = `${GENERATOR}\n${datasource("sqlite")}\n${USER_MODEL}`;
    const authjs = host({
      schema,
      files: { "package.json": JSON.stringify({ name: "t3", dependencies: { "next-auth": "5.0.0-beta.25" } }) },
    });
    const out = await init(authjs);
    expect(out).toContain("createAuthjsAdapter({ db })");
    expect(out).toContain("...authjs.ports");
    expect(out).toContain("stepUpLink()");
    expect(await init(host({ schema }))).not.toContain("createAuthjsAdapter");
  });

  it("a re-run changes nothing and says so", async () => {
    const root = host({ schema: `${GENERATOR}\n${datasource("sqlite")}\n${USER_MODEL}` });
    await init(root);
    const before = snapshot(root);
    expect(await init(root)).toContain("Nothing to do");
    expect(snapshot(root)).toEqual(before);
  });

  it("a folder schema: step-up.prisma is added beside the host's files, which stay as they were", async () => {
    const files = {
      "schema.prisma": `${GENERATOR.replace("../src", "../../src")}\n${datasource("sqlite")}`,
      "user.prisma": USER_MODEL,
    };
    const root = host({ schema: files });
    await init(root);
    expect(readFileSync(path.join(root, "prisma/schema/schema.prisma"), "utf8")).toBe(files["schema.prisma"]);
    expect(readFileSync(path.join(root, "prisma/schema/user.prisma"), "utf8")).toBe(files["user.prisma"]);
    expect(readFileSync(path.join(root, "prisma/schema/step-up.prisma"), "utf8")).toContain("model StepUpGrant {");
    expect(migrationOf(root).sql).toContain('CREATE TRIGGER "StepUpAuditEvent_no_delete"');
    expect(prisma(root, ["validate"])).toContain("are valid");
  });

  it("a PostgreSQL schema gets the PostgreSQL tables and the trigger function, TRUNCATE included", async () => {
    const root = host({ provider: "postgresql", schema: `${GENERATOR}\n${datasource("postgresql")}\n${USER_MODEL}` });
    await init(root);
    const { sql } = migrationOf(root);
    expect(sql).toContain(readTablesSql("postgresql"));
    expect(sql).toContain('CREATE TRIGGER "StepUpAuditEvent_no_truncate" BEFORE TRUNCATE');
    expect(readFileSync(path.join(root, "prisma/migrations/migration_lock.toml"), "utf8")).toContain('"postgresql"');
  });

  it("models copied by hand and migrated without triggers: only a triggers migration is written", async () => {
    const root = host({ schema: `${GENERATOR}\n${datasource("sqlite")}\n${USER_MODEL}` });
    await init(root);
    const first = migrationOf(root);
    const withoutTriggers = first.sql.slice(0, first.sql.indexOf("-- Append-only audit log"));
    execFileSync("sh", [
      "-c",
      `printf '%s' "$0" > "$1"`,
      withoutTriggers,
      path.join(root, "prisma/migrations", first.name, "migration.sql"),
    ]);
    const out = await init(root);
    const added = readdirSync(path.join(root, "prisma/migrations")).filter((name) =>
      name.endsWith("_step_up_audit_triggers"),
    );
    expect(added).toEqual(["20261207120001_step_up_audit_triggers"]);
    expect(readFileSync(path.join(root, "prisma/migrations", added[0]!, "migration.sql"), "utf8")).not.toContain(
      "CREATE TABLE",
    );
    expect(out).toContain("Wrote the migration");
  });
});

/** Auth.js's models as create-t3-app writes them (with @auth/prisma-adapter), `prisma format`-aligned. */
const AUTHJS_MODELS = `model Account {
  id                String  @id @default(cuid())
  userId            String
  type              String
  provider          String
  providerAccountId String
  user              User    @relation(fields: [userId], references: [id], onDelete: Cascade)

  @@unique([provider, providerAccountId])
}

model Session {
  id           String   @id @default(cuid())
  sessionToken String   @unique
  userId       String
  expires      DateTime
  user         User     @relation(fields: [userId], references: [id], onDelete: Cascade)
}

model User {
  id       String    @id @default(cuid())
  email    String?   @unique
  accounts Account[]
  sessions Session[]
}
`;
const WITH_CREATED_AT = AUTHJS_MODELS.replace(
  "onDelete: Cascade)\n}\n\nmodel User",
  "onDelete: Cascade)\n  createdAt    DateTime @default(now())\n}\n\nmodel User",
);
const NEXT_AUTH = { "package.json": JSON.stringify({ name: "t3", dependencies: { "next-auth": "5.0.0-beta.25" } }) };

/** The host's own tables (here Auth.js's) in a first migration, deployed: the host before init. */
function migrateHostTables(root: string, schema: string) {
  const sql = prisma(root, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"]);
  mkdirSync(path.join(root, "prisma/migrations/20261201000000_init"), { recursive: true });
  writeFileSync(path.join(root, "prisma/migrations/20261201000000_init/migration.sql"), sql);
  writeFileSync(path.join(root, "prisma/migrations/migration_lock.toml"), 'provider = "sqlite"\n');
  prisma(root, ["migrate", "deploy"]);
}

describe("step-up init on an Auth.js host: Session.createdAt", SLOW, () => {
  it("SQLite: adds the field in the schema's own alignment; the migration rebuilds Session keeping its rows, which get the migration's time", async () => {
    const original = `${GENERATOR}\n${datasource("sqlite")}\n${AUTHJS_MODELS}`;
    const root = host({ schema: original, files: NEXT_AUTH });
    // The host as it runs today: its Auth.js tables migrated, a signed-in user.
    migrateHostTables(root, "prisma/schema.prisma");
    let db = new Sqlite(path.join(root, "prisma/dev.db"));
    db.prepare(`INSERT INTO "User" ("id", "email") VALUES ('u1', 'a@example.com')`).run();
    db.prepare(
      `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ('s1', 'tok1', 'u1', 1893456000000), ('s2', 'tok2', 'u1', 1893456000000)`,
    ).run();
    db.close();

    const out = await init(root);
    const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    expect(schema.startsWith(`${GENERATOR}\n${datasource("sqlite")}\n${WITH_CREATED_AT}`)).toBe(true);
    expect(out).toContain("they count as signed in then");
    const migration = migrationOf(root, "prisma/migrations", "_step_up");
    expect(migration.sql).toContain('CREATE TABLE "new_Session"');
    expect(prisma(root, ["validate"])).toContain("is valid");

    const before = Date.now();
    prisma(root, ["migrate", "deploy"]);
    db = new Sqlite(path.join(root, "prisma/dev.db"));
    const rows = db
      .prepare(`SELECT "id", "sessionToken", "userId", "createdAt" FROM "Session" ORDER BY "id"`)
      .all() as {
      id: string;
      sessionToken: string;
      createdAt: string;
    }[];
    expect(rows.map((row) => [row.id, row.sessionToken])).toEqual([
      ["s1", "tok1"],
      ["s2", "tok2"],
    ]);
    for (const row of rows)
      expect(Date.parse(`${row.createdAt.replace(" ", "T")}Z`)).toBeGreaterThanOrEqual(
        Math.floor(before / 1000) * 1000 - 1000,
      );
    // The rebuilt table keeps its keys: the unique token and the cascade from User.
    expect(() =>
      db
        .prepare(`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ('s3', 'tok1', 'u1', 0)`)
        .run(),
    ).toThrow(/UNIQUE/);
    db.pragma("foreign_keys = ON");
    db.prepare(`DELETE FROM "User"`).run();
    expect(db.prepare(`SELECT count(*) AS n FROM "Session"`).get()).toEqual({ n: 0 });
    expect(() => db.prepare(`DELETE FROM "StepUpAuditEvent"`).run()).not.toThrow();
    db.prepare(
      `INSERT INTO "StepUpAuditEvent" ("id", "type", "severity", "data", "day") VALUES ('a', 't', 'info', '{}', '2026-12-07')`,
    ).run();
    expect(() => db.prepare(`DELETE FROM "StepUpAuditEvent"`).run()).toThrow(/append-only/);
    db.close();
    const lines: string[] = [];
    expect(await runCheck(root, (line) => lines.push(line), { url: "file:./prisma/dev.db" })).toBe(true);

    const after = snapshot(root);
    expect(await init(root)).toContain("Nothing to do");
    expect(snapshot(root)).toEqual(after);
  });

  it("PostgreSQL: the migration adds the column in place, to the table @@map names", async () => {
    const root = host({
      provider: "postgresql",
      schema: `${GENERATOR}\n${datasource("postgresql")}\n${AUTHJS_MODELS}`,
      files: NEXT_AUTH,
    });
    await init(root);
    expect(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")).toContain(WITH_CREATED_AT);
    expect(migrationOf(root).sql).toContain(
      'ALTER TABLE "Session" ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;',
    );

    const mapped = host({
      provider: "postgresql",
      schema: `${GENERATOR}\n${datasource("postgresql")}\n${AUTHJS_MODELS.replace(
        "onDelete: Cascade)\n}\n\nmodel User",
        'onDelete: Cascade)\n\n  @@map("sessions")\n}\n\nmodel User',
      )}`,
      files: NEXT_AUTH,
    });
    await init(mapped);
    expect(readFileSync(path.join(mapped, "prisma/schema.prisma"), "utf8")).toContain(
      'onDelete: Cascade)\n  createdAt    DateTime @default(now())\n\n  @@map("sessions")\n}',
    );
    expect(migrationOf(mapped).sql).toContain('ALTER TABLE "sessions" ADD COLUMN "createdAt"');
  });

  it("a folder schema: the field goes into the file holding Session; step-up already installed gets a migration of its own", async () => {
    const files = {
      "schema.prisma": `${GENERATOR.replace("../src", "../../src")}\n${datasource("sqlite")}`,
      "auth.prisma": AUTHJS_MODELS,
    };
    const root = host({ schema: files });
    migrateHostTables(root, "prisma/schema");
    await init(root); // before next-auth: Session untouched
    expect(readFileSync(path.join(root, "prisma/schema/auth.prisma"), "utf8")).toBe(AUTHJS_MODELS);
    writeFileSync(path.join(root, "package.json"), NEXT_AUTH["package.json"]);
    await init(root);
    expect(readFileSync(path.join(root, "prisma/schema/auth.prisma"), "utf8")).toBe(WITH_CREATED_AT);
    const added = readdirSync(path.join(root, "prisma/migrations")).filter((name) =>
      name.endsWith("_step_up_session_created_at"),
    );
    expect(added).toEqual(["20261207120001_step_up_session_created_at"]);
    expect(prisma(root, ["validate"])).toContain("are valid");
    prisma(root, ["migrate", "deploy"]);
    const db = new Sqlite(path.join(root, "prisma/dev.db"));
    expect(db.prepare(`SELECT name FROM pragma_table_info('Session')`).pluck().all()).toContain("createdAt");
    db.close();
  });

  it("a Session that has createdAt is left alone", async () => {
    const schema = `${GENERATOR}\n${datasource("sqlite")}\n${WITH_CREATED_AT}`;
    const root = host({ schema, files: NEXT_AUTH });
    const out = await init(root);
    expect(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8").startsWith(schema)).toBe(true);
    expect(migrationOf(root).sql).not.toMatch(/"new_Session"|ALTER TABLE "Session"/);
    expect(out).not.toContain("Session.createdAt");
  });
});

describe("step-up init refuses bad input and writes nothing", SLOW, () => {
  const refuses = async (root: string, message: RegExp) => {
    const before = snapshot(root);
    await expect(init(root)).rejects.toThrow(message);
    expect(snapshot(root)).toEqual(before);
  };

  it("a schema that does not parse (a model on one line) is named with its line", async () => {
    const root = host({
      config: false,
      schema: `${GENERATOR}\n${datasource("sqlite")}\nmodel User { id String @id }\n`,
    });
    await refuses(root, /schema\.prisma:12: cannot parse "model User \{ id String @id \}"/);
  });

  it("an unclosed block", async () => {
    await refuses(
      host({ config: false, schema: `${datasource("sqlite")}\nmodel User {\n  id String @id\n` }),
      /`model User \{` is never closed/,
    );
  });

  it("an unsupported provider names the supported ones", async () => {
    await refuses(
      host({ config: false, schema: `${GENERATOR}\n${datasource("mysql", "mysql://localhost/x")}` }),
      /supports the providers sqlite and postgresql; your datasource uses "mysql"/,
    );
  });

  it("no Prisma at all names the install command", async () => {
    await refuses(host({ config: false, modules: false }), /No Prisma in this app.*npm install prisma @prisma\/client/);
  });

  it("an Auth.js Session on SQLite without the app's prisma CLI names the install command", async () => {
    const schema = `${GENERATOR}\n${datasource("sqlite")}\n${AUTHJS_MODELS}`;
    await refuses(
      host({ config: false, modules: false, schema, files: NEXT_AUTH }),
      /Session\.createdAt on SQLite .* prisma CLI, which is not installed here: install it \(`npm install --save-dev/,
    );
  });

  it("an older copy of the models is not overwritten", async () => {
    const partial = `${GENERATOR}\n${datasource("sqlite")}\nmodel StepUpSession {\n  sessionId String @id\n}\n`;
    await refuses(host({ config: false, schema: partial }), /some of step-up's models \(StepUpSession\)/);
  });
});

describe("the step-up command (tsx, as npx runs it)", SLOW, () => {
  const run = (root: string, args: string[]) =>
    spawnSync("node", [path.join(REPO_ROOT, "node_modules/tsx/dist/cli.mjs"), CLI_ENTRY, ...args], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "" },
    });

  it("bad input exits 1 with the message on stderr; an unknown command exits 2 with the usage", () => {
    const root = host({ config: false, schema: `${datasource("sqlite")}\nmodel User { id String @id }\n` });
    const bad = run(root, ["init"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^step-up: .*cannot parse/);
    const unknown = run(root, ["migrate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Usage: npx step-up <command>");
  });

  it("check without a driver in the app says which one to install", () => {
    const root = host({ config: false, modules: false });
    const result = run(root, ["check", "--url", "file:./dev.db"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/better-sqlite3 is not installed here.*npm install better-sqlite3/);
  });
});
