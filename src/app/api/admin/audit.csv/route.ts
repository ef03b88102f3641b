import { db } from "@/server/db";
import { auditCsvResponse } from "@/step-up/server/admin/audit-csv";

// Always per request: the answer depends on the session cookie and the filter.
export const dynamic = "force-dynamic";

/** The audit log for the current filter as a streamed CSV download (admins of the active organization). */
export function GET(request: Request): Promise<Response> {
  return auditCsvResponse({ db, request, now: new Date() });
}
