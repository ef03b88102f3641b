import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { auditTriggersQuery, type SupportedProvider } from "../shared/audit-triggers";
import { CliError } from "./cli-error";

/** What a database holds, as far as `check` compares it: columns per table, index and trigger names. */
export interface Catalog {
  columns: Map<string, Set<string>>;
  indexes: Set<string>;
  triggers: string[];
}

export function providerOfUrl(url: string): SupportedProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new CliError(
    `Cannot check "${url.split(":")[0]}:" databases: step-up supports SQLite (file:…) and PostgreSQL (postgresql://…).`,
  );
}

/** Reads the catalog with the host's own driver (better-sqlite3 or pg, from its node_modules). */
export async function readCatalog(root: string, url: string): Promise<Catalog> {
  const provider = providerOfUrl(url);
  const driver = requireDriver(root, provider === "sqlite" ? "better-sqlite3" : "pg");
  return provider === "sqlite" ? readSqlite(root, url, driver) : readPostgres(url, driver);
}

function requireDriver(root: string, name: "better-sqlite3" | "pg"): unknown {
  try {
    return createRequire(path.join(root, "/"))(name);
  } catch (cause) {
    throw new CliError(
      `check reads the database with your app's driver, and ${name} is not installed here (neither is it for the other database: better-sqlite3 for SQLite, pg for PostgreSQL). Install it (\`npm install ${name}\`) or run check where your app's dependencies are.`,
      { cause },
    );
  }
}

type SqliteDb = { prepare(sql: string): { pluck(): { all(...args: unknown[]): string[] } }; close(): void };

function readSqlite(root: string, url: string, Sqlite: unknown): Catalog {
  // As the better-sqlite3 adapter does: a relative path is relative to the working directory.
  const file = path.resolve(root, url.slice("file:".length).split("?")[0]!);
  if (!existsSync(file))
    throw new CliError(
      `No SQLite database at ${file} (from ${url}): check the URL, or create it with \`npx prisma migrate deploy\`.`,
    );
  const db = new (Sqlite as new (file: string, options: object) => SqliteDb)(file, {
    readonly: true,
    fileMustExist: true,
  });
  try {
    const names = (sql: string, ...args: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .all(...args);
    const tables = names(`SELECT name FROM sqlite_master WHERE type = 'table'`);
    return {
      columns: new Map(tables.map((table) => [table, new Set(names(`SELECT name FROM pragma_table_info(?)`, table))])),
      indexes: new Set(names(`SELECT name FROM sqlite_master WHERE type = 'index'`)),
      triggers: names(auditTriggersQuery("sqlite")),
    };
  } finally {
    db.close();
  }
}

type PgClient = {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, string>[] }>;
  end(): Promise<void>;
};

async function readPostgres(url: string, pg: unknown): Promise<Catalog> {
  const client = new (pg as { Client: new (options: object) => PgClient }).Client({ connectionString: url });
  try {
    await client.connect();
  } catch (cause) {
    throw new CliError(`Cannot connect to ${redact(url)}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
  try {
    const columns = new Map<string, Set<string>>();
    const { rows } = await client.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    for (const row of rows)
      columns.set(row.table_name!, (columns.get(row.table_name!) ?? new Set()).add(row.column_name!));
    const indexes = await client.query(`SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()`);
    const triggers = await client.query(auditTriggersQuery("postgresql"));
    return {
      columns,
      indexes: new Set(indexes.rows.map((row) => row.indexname!)),
      triggers: triggers.rows.map((row) => row.name!),
    };
  } finally {
    await client.end();
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
