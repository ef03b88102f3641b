import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { runCheck, runInit } from "@step-up/next/testing/server";
import {
  GENERATOR,
  REPO_ROOT,
  USER_MODEL,
  createFixtureHost,
  datasource,
} from "../../packages/step-up/test/support/fixture-host";
import { createTestDatabaseUrl, testDialect } from "./harness";

/**
 * `npx step-up check` against real databases of this run's dialect (ADR 032): the migrated template
 * passes; a dropped trigger or index is named with its fix. On PostgreSQL, the migration `init` writes
 * applies to an empty database with `prisma db execute`, and check then passes.
 */
const hosts: { remove: () => void }[] = [];
afterAll(() => hosts.forEach((host) => host.remove()));

async function check(url: string, root = REPO_ROOT) {
  const lines: string[] = [];
  const ok = await runCheck(root, (line) => lines.push(line), { url });
  return { ok, out: lines.join("\n") };
}

async function execute(url: string, sql: string): Promise<void> {
  if (testDialect() === "sqlite") {
    const { default: Sqlite } = await import("better-sqlite3");
    const db = new Sqlite(url.slice("file:".length));
    db.exec(sql);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

describe("step-up check", () => {
  it("a database migrated by the demo's chain has everything the module needs", async () => {
    const { ok, out } = await check(createTestDatabaseUrl());
    expect(out).toContain("has every step-up table, column, index and append-only audit trigger");
    expect(ok).toBe(true);
  });

  it("a missing trigger and a missing index are named, with the command that fixes them", async () => {
    const url = createTestDatabaseUrl();
    const dropTrigger =
      testDialect() === "sqlite"
        ? `DROP TRIGGER "StepUpAuditEvent_no_update"`
        : `DROP TRIGGER "StepUpAuditEvent_no_update" ON "StepUpAuditEvent"`;
    await execute(url, `${dropTrigger}; DROP INDEX "StepUpGrant_userId_verifiedAt_idx";`);
    const { ok, out } = await check(url);
    expect(ok).toBe(false);
    expect(out).toContain("indexes: StepUpGrant_userId_verifiedAt_idx");
    expect(out).toContain("append-only audit triggers: StepUpAuditEvent_no_update");
    expect(out).toContain("npx step-up init");
  });

  it.runIf(testDialect() === "postgres")(
    "PostgreSQL: init's migration applies to an empty database with prisma db execute, and check then passes",
    { timeout: 60_000 },
    async () => {
      const url = new URL(createTestDatabaseUrl());
      const empty = `empty_${url.pathname.slice(1)}`;
      await execute(url.toString(), `CREATE DATABASE "${empty}"`);
      url.pathname = `/${empty}`;
      const host = createFixtureHost({
        provider: "postgresql",
        schema: `${GENERATOR}\n${datasource("postgresql")}\n${USER_MODEL}`,
      });
      hosts.push(host);
      await runInit(host.root, () => {});
      const dir = path.join(host.root, "prisma/migrations");
      const name = readdirSync(dir).find((entry) => entry.endsWith("_step_up"))!;
      const file = path.join(dir, name, "migration.sql");
      expect(readFileSync(file, "utf8")).toContain("StepUpAuditEvent_append_only");
      execFileSync(
        "node",
        [
          path.join(REPO_ROOT, "node_modules/prisma/build/index.js"),
          "db",
          "execute",
          "--file",
          file,
          "--schema",
          "prisma/schema.prisma",
        ],
        {
          cwd: host.root,
          stdio: "pipe",
          env: { ...process.env, DATABASE_URL: url.toString() },
        },
      );
      const { ok, out } = await check(url.toString(), host.root);
      expect(out).toContain("has every step-up table");
      expect(ok).toBe(true);
      await expect(execute(url.toString(), `TRUNCATE "StepUpAuditEvent"`)).rejects.toThrow(/append-only/);
    },
  );
});
