import { CliError } from "./cli-error";
import { readDotEnv } from "./check";
import { loadHost } from "./host";
import { readFragmentModels } from "./module-files";
import { parseSchema } from "./prisma-schema";
import { findHostFiles, type HostFiles } from "./wiring";

interface Finding {
  ok: boolean;
  what: string;
  fix?: string;
}

/** `npx step-up doctor`: the host's wiring, read from its files; true when nothing needs fixing. */
export async function runDoctor(root: string, print: (line: string) => void): Promise<boolean> {
  const files = findHostFiles(root);
  const findings = [
    ...checkTrpc(files),
    checkInstance(files),
    checkSecret(root),
    checkOrigin(root, files),
    await checkSchema(root),
    checkStylesheet(files),
  ];
  for (const finding of findings)
    print(`${finding.ok ? "ok " : "FIX"} ${finding.what}${finding.fix ? `\n    ${finding.fix}` : ""}`);
  const failed = findings.filter((finding) => !finding.ok).length;
  print("");
  print(failed === 0 ? "step-up is wired." : `${failed} thing${failed > 1 ? "s" : ""} to fix (each above, after FIX).`);
  return failed === 0;
}

function checkTrpc(files: HostFiles): Finding[] {
  if (!files.trpcInit)
    return [
      {
        ok: false,
        what: "no file calls initTRPC (looked in src/, app/, server/, lib/)",
        fix: "create your tRPC instance; `npx step-up init` prints where each line goes",
      },
    ];
  const text = files.sources.get(files.trpcInit)!;
  return [
    /formatStepUpError\s*\(|\.formatError\s*\(|errorFormatter\s*:\s*\w+\.errorFormatter/.test(text)
      ? { ok: true, what: `${files.trpcInit}: the errorFormatter adds data.stepUp` }
      : {
          ok: false,
          what: `${files.trpcInit}: the errorFormatter does not add data.stepUp (no dialog would ever open)`,
          fix: "errorFormatter: ({ shape, error }) => formatStepUpError(shape, error),   // from @step-up/next/server",
        },
    /transformer\s*:\s*(superjson|devalue)\b/.test(text)
      ? { ok: true, what: `${files.trpcInit}: a Date-keeping transformer` }
      : {
          ok: false,
          what: `${files.trpcInit}: no Date-keeping transformer (step-up's answers carry Dates)`,
          fix: 'transformer: superjson,   // import superjson from "superjson"; the same transformer in your client links',
        },
  ];
}

function checkInstance(files: HostFiles): Finding {
  const file = [...files.sources].find(([, text]) => /\bcreateStepUp\s*[<(]/.test(text))?.[0];
  return file
    ? { ok: true, what: `${file}: the step-up instance (createStepUp)` }
    : {
        ok: false,
        what: "no createStepUp(…) call found",
        fix: "create the instance (e.g. src/server/step-up.ts); `npx step-up init` prints it",
      };
}

function envValue(root: string, key: string): string | undefined {
  return process.env[key] ?? readDotEnv(root, key) ?? readDotEnv(root, key, ".env.local");
}

function checkSecret(root: string): Finding {
  const secret = envValue(root, "STEP_UP_SECRET");
  if (secret && /^[0-9a-fA-F]{64}$/.test(secret)) return { ok: true, what: "STEP_UP_SECRET: 64 hex characters" };
  return {
    ok: false,
    what: secret
      ? "STEP_UP_SECRET is not 64 hex characters (32 bytes)"
      : "STEP_UP_SECRET is not set (environment, .env or .env.local)",
    fix: "STEP_UP_SECRET=$(openssl rand -hex 32) in your environment or .env (a different one per environment, never committed)",
  };
}

function checkOrigin(root: string, files: HostFiles): Finding {
  const instance = [...files.sources.values()].find((text) => /\bcreateStepUp\s*[<(]/.test(text)) ?? "";
  // Without a relyingParty option createStepUp reads STEP_UP_ORIGIN (relying-party.ts).
  const fromEnvironment = !/\brelyingParty\s*[:,}]/.test(instance) || /STEP_UP_ORIGIN/.test(instance);
  if (fromEnvironment && !envValue(root, "STEP_UP_ORIGIN") && !readDotEnv(root, "STEP_UP_ORIGIN", ".env.production"))
    return {
      ok: process.env.NODE_ENV !== "production",
      what: "the relying party comes from STEP_UP_ORIGIN, which is not set here (required in production: passkeys are bound to it)",
      fix: "set STEP_UP_ORIGIN=https://your.app in production's environment (or pass relyingParty: { id, name, origin })",
    };
  return { ok: true, what: "relyingParty configured" };
}

async function checkSchema(root: string): Promise<Finding> {
  try {
    const host = await loadHost(root);
    const wanted = parseSchema([{ file: "step-up.prisma", text: readFragmentModels() }]).models;
    const missing = wanted.filter((model) => !host.schema.models.includes(model));
    return missing.length === 0
      ? { ok: true, what: "the Prisma schema has the step-up models" }
      : {
          ok: false,
          what: `the Prisma schema lacks ${missing.join(", ")}`,
          fix: "npx step-up init   # adds them and writes their migration",
        };
  } catch (error) {
    if (error instanceof CliError) return { ok: false, what: "the Prisma schema", fix: error.message };
    throw error;
  }
}

function checkStylesheet(files: HostFiles): Finding {
  return [...files.sources.values()].some((text) => text.includes("@step-up/next/styles.css"))
    ? { ok: true, what: "the step-up stylesheet is imported" }
    : {
        ok: false,
        what: "the step-up stylesheet is not imported (the dialog would be unstyled)",
        fix: `import "@step-up/next/styles.css";   // once, in ${files.layout ?? "your root layout"}`,
      };
}
