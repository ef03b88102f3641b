import type { Combination } from "../engine/levels";
import { useStepUpI18n } from "../i18n/context";
import type { StepUpPrompt } from "./controller";
import type { StepUpI18n } from "../i18n/localization";
import { methodLabel } from "./methods";
import styles from "./step-up-dialog.module.css";

/**
 * What is being approved and what will be asked, before anything is typed: the level in the user's
 * words, the server's reason (it names the operation), the critical call's signed summary, and the
 * factor(s) of the chosen way to verify.
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
      <p id="step-up-reason" className={styles.reason}>
        {payload.reason}.{payload.ruleReason && <> {sentence(payload.ruleReason)}</>}
      </p>
      {payload.summary && (
        // Server-rendered; the passkey's signature covers this exact text (ADR 022).
        <p id="step-up-summary" className={styles.summary}>
          <span className={styles.summaryLabel}>{t("dialog.approving")}</span> {payload.summary}
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
