import type { Combination, MethodId } from "../engine/levels";
import { describeCombination, METHOD_LABELS } from "../engine/method-labels";
import type { Translate } from "../i18n/translator";

/**
 * English method names, for pages not yet localized.
 * @deprecated Use `methodLabel(t, method)` / `combinationLabel(t, combination)` with `useStepUpI18n()`.
 */
export const METHOD_INFO: Record<MethodId, { label: string }> = {
  passkey: { label: METHOD_LABELS.passkey },
  password: { label: METHOD_LABELS.password },
  totp: { label: METHOD_LABELS.totp },
  backup_code: { label: METHOD_LABELS.backup_code },
  email_code: { label: METHOD_LABELS.email_code },
};

export { describeCombination };

/** Step label in the progress list and the picker: "Authenticator code". */
export function methodLabel(t: Translate, method: MethodId): string {
  return t(`dialog.method.${method}`);
}

/** Field label, or the button label for methods without a typed credential. */
export function methodPrompt(t: Translate, method: MethodId): string {
  return t(`dialog.prompt.${method}`);
}

/** "Password + authenticator code": the picker's order follows the server's combinations (ADR 013). */
export function combinationLabel(t: Translate, combination: Combination): string {
  return combination
    .map((method, i) => (i === 0 ? methodLabel(t, method) : t(`dialog.methodInline.${method}`)))
    .join(" + ");
}

export function nextMethod(combination: Combination, done: readonly MethodId[]): MethodId | null {
  return combination.find((method) => !done.includes(method)) ?? null;
}
