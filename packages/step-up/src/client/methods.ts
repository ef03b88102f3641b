import type { Combination, MethodId } from "../engine/levels";
import { describeCombination } from "../engine/method-labels";
import type { Translate } from "../i18n/translator";
import { METHOD_TEXT, type MethodLabels } from "../methods/labels";

/**
 * English method names (each method's words live in its folder, methods/<method>/labels.ts), for pages not
 * yet localized.
 * @deprecated Use `methodLabel(t, method)` / `combinationLabel(t, combination)` with `useStepUpI18n()`.
 */
export const METHOD_INFO: Record<MethodId, MethodLabels> = METHOD_TEXT;

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
