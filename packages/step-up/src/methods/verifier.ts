import "server-only";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { MethodId, StepUpLevel } from "../engine";
import type { StepUpMailer } from "../server/ports";
import type { Database, MethodStore, RelyingParty, RequestInfo, StepUpCrypto, StepUpUsers, Transaction } from "./ports";

export interface VerifyContext {
  db: Database;
  userId: string;
  organizationId: string | null;
  requirementId: string;
  level: StepUpLevel;
  /** Critical only: what the passkey challenge commits to (sha256 of the call, and its summary). ADR 022. */
  callBinding: { callHash: string; summary: string | null } | null;
  /** When the requirement itself expires: nothing issued for it outlives that. */
  requirementExpiresAt: Date;
  now: Date;
  relyingParty: RelyingParty;
  mailer: StepUpMailer | null;
  crypto: StepUpCrypto;
  users: StepUpUsers;
  request: RequestInfo;
  /** The server's shared limits and audit log (methods/ports.ts). */
  store: MethodStore;
}

/**
 * Why a credential was refused. Recorded on the attempt and the `stepup.failed` audit row; the
 * client only ever sees INVALID_CREDENTIAL, so these may be as precise as is useful to an admin.
 */
export type VerifyFailure =
  | "invalid"
  | "replayed"
  | "malformed"
  | "not_enrolled"
  /** The method can never clear the requirement's level (an email code above medium, ADR 011). */
  | "not_allowed_at_level"
  // passkey
  | "unknown_credential"
  | "wrong_type"
  | "wrong_origin"
  | "wrong_rp_id"
  | "challenge_reused"
  | "challenge_mismatch"
  /** The challenge does not commit to this requirement's call and summary (ADR 022). */
  | "binding_mismatch"
  | "user_verification_missing"
  | "user_presence_missing"
  | "bad_signature"
  | "counter_regression"
  // email code
  | "no_code_sent"
  | "expired_code";

/** Details that go into the audit row next to the failure (never to the client). */
export type FailureDetail = Record<string, string | number | boolean | null>;

/**
 * What a correct single-use factor still has to use up (a backup code, a TOTP step, an email code, a WebAuthn
 * challenge): run in the transaction that records the verified method, so it is never spent without counting.
 * False: a concurrent use won, and the attempt fails with `failure` (ADR 028).
 */
export interface Claim {
  run(tx: Transaction): Promise<boolean>;
  failure: VerifyFailure;
}

export type VerifyResult = { ok: true; claim?: Claim } | { ok: false; failure: VerifyFailure; detail?: FailureDetail };

export type IssuedChallenge =
  /** `summary`: the operation this passkey approves, when the challenge is bound to it (ADR 022). */
  | { method: "passkey"; options: PublicKeyCredentialRequestOptionsJSON; summary: string | null }
  | { method: "email_code"; sentTo: string; resendAfter: number; expiresAt: string };

export type IssueResult =
  | { ok: true; challenge: IssuedChallenge }
  | { ok: false; failure: "throttled"; retryAfter: number }
  | { ok: false; failure: "not_enrolled" | "unavailable" | "not_allowed_at_level" };

/**
 * One verification method. Two steps: `issue` (a challenge or a code, for methods that need one)
 * then `verify`. A WebAuthn challenge is used up by any verification, accepted or not; an email code
 * by its first correct use (a typo does not cost a new email; wrong guesses count as failed attempts).
 */
export interface Verifier {
  readonly id: MethodId;
  issue?(context: VerifyContext): Promise<IssueResult>;
  verify(context: VerifyContext, credential: string): Promise<VerifyResult>;
}

export const VERIFIED: VerifyResult = { ok: true };
/** Correct, provided `run` still wins the single-use factor when the method is recorded. */
export function verifiedOnceClaimed(run: Claim["run"], failure: VerifyFailure = "replayed"): VerifyResult {
  return { ok: true, claim: { run, failure } };
}
export function failed(failure: VerifyFailure, detail?: FailureDetail): VerifyResult {
  return detail ? { ok: false, failure, detail } : { ok: false, failure };
}
