import type { Combination } from "../engine/levels";
import { useStepUpI18n } from "../i18n/context";
import type { StepUpPrompt } from "./controller";
import type { StepUpI18n } from "../i18n/localization";
import { methodLabel } from "./methods";
import styles from "./step-up-dialog.module.css";

/**
 * What is being approved and what will be asked, before anything is typed: the level in the user's
 * words, the operation in the host's words (the payload's `action`; for critical the signed summary),
 * the policy's reason when it gives one, and the factor(s) of the chosen way to verify.
 */
export function PromptHeader({ prompt, chosen }: { prompt: StepUpPrompt; chosen: Combination | null }) {
  const i18n = useStepUpI18n();
  const { t } = i18n;
  const { payload } = prompt;
  return (
    <>
      <p className={styles.level} data-level={payload.level}>
        {t(`dialog.level.${payload.level}`)}
      </p>
      <h2 id="step-up-title" className={styles.title}>
        {t("dialog.title")}
      </h2>
      {payload.action && (
        // The host's words for this call, rendered as text (ADR 045); for critical, the summary the
        // passkey's signature covers (ADR 022). <bdi> keeps a right-to-left recipient from reordering it.
        <p id="step-up-summary" className={styles.summary} data-level={payload.level}>
          <span className={styles.summaryLabel}>{t("dialog.approving")}</span> <bdi>{payload.action}</bdi>
        </p>
      )}
      {payload.ruleReason && (
        <p id="step-up-reason" className={styles.reason} dir="auto">
          {sentence(payload.ruleReason)}
        </p>
      )}
      <p className={styles.note} data-testid="step-up-expectation">
        {t(`dialog.levelHelp.${payload.level}`)}
        {chosen && payload.methods.length > 0 && <> {expectation(i18n, chosen)}</>}
      </p>
    </>
  );
}

/** "You’ll confirm with your authenticator app." / "You’ll confirm in 2 steps: Password and …". */
function expectation({ t, format }: StepUpI18n, chosen: Combination): string {
  const [only] = chosen;
  if (chosen.length === 1 && only) return t("dialog.willAsk", { method: only });
  const steps = format.list(chosen.map((method) => methodLabel(t, method)));
  return t("dialog.willAskSteps", { count: chosen.length, steps });
}

/** An author's reason as a sentence: it may or may not end with a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
