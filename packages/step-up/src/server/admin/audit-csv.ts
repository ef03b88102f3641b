import "server-only";
import type { Database } from "../db";
import type { StepUpIdentity } from "../ports";
import type { StepUpUsers } from "../ports";
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

function toCsvRow(item: AuditItem): string {
  const cells = [
    item.createdAt.toISOString(),
    item.type,
    item.severity,
    item.userEmail ?? "",
    item.userId ?? "",
    item.actorId ?? "",
    item.ip ?? "",
    JSON.stringify(item.data),
  ];
  return `${cells.map(escapeCsvCell).join(",")}\r\n`;
}

/** The filtered audit log as CSV, read 1,000 rows at a time as the client consumes it. */
export function streamAuditCsv(
  db: Database,
  options: { organizationId: string; filter: AuditFilter; users: StepUpUsers },
): ReadableStream<Uint8Array> {
  const directory = directoryOf(options.users);
  const encoder = new TextEncoder();
  let cursor: { createdAt: Date; id: string } | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\r\n`));
      }
      const { organizationId, filter } = options;
      const page = await listAuditEvents(db, { organizationId, filter, directory, cursor, limit: CSV_PAGE_SIZE });
      if (page.items.length > 0) controller.enqueue(encoder.encode(page.items.map(toCsvRow).join("")));
      const last = page.items.at(-1);
      if (!page.nextCursor || !last) controller.close();
      else cursor = { createdAt: last.createdAt, id: last.id };
    },
  });
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
