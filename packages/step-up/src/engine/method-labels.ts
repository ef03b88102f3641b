import type { Combination, MethodId } from "./levels";

/** A method's name as a person reads it: the dialog's steps and pages that explain the levels. */
export const METHOD_LABELS: Record<MethodId, string> = {
  passkey: "Passkey",
  password: "Password",
  totp: "Authenticator code",
  backup_code: "Backup code",
  email_code: "Email code",
};

/** "Password + authenticator code". */
export function describeCombination(combination: Combination): string {
  return combination
    .map((method, i) => (i === 0 ? METHOD_LABELS[method] : METHOD_LABELS[method].toLowerCase()))
    .join(" + ");
}
