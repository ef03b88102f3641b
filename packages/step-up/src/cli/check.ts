import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { AUDIT_TRIGGERS, type SupportedProvider } from "../shared/audit-triggers";
import { CliError } from "./cli-error";
import { providerOfUrl, readCatalog, redact, type Catalog } from "./database";
import { readTablesSql } from "./module-files";

/** What the module needs on `provider`, read from the SQL the package ships (the same that init writes). */
export function expectedCatalog(provider: SupportedProvider): Catalog {
  const sql = readTablesSql(provider);
  const columns = new Map<string, Set<string>>();
  for (const [, table, body] of sql.matchAll(/CREATE TABLE "(\w+)" \(([\s\S]*?)\n\);/g))
    columns.set(table!, new Set([...body!.matchAll(/^\s+"(\w+)"/gm)].map((match) => match[1]!)));
  const indexes = new Set([...sql.matchAll(/CREATE (?:UNIQUE )?INDEX "(\w+)"/g)].map((match) => match[1]!));
  return { columns, indexes, triggers: [...AUDIT_TRIGGERS[provider]] };
}

/** The differences, one line each: what the database lacks of `expected`. */
export function compareCatalogs(expected: Catalog, actual: Catalog) {
  const tables: string[] = [];
  const columns: string[] = [];
  for (const [table, wanted] of expected.columns) {
    const have = actual.columns.get(table);
    if (!have) tables.push(table);
    else for (const column of wanted) if (!have.has(column)) columns.push(`${table}.${column}`);
  }
  const indexes = [...expected.indexes].filter(
    (name) => !actual.indexes.has(name) && !tables.some((t) => name.startsWith(`${t}_`)),
  );
  const triggers = expected.triggers.filter((name) => !actual.triggers.includes(name));
  return { tables, columns, indexes, triggers };
}

/** `npx step-up check`: true when the database has everything the module needs. */
export async function runCheck(
  root: string,
  print: (line: string) => void,
  options: { url?: string },
): Promise<boolean> {
  const url = options.url ?? process.env.DATABASE_URL ?? readDotEnv(root, "DATABASE_URL");
  if (!url)
    throw new CliError("No database to check: pass --url <url> or set DATABASE_URL (in the environment or .env).");
  const provider = providerOfUrl(url);
  const missing = compareCatalogs(expectedCatalog(provider), await readCatalog(root, url));
  const total = missing.tables.length + missing.columns.length + missing.indexes.length + missing.triggers.length;
  if (total === 0) {
    print(`${redact(url)} has every step-up table, column, index and append-only audit trigger.`);
    return true;
  }
  print(`${redact(url)} lacks what step-up needs:`);
  if (missing.tables.length) print(`  tables: ${missing.tables.join(", ")}`);
  if (missing.columns.length) print(`  columns: ${missing.columns.join(", ")}`);
  if (missing.indexes.length) print(`  indexes: ${missing.indexes.join(", ")}`);
  if (missing.triggers.length)
    print(`  append-only audit triggers: ${missing.triggers.join(", ")} (audit rows can be changed or deleted)`);
  print("");
  print("Fix: apply your pending migrations (`npx prisma migrate deploy`). If none is pending, or the database was");
  print("made with `prisma db push`, run `npx step-up init`: it writes a migration for what your migrations lack (the");
  print(
    provider === "sqlite"
      ? "triggers included); apply it with `npx prisma db execute --file <its migration.sql>` on a pushed database."
      : "triggers included); apply it with `npx prisma db execute --file <its migration.sql>` where migrate deploy cannot run.",
  );
  return false;
}

/** One variable of the root's .env (or `name`) file (KEY=value, optionally quoted), as Prisma would read it. */
export function readDotEnv(root: string, key: string, name = ".env"): string | undefined {
  const file = path.join(root, name);
  if (!existsSync(file)) return undefined;
  const match = new RegExp(`^\\s*(?:export\\s+)?${key}\\s*=\\s*(.*)$`, "m").exec(readFileSync(file, "utf8"));
  return match?.[1]?.trim().replace(/^(["'])(.*)\1$/, "$2");
}
