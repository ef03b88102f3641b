import type { Combination, MethodId } from "../engine/levels";
import { describeCombination, METHOD_LABELS } from "../engine/method-labels";

interface MethodInfo {
  /** Step label in the progress list. */
  label: string;
  /** Field label, or the button label for methods without a typed credential. */
  prompt: string;
  /** What the error says did not match. */
  noun: string;
}

/** Display order of the picker follows the server's combination order (ADR 013). */
export const METHOD_INFO: Record<MethodId, MethodInfo> = {
  passkey: { label: METHOD_LABELS.passkey, prompt: "Use your passkey", noun: "passkey" },
  password: { label: METHOD_LABELS.password, prompt: "Password", noun: "password" },
  totp: { label: METHOD_LABELS.totp, prompt: "6-digit code from your authenticator app", noun: "code" },
  backup_code: { label: METHOD_LABELS.backup_code, prompt: "One of your backup codes", noun: "backup code" },
  email_code: { label: METHOD_LABELS.email_code, prompt: "Code from the email we sent you", noun: "code" },
};

export { describeCombination };

export function nextMethod(combination: Combination, done: readonly MethodId[]): MethodId | null {
  return combination.find((method) => !done.includes(method)) ?? null;
}
