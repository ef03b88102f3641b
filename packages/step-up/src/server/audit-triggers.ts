import "server-only";
import {
  AUDIT_TABLE,
  auditTriggersQuery,
  missingAuditTriggers,
  type SupportedProvider,
} from "../shared/audit-triggers";
import type { Database } from "./db";
import type { StepUpErrorReporter } from "./ports";
import { reportOnce } from "./unavailable";

/**
 * What the first call does when the audit table lacks its append-only triggers (ADR 032): "refuse"
 * serves nothing until they exist; "log" reports through `onError` once and serves.
 */
export type AuditTriggerMode = "refuse" | "log";

/** The triggers missing on the database behind `db`; [] when all are there. */
export async function findMissingAuditTriggers(db: Database): Promise<string[]> {
  const provider = providerOf(db);
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(auditTriggersQuery(provider));
  return missingAuditTriggers(
    provider,
    rows.map((row) => row.name),
  );
}

/**
 * The start-up check, run by the first call (like the wiring check). Passes once and is not run
 * again; in "refuse" mode a failure is checked again on the next call, so applying the migration
 * needs no restart.
 */
export function createAuditTriggerCheck(options: {
  db: Database;
  mode: AuditTriggerMode;
  onError: StepUpErrorReporter;
}): () => Promise<void> {
  let done = false;
  return async () => {
    if (done) return;
    const missing = await findMissingAuditTriggers(options.db);
    if (missing.length === 0) {
      done = true;
      return;
    }
    const error = new Error(
      `step-up: ${AUDIT_TABLE} has no append-only trigger${missing.length > 1 ? "s" : ""} ${missing.join(", ")}, so audit rows can be changed or deleted. ` +
        "Run `npx step-up init` and apply the migration it writes (`npx step-up check` lists what is missing); " +
        'a host that keeps the log append-only another way passes `auditTriggers: "log"` to createStepUp (ADR 032).',
    );
    reportOnce(options.onError, error, { event: "audit.triggers_missing" });
    if (options.mode === "refuse") throw error;
    done = true;
  };
}

/** The client's datasource provider (Prisma keeps it on the client); the module supports two. */
export function providerOf(db: Database): SupportedProvider {
  const provider = (db as unknown as { _activeProvider?: unknown })._activeProvider;
  if (provider === "sqlite") return "sqlite";
  if (provider === "postgresql" || provider === "postgres") return "postgresql";
  throw new Error(
    `step-up: cannot check the audit triggers on a "${String(provider)}" database; supported: sqlite, postgresql`,
  );
}
