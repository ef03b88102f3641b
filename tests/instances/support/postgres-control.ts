/**
 * Stops, starts, pauses and resumes the suite's PostgreSQL server (the one scripts/with-postgres.mjs
 * started), for fault tests. Found through the server itself: its data directory, and there the command
 * line it was started with (postmaster.opts) and its process id (postmaster.pid). As root, pg_ctl runs as
 * the `postgres` user (the server refuses root), as scripts/db/postgres-server.mjs does.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export interface PostgresControl {
  /** `pg_ctl stop -m fast`: connections are closed, new ones refused. */
  stop(): void;
  /** Starts it again with the command line it had. */
  start(): void;
  /** SIGSTOP to the postmaster and every backend: connections stay open, nothing answers. */
  pause(): void;
  resume(): void;
}

export async function controlPostgres(url: string): Promise<PostgresControl> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
  await client.end();
  const data = rows[0]!.data_directory;
  // e.g. /usr/lib/postgresql/15/bin/postgres "-D" "/tmp/x/data" "-p" "41234" "-k" "/tmp/x" "-c" "fsync=off"
  const opts = readFileSync(path.join(data, "postmaster.opts"), "utf8").trim();
  const binary = opts.slice(0, opts.indexOf(" "));
  const options = opts
    .slice(binary.length)
    .replace(/"-D" "[^"]*"/, "")
    .trim();
  const pgCtl = path.join(path.dirname(binary), "pg_ctl");
  const log = path.join(path.dirname(data), "server.log");
  let paused: number[] = [];

  const pgCtlRun = (args: string[]) => {
    const command = [pgCtl, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
    const result =
      process.getuid?.() === 0
        ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", command], { encoding: "utf8" })
        : spawnSync("sh", ["-c", command], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`pg_ctl ${args[0]} failed:\n${result.stdout}${result.stderr}`);
  };
  const postmasterPid = () => Number(readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  const signal = (pids: number[], name: NodeJS.Signals) => {
    for (const pid of pids) execFileSync("kill", [`-${name.slice(3)}`, String(pid)]);
  };

  return {
    stop: () => pgCtlRun(["stop", "-D", data, "-m", "fast", "-w"]),
    start: () => pgCtlRun(["start", "-D", data, "-o", options, "-l", log, "-w"]),
    pause() {
      const postmaster = postmasterPid();
      paused = [postmaster, ...childrenOf(postmaster)];
      signal(paused, "SIGSTOP");
    },
    resume() {
      signal(paused, "SIGCONT");
      paused = [];
    },
  };
}

function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ")".
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}
