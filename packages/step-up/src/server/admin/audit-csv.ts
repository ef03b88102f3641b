import "server-only";
import type { Database } from "@/server/db";
import { SESSION_COOKIE, readCookie } from "@/server/auth/cookies";
import { validateSessionToken } from "@/server/auth/session";
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
  options: { organizationId: string; filter: AuditFilter },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: { createdAt: Date; id: string } | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\r\n`));
      }
      const page = await listAuditEvents(db, { ...options, cursor, limit: CSV_PAGE_SIZE });
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

/** GET /api/admin/audit.csv: the same admin check as adminProcedure, then the stream. */
export async function auditCsvResponse(options: { db: Database; request: Request; now: Date }): Promise<Response> {
  const { db, request, now } = options;
  const token = readCookie(request.headers, SESSION_COOKIE);
  const session = token ? await validateSessionToken(db, token, now) : null;
  if (!session) return plain(401, "Sign in first");
  if (!session.activeOrganizationId || session.role !== "admin") return plain(403, "Admins only");
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
  const filter = auditFilterSchema.safeParse(params);
  if (!filter.success) return plain(400, "Invalid filter");
  const day = now.toISOString().slice(0, 10);
  return new Response(streamAuditCsv(db, { organizationId: session.activeOrganizationId, filter: filter.data }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
