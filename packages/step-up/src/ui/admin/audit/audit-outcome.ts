import { methodLabel } from "../../../client/methods";
import { METHODS, type MethodId } from "../../../engine/levels";
import type { StepUpMessageKey } from "../../../i18n/catalogue";
import type { Translate } from "../../../i18n/translator";
import { adminEn } from "../../../i18n/messages/admin.en";

const LOCK_SCOPES = ["requirement", "user"] as const;

/** A step-up event's outcome, with the method or the lock's scope when the event names one; null for others. */
export function describeOutcome(t: Translate, type: string, data: unknown): string | null {
  const key = `admin.outcome.${type}`;
  if (!(key in adminEn)) return null;
  const outcome = t(key as StepUpMessageKey);
  const fields = (data && typeof data === "object" ? data : {}) as Record<string, unknown>;
  const scope = LOCK_SCOPES.find((s) => s === fields.scope);
  if (type === "stepup.locked" && scope)
    return t("admin.outcome.lockedScope", { outcome, scope: t(`admin.outcome.scope.${scope}`) });
  const method = METHODS.find((m) => m === fields.method) as MethodId | undefined;
  return method ? t("admin.outcome.withMethod", { outcome, method: methodLabel(t, method) }) : outcome;
}
