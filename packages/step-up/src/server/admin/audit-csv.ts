import "server-only";
import type { Database } from "../db";
import type { StepUpIdentity } from "../ports";
import type { StepUpUsers } from "../ports";
import { providerOf } from "../audit-triggers";
import { directoryOf } from "./scope";
import { auditFilterSchema, listAuditEvents, type AuditFilter, type AuditItem } from "./audit-store";

export const CSV_PAGE_SIZE = 1000;
const COLUMNS = ["createdAt", "type", "severity", "userEmail", "userId", "actorId", "ip", "data"] as const;

/**
 * RFC 4180 quoting, and cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * prefixed with an apostrophe (OWASP "CSV injection"): audit data holds user-controlled text.
 */
export function escapeCsvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function toCsvRow(item: CsvRow, emails: Map<string, string>): string {
  const cells = [
    item.createdAt.toISOString(),
    item.type,
    item.severity,
    (item.userId && emails.get(item.userId)) ?? "",
    item.userId ?? "",
    item.actorId ?? "",
    item.ip ?? "",
    JSON.stringify(item.data),
  ];
  return `${cells.map(escapeCsvCell).join(",")}\r\n`;
}

/**
 * The filtered audit log as CSV, read as the client consumes it: on PostgreSQL from one server-side
 * cursor, CSV_FETCH_SIZE rows a fetch (ADR 039); on SQLite in keyset pages of CSV_PAGE_SIZE rows.
 * Either way the next rows are read only when the consumer pulls, so memory stays flat.
 */
