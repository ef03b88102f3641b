import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's node_modules: a fixture host "has installed" prisma, its adapters and drivers. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
export const CLI_ENTRY = path.join(REPO_ROOT, "packages/step-up/src/cli/index.ts");

const sqliteConfig = (schema: string) => `import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
process.env.DATABASE_URL ??= "file:./prisma/dev.db";
const url = process.env.DATABASE_URL;
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "${schema}",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
`;

const postgresConfig = (schema: string) => `import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
process.env.DATABASE_URL ??= "postgresql://localhost/unused";
const connectionString = process.env.DATABASE_URL;
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "${schema}",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaPg({ connectionString }),
});
`;

export const GENERATOR = `generator client {
  provider   = "prisma-client"
  engineType = "client"
  output     = "../src/generated/prisma"
}
`;

export function datasource(
  provider: string,
  url = provider === "sqlite" ? "file:./dev.db" : "postgresql://localhost/unused",
) {
  return `datasource db {\n  provider = "${provider}"\n  url      = "${url}" // the adapter connects; {braces} in a comment\n}\n`;
}

export const USER_MODEL = `model User {\n  id    String @id @default(cuid())\n  email String @unique\n}\n`;

export interface FixtureOptions {
  /** prisma/schema.prisma's text, or a folder prisma/schema with these files. */
  schema?: string | Record<string, string>;
  provider?: "sqlite" | "postgresql";
  /** Write prisma.config.ts (default true). */
  config?: boolean;
  /** Link the repository's node_modules (default true). */
  modules?: boolean;
  files?: Record<string, string>;
}

/** A host app in a fresh temp folder; `remove()` deletes it. */
export function createFixtureHost(options: FixtureOptions = {}) {
  const root = mkdtempSync(path.join(tmpdir(), "step-up-host-"));
  const provider = options.provider ?? "sqlite";
  const folder = typeof options.schema === "object";
  const schemaPath = folder ? "prisma/schema" : "prisma/schema.prisma";
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "fixture-host", private: true, type: "module" }),
    ...(options.config === false
      ? {}
      : { "prisma.config.ts": (provider === "sqlite" ? sqliteConfig : postgresConfig)(schemaPath) }),
    ...(folder
      ? Object.fromEntries(
          Object.entries(options.schema as Record<string, string>).map(([name, text]) => [
            `prisma/schema/${name}`,
            text,
          ]),
        )
      : options.schema === undefined
        ? {}
        : { [schemaPath]: options.schema }),
    ...options.files,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  if (options.modules !== false) symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(root, "node_modules"));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every file under `root` (not node_modules) with its content: equal snapshots mean nothing was written. */
export function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(root, { recursive: true, encoding: "utf8", withFileTypes: false })
      .filter((name) => !name.startsWith("node_modules"))
      .map((name) => path.join(root, name))
      .filter((file) => {
        try {
          return readFileSync(file) && true;
        } catch {
          return false; // a folder
        }
      })
      .map((file) => [path.relative(root, file), readFileSync(file, "utf8")]),
  );
}
