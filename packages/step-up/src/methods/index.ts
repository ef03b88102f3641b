import "server-only";
import type { MethodId } from "../engine";
import { backupCodeMethod } from "./backup-code";
import { emailCodeMethod } from "./email-code";
import type { MethodModule } from "./method-module";
import { passkeyMethod } from "./passkey";
import { passwordMethod } from "./password";
import type { EnrolledCheck } from "./ports";
import { totpMethod } from "./totp";
import type { Verifier } from "./verifier";

/**
 * The registry: one module per method id (the `satisfies` makes a new id a type error until it has one).
 * Each keeps its own type, so the enrolment router and the security page reach its `enrol` and `overview`.
 */
export const METHOD_MODULES = {
  password: passwordMethod,
  totp: totpMethod,
  backup_code: backupCodeMethod,
  passkey: passkeyMethod,
  email_code: emailCodeMethod,
} as const satisfies Record<MethodId, MethodModule>;

const METHOD_IDS = Object.keys(METHOD_MODULES) as MethodId[];

export function getMethod(id: MethodId): MethodModule {
  return METHOD_MODULES[id];
}

/** The method's two verification steps (a `MethodModule` is a `Verifier`). */
export function getVerifier(method: MethodId): Verifier {
  return METHOD_MODULES[method];
}

/** The methods the user can verify with now, asked of every module at once. */
export async function listEnrolledMethods(check: EnrolledCheck): Promise<Set<MethodId>> {
  const [user, ...enrolled] = await Promise.all([
    check.user,
    ...METHOD_IDS.map((id) => METHOD_MODULES[id].enrolled(check)),
  ]);
  const methods = new Set<MethodId>();
  if (!user) return methods;
  METHOD_IDS.forEach((id, i) => {
    if (enrolled[i]) methods.add(id);
  });
  return methods;
}

export type { MethodModule } from "./method-module";
export { METHOD_TEXT, type MethodLabels } from "./labels";
export type * from "./ports";
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
