import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { SUPPORTED_PROVIDERS, type SupportedProvider } from "../shared/audit-triggers";
import { CliError } from "./cli-error";
import { parseSchema, readSchemaFiles, type ParsedSchema } from "./prisma-schema";

/** What the CLI needs to know about the app it runs in: where its Prisma schema and migrations live. */
export interface Host {
  root: string;
  /** The schema as Prisma reads it: one file, or a folder of .prisma files. */
  schemaPath: string;
  schemaKind: "file" | "folder";
  schema: ParsedSchema;
  provider: SupportedProvider;
  migrationsDir: string;
}

const CONFIG_FILES = ["prisma.config.ts", "prisma.config.mts", "prisma.config.js", "prisma.config.mjs"];
const DEFAULT_SCHEMAS = ["prisma/schema.prisma", "prisma/schema", "schema.prisma"];

interface PrismaConfigPaths {
  schema?: string;
  migrations?: { path?: string };
}

/** Reads the host at `root`; throws a CliError naming the fix when it has no usable Prisma schema. */
export async function loadHost(root: string): Promise<Host> {
  const manifestFile = path.join(root, "package.json");
  if (!existsSync(manifestFile))
    throw new CliError(`No package.json in ${root}: run step-up in your app's root folder.`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { prisma?: { schema?: string } };
  const config = await loadPrismaConfig(root);
  const schemaPath = resolveSchemaPath(root, config?.schema ?? manifest.prisma?.schema);
  const schema = parseSchema(readSchemaFiles(schemaPath));
  const provider = supportedProvider(schema.provider, schemaPath);
  const datasourceFile = schema.files.find((file) => /^\s*datasource\s/m.test(file.text))?.file ?? schemaPath;
  return {
    root,
    schemaPath,
    schemaKind: schema.files.length === 1 && schema.files[0]!.file === schemaPath ? "file" : "folder",
    schema,
    provider,
    migrationsDir: config?.migrations?.path ?? path.join(path.dirname(datasourceFile), "migrations"),
  };
}

function resolveSchemaPath(root: string, configured: string | undefined): string {
  if (configured) {
    const schemaPath = path.resolve(root, configured);
    if (!existsSync(schemaPath))
      throw new CliError(
        `Your Prisma config names the schema ${configured}, which does not exist. Fix the path, then run init again.`,
      );
    return schemaPath;
  }
  const found = DEFAULT_SCHEMAS.map((name) => path.join(root, name)).find((file) => existsSync(file));
  if (found) return found;
  throw new CliError(
    hasPrisma(root)
      ? `No Prisma schema found (looked for ${DEFAULT_SCHEMAS.join(", ")} and a prisma.config.ts). Create one with \`npx prisma init --datasource-provider sqlite\` (or postgresql), then run init again.`
      : "No Prisma in this app: step-up keeps its state through your Prisma client. Install it (`npm install prisma @prisma/client`), create a schema (`npx prisma init --datasource-provider sqlite`), then run init again.",
  );
}

function supportedProvider(provider: string | null, schemaPath: string): SupportedProvider {
  if (provider === null)
    throw new CliError(`${schemaPath} has no datasource block: add \`datasource db { provider = "sqlite" … }\` first.`);
  const normalized = provider === "postgres" ? "postgresql" : provider;
  if ((SUPPORTED_PROVIDERS as readonly string[]).includes(normalized)) return normalized as SupportedProvider;
  throw new CliError(
    `step-up supports the providers ${SUPPORTED_PROVIDERS.join(" and ")}; your datasource uses "${provider}". Nothing was written.`,
  );
}

function hasPrisma(root: string): boolean {
  try {
    createRequire(path.join(root, "/")).resolve("prisma/package.json");
    return true;
  } catch {
    return false;
  }
}

/** The host's prisma.config.ts evaluated by Prisma's own loader (as the prisma CLI does), or null without one. */
async function loadPrismaConfig(root: string): Promise<PrismaConfigPaths | null> {
  if (!CONFIG_FILES.some((name) => existsSync(path.join(root, name)))) return null;
  let loader: {
    loadConfigFromFile(input: {
      configRoot: string;
    }): Promise<{ config?: PrismaConfigPaths; error?: { _tag: string; error?: Error } }>;
  };
  try {
    const prismaRequire = createRequire(createRequire(path.join(root, "/")).resolve("prisma/package.json"));
    loader = prismaRequire("@prisma/config") as typeof loader;
  } catch (cause) {
    throw new CliError(
      "This app has a prisma.config.ts but no prisma package: install it (`npm install --save-dev prisma`), then run init again.",
      { cause },
    );
  }
  const result = await loader.loadConfigFromFile({ configRoot: root });
  if (result.error)
    throw new CliError(
      `Prisma could not load your prisma.config.ts (${result.error._tag}${result.error.error ? `: ${result.error.error.message}` : ""}). \`npx prisma validate\` shows the same error; fix it, then run init again.`,
      { cause: result.error.error },
    );
  return result.config ?? null;
}
