"use client";

import type { Combination, Level } from "../engine/levels";
import { useStepUpI18n } from "../i18n/context";
import { combinationLabel } from "./methods";

/** What `stepUp.evaluate` answers, the part a form needs to say what will be asked. */
export interface StepUpEvaluation {
  required: boolean;
  level: Level;
  methods: Combination[];
}

/**
 * Says on a form, before it is sent, what the step-up dialog will ask — from `stepUp.evaluate` for
 * the form's current input, in the provider's language: "Strong check. You’ll confirm with one of
 * these: Passkey or Password + authenticator code." Renders nothing until there is an answer.
 */
export function StepUpHint({
  evaluation,
  className,
}: {
  evaluation: StepUpEvaluation | undefined;
  className?: string;
}) {
  const i18n = useStepUpI18n();
  const { t, format } = i18n;
  if (!evaluation) return null;
  const { required, level, methods } = evaluation;
  if (!required || level === "none" || level === "low") {
    return (
      <p className={className} data-testid="step-up-hint">
        {t("dialog.expect.none")}
      </p>
    );
  }
  const [only] = methods;
  // Nothing the user has set up is strong enough: the dialog will offer to set one up.
  const expectation =
    methods.length === 0
      ? t("dialog.refusal.intro")
      : methods.length === 1 && only?.length === 1
        ? t("dialog.willAsk", { method: only[0] ?? "" })
        : t("dialog.expect.oneOf", {
            methods: format.list(
              methods.map((combination) => combinationLabel(t, combination)),
              "disjunction",
            ),
          });
  return (
    <p className={className} data-testid="step-up-hint">
      <strong>{t(`dialog.level.${level}`)}.</strong> {expectation}
    </p>
  );
}
