import "server-only";
import type { DemoApp } from "../app";
import { readCookie } from "@step-up/next/server";
import { SESSION_COOKIE } from "../auth/session";
import { validateSessionToken } from "../auth/session";

/** GET /api/admin/audit.csv: the identity from the session cookie, then the module's CSV response. */
export async function auditCsvRoute(app: DemoApp, request: Request): Promise<Response> {
  const token = readCookie(request.headers, SESSION_COOKIE);
  const session = token ? await validateSessionToken(app.db, token, app.now()) : null;
  const identity = session && {
    userId: session.userId,
    sessionId: session.id,
    authenticatedAt: session.authenticatedAt,
    organizationId: session.activeOrganizationId,
    isAdmin: session.role === "admin",
  };
  return app.stepUp.auditCsv(request, identity);
}
