import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AUDIT_TRIGGERS, auditTriggersSql, type SupportedProvider } from "../shared/audit-triggers";
import { CliError } from "./cli-error";
import { loadHost, type Host } from "./host";
import { packageVersion, readFragmentModels, readTablesSql } from "./module-files";
import { parseSchema, type SchemaFile } from "./prisma-schema";
import { CREATED_AT_FIELD, createdAtSql, sessionLackingCreatedAt, withCreatedAt } from "./session-created-at";
import { describeWiring, findHostFiles, usesAuthjs } from "./wiring";

/** The marks around the models `init` appends to a one-file schema (ADR 032): found again on a re-run. */
export const BLOCK_START = "// >>> @step-up/next models";
export const BLOCK_END = "// <<< @step-up/next models";

interface Write {
  file: string;
  text: string;
  what: string;
}

/**
 * `npx step-up init`: adds the module's models to the host's schema and writes the migration that
 * creates its tables and the append-only audit triggers. Everything is decided before the first write,
 * so a refusal writes nothing; a re-run writes nothing either.
 */
export async function runInit(root: string, print: (line: string) => void, now = new Date()): Promise<void> {
  const host = await loadHost(root);
  const session = usesAuthjs(root) ? sessionLackingCreatedAt(host.schema.blocks) : null;
  const sessionFile = session
    ? { file: session.file, text: withCreatedAt(host.schema.files.find((f) => f.file === session.file)!.text, session) }
    : null;
  const sessionSql = session && sessionFile ? createdAtSql(host, session, [sessionFile]) : null;
  const writes = [...planSchema(host, sessionFile), ...planMigration(host, now, sessionSql)];
  const rel = (file: string) => path.relative(root, file);
  if (writes.length === 0) {
    print(
      `Nothing to do: ${rel(host.schemaPath)} has the step-up models and ${rel(host.migrationsDir)} creates their tables and audit triggers. Re-running init changes nothing.`,
    );
  } else {
    for (const write of writes) {
      mkdirSync(path.dirname(write.file), { recursive: true });
      writeFileSync(write.file, write.text);
      print(`${write.what}: ${rel(write.file)}`);
    }
    print("");
    if (sessionSql) print(`${CREATED_AT_NOTE}\n`);
    print(nextSteps(host, writes));
  }
  print("");
  print(describeWiring(findHostFiles(root), host.provider, usesAuthjs(root)));
}

/**
 * Printed when init adds Session.createdAt. Existing rows get the migration's time. That is the safe
 * direction: step-up never counts the sign-in time as a verification ("low" is any signed-in session;
 * medium and above need a grant), it only bounds the risk history to events before the session began
 * (server/risk/history.ts), and the adapter cannot have recorded any for a session without the column.
 */
const CREATED_AT_NOTE = [
  `Added \`${CREATED_AT_FIELD}\` to Auth.js's Session model: the sign-in time`,
  "that step-up's Auth.js adapter reads (ADR 033; Auth.js moves `expires` on activity). Sessions that",
  "exist when the migration runs get its time as their sign-in time: they count as signed in then, and",
  "are asked to step up as usual.",
].join("\n");

function planSchema(host: Host, session: SchemaFile | null): Write[] {
  const sessionWrite = session
    ? [{ file: session.file, text: session.text, what: `Added Session.createdAt (${CREATED_AT_FIELD}) to` }]
    : [];
  const fragment = readFragmentModels();
  const wanted = parseSchema([{ file: "step-up.prisma", text: fragment }]).models;
  const present = wanted.filter((model) => host.schema.models.includes(model));
  if (present.length === wanted.length) return sessionWrite;
  if (present.length > 0)
    throw new CliError(
      `${host.schemaPath} has some of step-up's models (${present.join(", ")}) but not ${wanted.filter((m) => !present.includes(m)).join(", ")}: an older or edited copy. Replace it with node_modules/@step-up/next/prisma/step-up.prisma, then run init again. Nothing was written.`,
    );
  const header = `${BLOCK_START} (${packageVersion()}), added by \`npx step-up init\`. Keep them as they are: the\n// module's code is written against them. They refer to your app only by userId/sessionId strings.\n`;
  if (host.schemaKind === "folder") {
    const file = path.join(host.schemaPath, "step-up.prisma");
    if (existsSync(file))
      throw new CliError(`${file} exists and holds no step-up models: rename it, then run init again.`);
    return [
      ...sessionWrite,
      { file, text: `${header}\n${fragment}`, what: "Added the step-up models beside your schema" },
    ];
  }
  // One file: append a marked block. Moving the schema into a folder would move the generator's relative output.
  const current = session?.text ?? host.schema.files[0]!.text;
  const text = `${current.replace(/\s*$/, "\n")}\n${header}\n${fragment.replace(/\s*$/, "\n")}${BLOCK_END}\n`;
  const what = `Appended the step-up models (a marked block)${session ? " and added Session.createdAt" : ""} to`;
  return [{ file: host.schemaPath, text, what }];
}

