/**
 * A throwaway PostgreSQL server: a fresh cluster in a temporary folder, on a free loopback port, with
 * durability off (its folder is deleted when it stops). Used by scripts/with-postgres.mjs and by the
 * PostgreSQL integration suite. Debian's `postgresql` is installed when no server binaries are found
 * and we run as root with apt (as scripts/ensure-browser.mjs does for Chromium).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const PG_LIB = "/usr/lib/postgresql";
const isRoot = process.getuid?.() === 0;

function findBinDir() {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  if (existsSync(PG_LIB)) {
    const versions = readdirSync(PG_LIB).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const dir = path.join(PG_LIB, version, "bin");
      if (existsSync(path.join(dir, "initdb"))) return dir;
    }
  }
  const onPath = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).stdout.trim();
  return onPath ? path.dirname(onPath) : null;
}

function install() {
  const canApt = isRoot && spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (!canApt) {
    console.error("with-postgres: no PostgreSQL server found. Install one: sudo apt-get install -y postgresql");
    process.exit(1);
  }
  console.log("with-postgres: no PostgreSQL server found; installing Debian's postgresql (about 10 s)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql"], { stdio: "inherit", env });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. */
function run(bin, args) {
  const command = [path.join(bin), ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
  const result = isRoot
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", command], { encoding: "utf8" })
    : spawnSync("sh", ["-c", command], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed:\n${result.stdout}${result.stderr}`);
}

/**
 * Starts a server; `url` points at its `postgres` database, `logFile` is its server log (errors such as
 * `deadlock detected` land there), `stop()` stops it and deletes its data and log.
 */
export async function startPostgres() {
  let bin = findBinDir();
  if (!bin) {
    install();
    bin = findBinDir();
    if (!bin) throw new Error("with-postgres: installed postgresql but found no initdb");
  }
  const dir = mkdtempSync(path.join(tmpdir(), "step-up-pg-"));
  chmodSync(dir, 0o777);
  if (isRoot) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const port = await freePort();
  run(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"]);
  // A test server: durability off (the folder is deleted afterwards), room for many test clients.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run(path.join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", logFile, "-w", "start"]);
  const stop = () => {
    try {
      run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, bin, logFile, stop };
}
