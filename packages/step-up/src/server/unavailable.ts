import "server-only";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { TRPCError } from "@trpc/server";
import { findStepUpPayload } from "./errors";
import type { StepUpErrorReporter } from "./ports";

/**
 * A database that cannot answer now — unreachable, gone, hung, locked or out of connections — as opposed to
 * a query that is wrong. Such a failure anywhere in a call's path answers 503 UNAVAILABLE with Retry-After
 * and is logged once with its cause (ADR 026).
 */

/** Seconds a client is asked to wait after a 503 UNAVAILABLE: about one connect + query timeout. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// Node socket errors: the server is not there, or the connection broke.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTFOUND",
]);
// PostgreSQL SQLSTATEs: connection exceptions (class 08), shutting down or starting up, statement or lock
// timeout, too many connections, I/O error.
const PG_STATES = new Set(["53300", "55P03", "57014", "57P01", "57P02", "57P03", "58030"]);
// Prisma's codes for the same: can't reach, timed out, connection closed, pool or transaction timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// Prisma driver-adapter error kinds (meta.driverAdapterError.cause.kind); SQLITE_BUSY maps to SocketTimeout.
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);
// SQLite result codes (better-sqlite3 `code`, extended codes included): locked, I/O, cannot open, disk full.
const SQLITE_CODE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|PROTOCOL)/;
// node-postgres raises plain Errors for its own timeouts and broken connections.
const PG_MESSAGES = new RegExp(
  "^(Connection terminated|Query read timeout|timeout exceeded when trying to connect" +
    "|Client has encountered a connection error|Client was closed)",
);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  errorCode?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } };
  kind?: unknown;
}

function isUnavailableItself(error: ErrorLike): boolean {
  const code = typeof error.code === "string" ? error.code : typeof error.errorCode === "string" ? error.errorCode : "";
  if (SOCKET_CODES.has(code) || PRISMA_CODES.has(code) || SQLITE_CODE.test(code)) return true;
  if (/^08[0-9A-Z]{3}$/.test(code) || PG_STATES.has(code)) return true;
  const adapter = error.meta?.driverAdapterError?.cause;
  if (adapter && isAdapterCause(adapter)) return true;
  if (error.name === "DriverAdapterError" && error.cause && isAdapterCause(error.cause as ErrorLike)) return true;
  const message = typeof error.message === "string" ? error.message : "";
  return PG_MESSAGES.test(message) || /^SQLITE_(BUSY|IOERR|LOCKED)\b|^database is locked/.test(message);
}

function isAdapterCause(cause: ErrorLike & { originalCode?: unknown }): boolean {
  if (typeof cause.kind === "string" && ADAPTER_KINDS.has(cause.kind)) return true;
  const code =
    typeof cause.code === "string" ? cause.code : typeof cause.originalCode === "string" ? cause.originalCode : "";
  return (cause.kind === "postgres" && (/^08/.test(code) || PG_STATES.has(code))) || SQLITE_CODE.test(code);
}

/**
 * Whether `error` (or one of its causes) says the database is unavailable: a Prisma, node-postgres or
 * better-sqlite3 connection, timeout or busy error. A constraint violation or a bad query is not.
 * @example
 * if (isDatabaseUnavailable(error)) return new Response(null, { status: 503, headers: { "Retry-After": "5" } });
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 8) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as ErrorLike;
    if (isUnavailableItself(e)) return true;
    queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...(e.errors as unknown[])); // AggregateError: one per address tried
  }
  return false;
}

/** Whether a refusal means "unavailable": the gate's UNAVAILABLE payload or a database error anywhere in it. */
export function isUnavailableError(error: unknown): boolean {
  return findStepUpPayload(error)?.code === "UNAVAILABLE" || isDatabaseUnavailable(error);
}

/**
 * The seconds to send as Retry-After for a refusal that passes with time — LOCKED, RESEND_THROTTLED,
 * UNAVAILABLE or a database that cannot answer — or null. The one source of the header, over tRPC
 * (`setRetryAfter`, `trpcHandler`) and outside it (http/responses.ts).
 */
export function retryAfterOf(error: unknown): number | null {
  const payload = findStepUpPayload(error);
  if (payload?.code === "LOCKED" || payload?.code === "RESEND_THROTTLED") return payload.retryAfter;
  if (payload?.code === "UNAVAILABLE" && payload.retryAfter) return payload.retryAfter;
  return isDatabaseUnavailable(error) ? UNAVAILABLE_RETRY_AFTER_SECONDS : null;
}

/** Sets Retry-After on the response when `error` says when to come back. */
export function setRetryAfter(resHeaders: Headers, error: unknown): void {
  const seconds = retryAfterOf(error);
  if (seconds !== null) resHeaders.set("Retry-After", String(seconds));
}

const REPORTED = Symbol.for("step-up.reported");

/** Marks an error as logged: whoever sees it next (tRPC's onError, a batch's other calls) does not log it again. */
export function markReported(error: unknown): void {
  if (error && typeof error === "object") (error as Record<symbol, boolean>)[REPORTED] = true;
}

function wasReported(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    if ((current as Record<symbol, boolean>)[REPORTED]) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Reports `error` through the instance's reporter unless it was already reported. */
export function reportOnce(report: StepUpErrorReporter, error: unknown, event: { event: string; path?: string }): void {
  if (wasReported(error)) return;
  markReported(error);
  report(error, event);
}

/**
 * What tRPC's fetch/Next handler needs for failures (spread into `fetchRequestHandler`): every 5xx is
 * logged once through the instance's `onError`, and a 503 UNAVAILABLE carries `Retry-After`. The status and
 * `error.data.stepUp` come from `formatStepUpError` in your errorFormatter.
 */
export function trpcFailureHandling(report: StepUpErrorReporter) {
  return {
    onError({ error, path }: { error: TRPCError; path?: string }): void {
      const unavailable = isUnavailableError(error);
      if (!unavailable && getHTTPStatusCodeFromError(error) < 500) return;
      reportOnce(report, error, { event: unavailable ? "trpc.unavailable" : "trpc.failed", path });
    },
    responseMeta({ errors }: { errors: TRPCError[] }): { headers?: Record<string, string> } {
      const retryAfter = errors.map(retryAfterOf).find((seconds) => seconds !== null);
      return retryAfter ? { headers: { "Retry-After": String(retryAfter) } } : {};
    },
  };
}
