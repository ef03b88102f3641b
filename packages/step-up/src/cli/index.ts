#!/usr/bin/env node
/**
 * `npx step-up <command>`: init (schema + migration with the audit triggers), check (a database against
 * what the module needs) and doctor (the app's wiring). Exit status 0 when all is well, 1 when something
 * must be fixed (each fix is printed), 2 for a usage error. ADR 032.
 */
import { parseArgs } from "node:util";
import { runCheck } from "./check";
import { CliError } from "./cli-error";
import { runDoctor } from "./doctor";
import { runInit } from "./init";

const USAGE = `Usage: npx step-up <command> [options]

Commands (run in your app's root folder):
  init      add the step-up models to your Prisma schema and write their migration, with the
            append-only audit triggers; prints the wiring to paste. Re-running it changes nothing.
  check     compare a database with what step-up needs (tables, columns, indexes, audit triggers)
              --url <url>   the database (default: DATABASE_URL, from the environment or .env)
  doctor    check your app's wiring (formatter, transformer, secret, origin, schema, stylesheet)

Options:
  -h, --help  this text`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { url: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, ...rest] = positionals;
  const print = (line: string) => process.stdout.write(`${line}\n`);
  if (values.help || !command) {
    print(USAGE);
    return values.help ? 0 : 2;
  }
  if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest[0]}`);
  const root = process.cwd();
  switch (command) {
    case "init":
      await runInit(root, print);
      return 0;
    case "check":
      return (await runCheck(root, print, { url: values.url })) ? 0 : 1;
    case "doctor":
      return (await runDoctor(root, print)) ? 0 : 1;
    default:
      throw new UsageError(`Unknown command: ${command}`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error)) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (error instanceof CliError) {
      process.stderr.write(`step-up: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(
        `step-up: unexpected error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    }
  },
);
