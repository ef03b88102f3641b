/**
 * The append-only triggers on StepUpAuditEvent (docs/decisions/032-step-up-cli-and-audit-trigger-check.md):
 * their names per database and the SQL that creates them. One definition for `npx step-up init` (which
 * writes them into the host's migration), `npx step-up check` and the running module's start-up check.
 */

/** The databases the module's schema and triggers support, as Prisma's datasource `provider` names them. */
export const SUPPORTED_PROVIDERS = ["sqlite", "postgresql"] as const;
export type SupportedProvider = (typeof SUPPORTED_PROVIDERS)[number];

export const AUDIT_TABLE = "StepUpAuditEvent";

/** SQLite has no TRUNCATE; PostgreSQL's TRUNCATE skips row triggers, so it gets a statement trigger. */
export const AUDIT_TRIGGERS: Record<SupportedProvider, readonly string[]> = {
  sqlite: ["StepUpAuditEvent_day_rollup_stale", "StepUpAuditEvent_no_delete", "StepUpAuditEvent_no_update"],
  postgresql: [
    "StepUpAuditEvent_day_rollup_stale",
    "StepUpAuditEvent_no_delete",
    "StepUpAuditEvent_no_truncate",
    "StepUpAuditEvent_no_update",
  ],
};

/**
 * A row with an old createdAt (a script, a skewed clock) makes its day's rollup stale: the trigger deletes
 * it and the next read counts the day again (ADR 039). On the normal path it is an index probe that finds
 * nothing (today is never rolled up).
 */
const SQLITE_ROLLUP_TRIGGER = `-- Daily rollups (StepUpAuditDay): a late row invalidates its day.
CREATE TRIGGER "StepUpAuditEvent_day_rollup_stale" AFTER INSERT ON "StepUpAuditEvent"
BEGIN
    DELETE FROM "StepUpAuditDay" WHERE "organizationId" = NEW."organizationId" AND "day" = NEW."day";
END;
`;

const POSTGRES_ROLLUP_TRIGGER = `-- Daily rollups (StepUpAuditDay): a late row invalidates its day.
CREATE OR REPLACE FUNCTION "StepUpAuditEvent_day_rollup_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "StepUpAuditDay" WHERE "organizationId" = NEW."organizationId" AND "day" = NEW."day";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "StepUpAuditEvent_day_rollup_stale" AFTER INSERT ON "StepUpAuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "StepUpAuditEvent_day_rollup_stale"();
`;

const SQLITE_TRIGGERS = `-- Append-only audit log: the database refuses to change or remove StepUpAuditEvent rows.
CREATE TRIGGER "StepUpAuditEvent_no_update" BEFORE UPDATE ON "StepUpAuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'StepUpAuditEvent rows are append-only');
END;

CREATE TRIGGER "StepUpAuditEvent_no_delete" BEFORE DELETE ON "StepUpAuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'StepUpAuditEvent rows are append-only');
END;
`;

const POSTGRES_TRIGGERS = `-- Append-only audit log: rows can be inserted, never changed or removed, not even by TRUNCATE.
CREATE OR REPLACE FUNCTION "StepUpAuditEvent_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'StepUpAuditEvent rows are append-only';
END;
$$;

CREATE TRIGGER "StepUpAuditEvent_no_update" BEFORE UPDATE ON "StepUpAuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "StepUpAuditEvent_append_only"();

CREATE TRIGGER "StepUpAuditEvent_no_delete" BEFORE DELETE ON "StepUpAuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "StepUpAuditEvent_append_only"();

CREATE TRIGGER "StepUpAuditEvent_no_truncate" BEFORE TRUNCATE ON "StepUpAuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "StepUpAuditEvent_append_only"();
`;

/** The SQL that creates the triggers on a database that has the table and none of them. */
export function auditTriggersSql(provider: SupportedProvider): string {
  return provider === "sqlite"
    ? `${SQLITE_TRIGGERS}\n${SQLITE_ROLLUP_TRIGGER}`
    : `${POSTGRES_TRIGGERS}\n${POSTGRES_ROLLUP_TRIGGER}`;
}

/** The query listing the enabled triggers on the audit table (one text column, `name`). */
export function auditTriggersQuery(provider: SupportedProvider): string {
  return provider === "sqlite"
    ? `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '${AUDIT_TABLE}'`
    : // to_regclass follows the search_path, as the app's own queries do; a disabled trigger protects nothing.
      `SELECT t.tgname::text AS name FROM pg_trigger t WHERE t.tgrelid = to_regclass('"${AUDIT_TABLE}"') AND NOT t.tgisinternal AND t.tgenabled <> 'D'`;
}

/** The triggers of `provider` absent from `present`, in name order. */
export function missingAuditTriggers(provider: SupportedProvider, present: readonly string[]): string[] {
  return AUDIT_TRIGGERS[provider].filter((name) => !present.includes(name));
}
