import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { CliError } from "./cli-error";
import type { Host } from "./host";
import { parseSchema, type SchemaBlock, type SchemaFile } from "./prisma-schema";

/**
 * The Auth.js adapter reads the sign-in time from `Session.createdAt` (ADR 033), a column Auth.js's
 * own Session model lacks. For a host with next-auth, `init` adds the field to the schema and the
 * column to its migration (tests: "step-up init on an Auth.js host" in init.test.ts).
 */
export const CREATED_AT_FIELD = "createdAt DateTime @default(now())";

/** Auth.js's Session model (named Session, with a sessionToken field) when it lacks createdAt; else null. */
export function sessionLackingCreatedAt(blocks: SchemaBlock[]): SchemaBlock | null {
  const session = blocks.find(
    (block) => block.kind === "model" && block.name === "Session" && block.fields.includes("sessionToken"),
  );
  return session && !session.fields.includes("createdAt") ? session : null;
}

/** `text` (the file holding `session`) with the field after the model's last field, aligned as its fields are. */
export function withCreatedAt(text: string, session: SchemaBlock): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  const body = lines.slice(session.start + 1, session.end);
  const fieldIndexes = body.flatMap((line, i) => (/^\s*[A-Za-z_]\w*\s/.test(line) ? [i] : []));
  const fields = fieldIndexes.map((i) => /^(\s*)([A-Za-z_]\w*)(\s+)(\S+)(\s*)/.exec(body[i]!)!);
  const indent = fields[0]?.[1] ?? "  ";
  // Prisma's formatter aligns types and attributes in columns: follow the widest existing column.
  const typeColumn = Math.max(
    indent.length + "createdAt ".length,
    ...fields.map((m) => m[1]!.length + m[2]!.length + m[3]!.length),
  );
  const attributeColumn = Math.max(
    typeColumn + "DateTime ".length,
    ...fields.filter((m) => m[5]).map((m) => m[0].length),
  );
  const line = `${`${indent}createdAt`.padEnd(typeColumn)}${"DateTime".padEnd(attributeColumn - typeColumn)}@default(now())`;
  const at = session.start + 1 + (fieldIndexes.at(-1) ?? -1) + 1;
  return [...lines.slice(0, at), line, ...lines.slice(at)].join(eol);
}

/** The table Session maps to (`@@map("…")`), else its name. */
function tableOf(session: SchemaBlock, files: SchemaFile[]): string {
  const lines = files
    .find((file) => file.file === session.file)!
    .text.split(/\r?\n/)
    .slice(session.start, session.end);
  return lines.map((line) => /^\s*@@map\s*\(\s*(?:name\s*:\s*)?"([^"]+)"/.exec(line)?.[1]).find(Boolean) ?? "Session";
}

/**
 * The SQL adding the column. PostgreSQL adds it in place. SQLite cannot ADD COLUMN with a non-constant
 * default, so the table is rebuilt: Prisma's own rebuild SQL (`prisma migrate diff` between the schema
 * without and with the field, run with the host's prisma CLI and config, offline) keeps its columns,
 * keys and indexes exactly as Prisma would. Either way existing rows get the migration's time.
 */
export function createdAtSql(host: Host, session: SchemaBlock, changed: SchemaFile[]): string {
  const table = tableOf(session, host.schema.files);
  if (host.provider === "postgresql")
    return `ALTER TABLE "${table}" ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;\n`;
  let prismaCli: string;
  try {
    prismaCli = path.join(
      path.dirname(createRequire(path.join(host.root, "/")).resolve("prisma/package.json")),
      "build/index.js",
    );
  } catch (cause) {
    throw new CliError(
      "Adding Session.createdAt on SQLite rebuilds the table with SQL from your app's prisma CLI, which is not installed here: install it (`npm install --save-dev prisma`), then run init again. Nothing was written.",
      { cause },
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), "step-up-session-"));
  try {
    const write = (name: string, files: SchemaFile[]) => {
      mkdirSync(path.join(dir, name));
      // The host's models and enums; a datasource and a generator of our own (engineType "client":
      // otherwise the CLI wants a query engine it may not be able to download).
      files.forEach((file, i) =>
        writeFileSync(path.join(dir, name, `${i}.prisma`), withoutBlocks(file, ["datasource", "generator"])),
      );
      writeFileSync(
        path.join(dir, name, "_step_up.prisma"),
        `datasource db {\n  provider = "sqlite"\n  url      = "file:./unused.db"\n}\n\ngenerator client {\n  provider   = "prisma-client"\n  engineType = "client"\n  output     = "./unused"\n}\n`,
      );
      return path.join(dir, name);
    };
    const before = write("before", host.schema.files);
    const after = write(
      "after",
      host.schema.files.map((file) => changed.find((c) => c.file === file.file) ?? file),
    );
    return execFileSync(
      "node",
      [prismaCli, "migrate", "diff", "--from-schema-datamodel", before, "--to-schema-datamodel", after, "--script"],
      { cwd: host.root, encoding: "utf8", stdio: "pipe" },
    );
  } catch (cause) {
    if (cause instanceof CliError) throw cause;
    const stderr = (cause as { stderr?: string }).stderr?.trim();
    throw new CliError(
      `\`prisma migrate diff\` could not write the SQL that adds Session.createdAt${stderr ? `: ${stderr}` : ""}. Nothing was written.`,
      { cause },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The file's text with its blocks of these kinds blanked (line numbers kept). */
function withoutBlocks(file: SchemaFile, kinds: string[]): string {
  const lines = file.text.split(/\r?\n/);
  for (const block of parseSchema([file]).blocks)
    if (kinds.includes(block.kind)) for (let i = block.start; i <= block.end; i++) lines[i] = "";
  return lines.join("\n");
}
