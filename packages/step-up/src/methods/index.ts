import "server-only";
import type { MethodId } from "../engine";
import { backupCodeVerifier } from "./backup-code/verify";
import { emailCodeVerifier } from "./email-code/verify";
import { passkeyVerifier } from "./passkey/verify";
import { passwordVerifier } from "./password/verify";
import { totpVerifier } from "./totp/verify";
import type { Verifier } from "./verifier";

/** One verifier per method; the exhaustive record makes a new method id a type error until it has one. */
const VERIFIERS: Record<MethodId, Verifier> = {
  password: passwordVerifier,
  totp: totpVerifier,
  passkey: passkeyVerifier,
  backup_code: backupCodeVerifier,
  email_code: emailCodeVerifier,
};

export function getVerifier(method: MethodId): Verifier {
  return VERIFIERS[method];
}

export type {
  Claim,
  FailureDetail,
  IssuedChallenge,
  IssueResult,
  Verifier,
  VerifyContext,
  VerifyFailure,
  VerifyResult,
} from "./verifier";
