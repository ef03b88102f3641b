import "server-only";
import type { Database } from "@/server/db";
import type { AuthSession } from "@/server/auth/session";
import type { RelyingParty } from "../relying-party";
import type { RequestInfo } from "../store/requirements";

/** What every enrolment action needs: who (from the session only), when, and from where (for audit). */
export interface EnrollmentContext {
  db: Database;
  session: AuthSession;
  request: RequestInfo;
  now: Date;
  relyingParty: RelyingParty;
}

/** A pending factor (TOTP secret or passkey registration challenge) lives this long. */
export const ENROLLMENT_TTL_MS = 10 * 60_000;
