import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startPostgres } from "../../scripts/db/postgres-server.mjs";

/** What each test file is given (harness.ts): the template its database is copied from. */
export interface TestDatabaseTemplate {
  dialect: "sqlite" | "postgres";
  url: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseTemplate: TestDatabaseTemplate;
  }
}

/**
 * Builds one migrated + seeded template database per run; each test file gets its own copy
 * (harness.ts). The `integration` project runs on SQLite (a template file, copied); the
 * `integration-postgres` project on PostgreSQL (a template database, cloned with CREATE DATABASE …
 * TEMPLATE), on POSTGRES_URL or, without one, on a throwaway server started here for the run.
 * A directory / database name per run, so two runs at once (a developer and a helper) never share.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = `run-${process.pid}-${Date.now()}`;
  if (project.name === "integration-postgres") return setupPostgres(project, run.replaceAll("-", "_"));
  const dir = path.resolve(`tests/.tmp/${run}`);
  mkdirSync(dir, { recursive: true });
  const template = `file:${path.join(dir, "template.db")}`;
  migrateAndSeed(template);
  project.provide("testDatabaseTemplate", { dialect: "sqlite", url: template });
  return async () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject, run: string): Promise<() => Promise<void>> {
  const server = process.env.POSTGRES_URL ? null : await startPostgres();
  const template = new URL(process.env.POSTGRES_URL ?? server!.url);
  template.pathname = `/template_${run}`;
  try {
    migrateAndSeed(template.toString());
  } catch (error) {
    server?.stop(); // a failed set-up must not leave a server running
    throw error;
  }
  project.provide("testDatabaseTemplate", { dialect: "postgres", url: template.toString() });
  return async () => server?.stop();
}

function migrateAndSeed(url: string): void {
  const env = { ...process.env, DATABASE_URL: url };
  execFileSync("node", ["scripts/db/migrate.mjs"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env, stdio: "pipe" });
}
