import type { Combination, MethodId } from "../engine/levels";

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
  passkey: { label: "Passkey", prompt: "Use your passkey", noun: "passkey" },
  password: { label: "Password", prompt: "Password", noun: "password" },
  totp: { label: "Authenticator code", prompt: "6-digit code from your authenticator app", noun: "code" },
  backup_code: { label: "Backup code", prompt: "One of your backup codes", noun: "backup code" },
  email_code: { label: "Email code", prompt: "Code from the email we sent you", noun: "code" },
};

export function describeCombination(combination: Combination): string {
  return combination
    .map((method, i) => (i === 0 ? METHOD_INFO[method].label : METHOD_INFO[method].label.toLowerCase()))
    .join(" + ");
}

export function nextMethod(combination: Combination, done: readonly MethodId[]): MethodId | null {
  return combination.find((method) => !done.includes(method)) ?? null;
}
