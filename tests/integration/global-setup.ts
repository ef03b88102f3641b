import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Builds one migrated + seeded template database per run; each test file copies it (harness.ts).
 * A directory per run, so two runs at once (a developer and a helper) never share files.
 */
export default function setup(): () => void {
  const dir = path.resolve(`tests/.tmp/run-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const template = path.join(dir, "template.db");
  const env = { ...process.env, DATABASE_URL: `file:${template}` };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env, stdio: "pipe" });
  process.env.STEP_UP_TEMPLATE_DB = template;
  return () => rmSync(dir, { recursive: true, force: true });
}
