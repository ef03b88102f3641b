import type { Combination, MethodId } from "../engine/levels";
import { describeCombination } from "../engine/method-labels";
import { METHOD_TEXT, type MethodLabels } from "../methods/labels";

/** Each method's words live in its folder (methods/<method>/labels.ts); the order is the server's (ADR 013). */
export const METHOD_INFO: Record<MethodId, MethodLabels> = METHOD_TEXT;

export { describeCombination };

export function nextMethod(combination: Combination, done: readonly MethodId[]): MethodId | null {
  return combination.find((method) => !done.includes(method)) ?? null;
}