function planMigration(host: Host, now: Date, sessionSql: string | null): Write[] {
  const migrations = existsSync(host.migrationsDir)
    ? readdirSync(host.migrationsDir, { withFileTypes: true })
        .filter(
          (entry) => entry.isDirectory() && existsSync(path.join(host.migrationsDir, entry.name, "migration.sql")),
        )
        .map((entry) => entry.name)
        .sort()
    : [];
  const sql = migrations
    .map((name) => readFileSync(path.join(host.migrationsDir, name, "migration.sql"), "utf8"))
    .join("\n");
  const hasTables = sql.includes('CREATE TABLE "StepUpAuditEvent"');
  const hasTriggers = AUDIT_TRIGGERS[host.provider].every((name) => sql.includes(`CREATE TRIGGER "${name}"`));
  if (hasTables && hasTriggers && !sessionSql) return [];
  const writes: Write[] = [];
  const lock = path.join(host.migrationsDir, "migration_lock.toml");
  if (!existsSync(lock))
    writes.push({ file: lock, text: `provider = "${host.provider}"\n`, what: "Wrote the migrations lock" });
  else if (!readFileSync(lock, "utf8").includes(`"${host.provider}"`))
    throw new CliError(
      `${lock} names another provider than your datasource's "${host.provider}": fix one of them first. Nothing was written.`,
    );
  const parts: { what: string; name: string; sql: string }[] = [];
  if (!hasTables)
    parts.push({
      what: "the module's tables and the append-only triggers of its audit log",
      name: "step_up",
      sql: `${readTablesSql(host.provider)}\n${auditTriggersSql(host.provider)}`,
    });
  else if (!hasTriggers)
    parts.push({
      what: "the append-only triggers of the audit log",
      name: "step_up_audit_triggers",
      sql: auditTriggersSql(host.provider),
    });
  if (sessionSql)
    parts.push({
      what: "Auth.js's Session.createdAt (existing sessions get this migration's time)",
      name: "step_up_session_created_at",
      sql: `-- Auth.js's Session.createdAt, the sign-in time step-up's Auth.js adapter reads (ADR 033).\n${sessionSql}`,
    });
  const name = `${stampAfter(migrations, now)}_${parts[0]!.name}`;
  const body = parts.map((part) => part.sql).join("\n");
  const text = `-- @step-up/next ${packageVersion()}: ${parts.map((part) => part.what).join("; ")}, written by \`npx step-up init\` (${host.provider}).\n\n${body}`;
  writes.push({ file: path.join(host.migrationsDir, name, "migration.sql"), text, what: "Wrote the migration" });
  return writes;
}

/** A migration timestamp (UTC, YYYYMMDDHHMMSS) that sorts after every existing migration. */
function stampAfter(migrations: string[], now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const last = migrations
    .map((name) => /^\d{14}/.exec(name)?.[0])
    .filter(Boolean)
    .sort()
    .at(-1);
  return last && last >= stamp ? String(BigInt(last) + 1n) : stamp;
}

function nextSteps(host: Host, writes: Write[]): string {
  const migration = writes.find((write) => write.file.endsWith("migration.sql"));
  const file = migration ? path.relative(host.root, migration.file) : null;
  const lines = ["Next:", "  npx prisma generate"];
  if (file) lines.push(...applyCommands(host.provider, file));
  lines.push("  npx step-up check        # the database has every table, index and audit trigger");
  return lines.join("\n");
}

function applyCommands(provider: SupportedProvider, file: string): string[] {
  const name = path.basename(path.dirname(file));
  return [
    "  npx prisma migrate deploy",
    provider === "postgresql"
      ? `  # or, where migrate deploy cannot run (e.g. under @prisma/adapter-pg): npx prisma db execute --file ${file} && npx prisma migrate resolve --applied ${name}`
      : "  # a database made with `prisma db push` has the tables already: `npx step-up check` names what it lacks",
  ];
}
