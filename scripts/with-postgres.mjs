#!/usr/bin/env node
/**
 * `node scripts/with-postgres.mjs <command…>`: starts a throwaway PostgreSQL server
 * (scripts/db/postgres-server.mjs), runs the command with POSTGRES_URL set to it and POSTGRES_LOG to its
 * server log (tests/instances read it for deadlocks), then stops the server and deletes its data. Without a
 * command it serves until Ctrl-C and prints the URL (`npm run db:postgres`).
 */
import { spawn } from "node:child_process";
import { startPostgres } from "./db/postgres-server.mjs";

const command = process.argv.slice(2);
const server = await startPostgres();
let stopped = false;
const stopOnce = () => {
  if (stopped) return;
  stopped = true;
  server.stop();
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => (stopOnce(), process.exit(130)));

if (command.length === 0) {
  console.log(`PostgreSQL is running (Ctrl-C stops it and deletes its data):\n  POSTGRES_URL=${server.url}`);
  console.log(`  e.g. DATABASE_URL=${server.url.replace(/\/postgres$/, "/stepup")} npm run db:setup`);
  setInterval(() => {}, 1 << 30);
} else {
  const child = spawn(command.join(" "), {
    shell: true,
    stdio: "inherit",
    env: { ...process.env, POSTGRES_URL: server.url, POSTGRES_LOG: server.logFile },
  });
  child.on("exit", (code, signal) => {
    stopOnce();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
