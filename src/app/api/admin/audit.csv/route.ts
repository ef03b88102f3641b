import { db } from "@/server/db";
import { auditCsvResponse } from "@/step-up/server/admin/audit-csv";

/**
 * The audit log for the current filter as a streamed CSV download (admins of the active organization).
 * Reading the cookie makes the route dynamic; GET route handlers are not cached since Next 15.
 */
export function GET(request: Request): Promise<Response> {
  return auditCsvResponse({ db, request, now: new Date() });
}
