import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SupportedProvider } from "../shared/audit-triggers";

/**
 * The files the package ships that the CLI copies into a host: the schema fragment and the SQL that
 * creates its tables (packages/step-up/prisma/sql, written by scripts/db/step-up-sql.mjs).
 */

/** The package's root: the first folder above this file whose package.json is @step-up/next (src or dist). */
export function packageRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "@step-up/next"
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`step-up: no @step-up/next package.json above ${from}`);
  }
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}

/** The models of step-up.prisma without its leading comment (which speaks to readers of the package). */
export function readFragmentModels(): string {
  const text = readFileSync(path.join(packageRoot(), "prisma", "step-up.prisma"), "utf8");
  return text.replace(/^(\/\/[^\n]*\n)+\s*/, "");
}

/** The SQL creating the module's tables on `provider` (no triggers). */
export function readTablesSql(provider: SupportedProvider): string {
  return readFileSync(path.join(packageRoot(), "prisma", "sql", `${provider}.sql`), "utf8");
}