export function streamAuditCsv(
  db: Database,
  options: { organizationId: string; filter: AuditFilter; users: StepUpUsers; keyset?: boolean },
): ReadableStream<Uint8Array> {
  const source =
    !options.keyset && providerOf(db) === "postgresql"
      ? cursorBatches(db, options.organizationId, options.filter)
      : keysetBatches(db, options.organizationId, options.filter);
  const directory = directoryOf(options.users);
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\r\n`));
          return;
        }
        try {
          const batch = await source.next();
          if (batch.length === 0) {
            controller.close();
            return;
          }
          const emails = await directory.emailsOf(batch.map((row) => row.userId));
          controller.enqueue(encoder.encode(batch.map((row) => toCsvRow(row, emails)).join("")));
        } catch (error) {
          await source.close(); // ends the cursor's transaction; the stream errors with the cause
          throw error;
        }
      },
      async cancel() {
        await source.close();
      },
    },
    // Nothing read ahead: the next batch is fetched when the response's reader asks for it.
    { highWaterMark: 0 },
  );
}

type CsvRow = Omit<AuditItem, "userEmail" | "procedure" | "level">;

/** Batches of rows, newest first; an empty batch at the end. */
interface Batches {
  next(): Promise<CsvRow[]>;
  close(): Promise<void>;
}

function keysetBatches(db: Database, organizationId: string, filter: AuditFilter): Batches {
  const directory = { members: async () => [], emailsOf: async () => new Map<string, string>() };
  let cursor: { createdAt: Date; id: string } | null = null;
  let done = false;
  return {
    async next() {
      if (done) return [];
      const page = await listAuditEvents(db, { organizationId, filter, directory, cursor, limit: CSV_PAGE_SIZE });
      const last = page.items.at(-1);
      if (!page.nextCursor || !last) done = true;
      else cursor = { createdAt: last.createdAt, id: last.id };
      return page.items;
    },
    async close() {
      done = true;
    },
  };
}

export const CSV_FETCH_SIZE = 5000;
/** The longest the export's transaction may stay open (Prisma's interactive transaction timeout). */
const CSV_TRANSACTION_MS = 15 * 60_000;
/** How long the cursor waits for a stalled reader before PostgreSQL ends the transaction. */
const CSV_IDLE_SECONDS = 60;

/**
 * One query for the whole export (ADR 039 item 5): a `DECLARE … CURSOR` in a read-only transaction
 * on one connection, fetched CSV_FETCH_SIZE rows at a time, each fetch waiting for the reader to ask.
 * The transaction is Prisma's interactive one (the host's client, no extra pool): its callback
 * loops on the reader's requests and returns when the rows run out or the reader cancels.
 */
function cursorBatches(db: Database, organizationId: string, filter: AuditFilter): Batches {
  type Request = { resolve: (rows: CsvRow[]) => void; reject: (error: unknown) => void };
  let waiting: ((request: Request | null) => void) | null = null;
  let pending: Request | null = null;
  let closed = false;
  let finished = false;
  let failure: unknown = null;
  const nextRequest = () =>
    new Promise<Request | null>((resolve) => {
      if (closed) resolve(null);
      else if (pending) {
        const request = pending;
        pending = null;
        resolve(request);
      } else waiting = resolve;
    });
  const hand = (request: Request | null) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(request);
    } else if (request) pending = request;
  };
  const userId = filter.userId ?? "";
  const type = filter.type ?? "";
  const severity = filter.severity ?? "";
  const from = filter.from ?? new Date(0);
  const to = filter.to ?? new Date("9999-12-31T23:59:59.999Z");
  let transaction: Promise<void> | null = null;
  const open = () =>
    db
      .$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
          await tx.$executeRawUnsafe(`SET LOCAL idle_in_transaction_session_timeout = '${CSV_IDLE_SECONDS}s'`);
          // The same rows and order as the keyset pages (listAuditEvents), on the same indexes.
          await tx.$executeRaw`
            DECLARE step_up_audit_csv NO SCROLL CURSOR FOR
            SELECT "id", "type", "severity", "userId", "actorId", "ip", "data", "createdAt"
            FROM "StepUpAuditEvent"
            WHERE "organizationId" = ${organizationId}
              AND "createdAt" >= ${from} AND "createdAt" <= ${to}
              AND (${userId} = '' OR "userId" = ${userId}) AND (${type} = '' OR "type" = ${type})
              AND (${severity} = '' OR "severity" = ${severity})
            ORDER BY "createdAt" DESC, "id" DESC`;
          for (let request = await nextRequest(); request; request = await nextRequest()) {
            let rows: CsvRow[];
            try {
              rows = await tx.$queryRawUnsafe<CsvRow[]>(`FETCH ${CSV_FETCH_SIZE} FROM step_up_audit_csv`);
            } catch (error) {
              request.reject(error);
              throw error;
            }
            if (rows.length < CSV_FETCH_SIZE) finished = true;
            request.resolve(rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) })));
            if (finished) return;
          }
        },
        { timeout: CSV_TRANSACTION_MS, maxWait: 10_000 },
      )
      .catch((error: unknown) => {
        failure = error;
        closed = true;
        if (pending) pending.reject(error);
        pending = null;
      });
  return {
    next() {
      if (finished) return Promise.resolve([]);
      if (failure) return Promise.reject(new Error("step-up: the audit CSV's cursor failed", { cause: failure }));
      transaction ??= open();
      return new Promise<CsvRow[]>((resolve, reject) => hand({ resolve, reject }));
    },
    async close() {
      closed = true;
      hand(null);
      await transaction;
    },
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * The audit CSV for a route handler (`GET /api/admin/audit.csv` in the demo): the same admin check as
 * the admin procedures, from the identity the host resolves for this request, then the stream.
 */
export async function auditCsvResponse(options: {
  db: Database;
  users: StepUpUsers;
  request: Request;
  identity: StepUpIdentity | null;
  now: Date;
}): Promise<Response> {
  const { db, request, now, identity } = options;
  if (!identity) return plain(401, "Sign in first");
  if (!identity.organizationId || !identity.isAdmin) return plain(403, "Admins only");
  const session = { activeOrganizationId: identity.organizationId };
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const filter = auditFilterSchema.safeParse(params);
  if (!filter.success) return plain(400, "Invalid filter");
  const day = now.toISOString().slice(0, 10);
  return new Response(
    streamAuditCsv(db, { organizationId: session.activeOrganizationId, filter: filter.data, users: options.users }),
    {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${day}.csv"`,
        "cache-control": "no-store",
      },
    },
  );
}
