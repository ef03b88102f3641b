import "server-only";
import type { Database } from "../db";
import type { StepUpSession } from "../session";
import type { RelyingParty } from "../relying-party";
import type { RequestInfo } from "../verification/requirements";
import type { StepUpServices } from "../services";

/** What every enrolment action needs: who (from the session only), when, and from where (for audit). */
export interface EnrollmentContext {
  db: Database;
  /** The instance: crypto for TOTP secrets, users for labels, sessions for revocation. */
  services: StepUpServices;
  session: StepUpSession;
  request: RequestInfo;
  now: Date;
  relyingParty: RelyingParty;
}

/** A pending factor (TOTP secret or passkey registration challenge) lives this long. */
export const ENROLLMENT_TTL_MS = 10 * 60_000;
