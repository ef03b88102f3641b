import "server-only";
import type { MethodId } from "../engine";
import { backupCodeVerifier } from "./backup-code";
import { passwordVerifier } from "./password";
import { totpVerifier } from "./totp";
import type { Verifier } from "./verifier";

/** Registered verifiers. Passkey and email code arrive with issue #5; until then they are never offered. */
const VERIFIERS: Partial<Record<MethodId, Verifier>> = {
  password: passwordVerifier,
  totp: totpVerifier,
  backup_code: backupCodeVerifier,
};

export function getVerifier(method: MethodId): Verifier | null {
  return VERIFIERS[method] ?? null;
}

export function hasVerifier(method: MethodId): boolean {
  return method in VERIFIERS;
}

export type { Verifier, VerifyContext, VerifyResult } from "./verifier";
