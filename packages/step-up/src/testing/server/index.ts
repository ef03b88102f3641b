/**
 * `@step-up/next/testing/server`: the server side of the test kit. Seeding helpers a host's test or
 * seed script may use (the module's secret box and backup-code hashes, so seeded rows verify), and the
 * module's own internals its repository-level suites drive directly (each marked `@internal`: no host
 * should build on them; they change without notice).
 *
 * Unlike `@step-up/next/testing` (docs/decisions/034-test-kit.md), this entry loads server code on
 * import: run it where `server-only` resolves (vitest with its alias, tsx with `--conditions=react-server`).
 */
import "server-only";

/** Seeding: the module's encryption and hashing, keyed by the instance's secret. */
export { createCrypto } from "../../server/crypto";
export { hashBackupCode, normalizeBackupCode } from "../../methods/backup-code";

/** @internal An audit row as the writer stores it, for bulk seeding (hosts call `stepUp.recordEvent`). */
export { auditRow } from "../../server/audit/audit";
/** @internal The admin's audit queries, called without the admin router. */
export { CSV_FETCH_SIZE, CSV_PAGE_SIZE, streamAuditCsv } from "../../server/admin/audit-csv";
export { auditChart, auditMetrics } from "../../server/admin/audit-metrics";
export { describeProcedures } from "../../server/admin/procedures";
/** @internal One webhook delivery pass and the endpoint URL check, without the worker. */
export { deliverDue, type DeliveryContext } from "../../server/webhooks/delivery";
export { checkEndpointUrl } from "../../server/webhooks/url-guard";
/** @internal The per-procedure call counters. */
export { createCallStats, type CallOutcome } from "../../server/call-stats/call-stats";
/** @internal Method verifiers called directly, with the store port they are given. */
export { getVerifier, type VerifyContext, type VerifyResult } from "../../methods";
export { createBoundChallenge } from "../../methods/passkey";
export { createMethodStore } from "../../server/verification/method-store";
/** @internal The `step-up` CLI's commands as functions (the bin is `step-up check` / `step-up init`). */
export { runCheck } from "../../cli/check";
export { runInit } from "../../cli/init";
/** @internal The module's own Prisma client type (a host's client is the same tables through its own). */
export type { Database as StepUpDatabase } from "../../server/db";
