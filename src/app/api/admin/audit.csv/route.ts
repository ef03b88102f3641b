import { getDemoApp } from "@/server/app";
import { SESSION_COOKIE, readCookie } from "@/server/auth/cookies";
import { validateSessionToken } from "@/server/auth/session";

/**
 * The audit log for the current filter as a streamed CSV download (admins of the active organization).
 * Reading the cookie makes the route dynamic; GET route handlers are not cached since Next 15.
 */
export async function GET(request: Request): Promise<Response> {
  const app = getDemoApp();
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
