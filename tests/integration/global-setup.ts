import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

/** Builds one migrated + seeded template database; each test file copies it (see harness.ts). */
export default function setup(): void {
  const dir = path.resolve("tests/.tmp");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  const env = { ...process.env, DATABASE_URL: `file:${template}` };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env, stdio: "pipe" });
  process.env.STEP_UP_TEMPLATE_DB = template;
}
