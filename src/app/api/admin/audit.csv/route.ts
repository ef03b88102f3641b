import { getDemoApp } from "@/server/app";
import { auditCsvRoute } from "@/server/http/audit-csv";

/**
 * The audit log for the current filter as a streamed CSV download (admins of the active organization).
 * Reading the cookie makes the route dynamic; GET route handlers are not cached since Next 15.
 */
export function GET(request: Request): Promise<Response> {
  return auditCsvRoute(getDemoApp(), request);
}
