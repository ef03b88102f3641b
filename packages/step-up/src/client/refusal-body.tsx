import { useState } from "react";
import type { StepUpLevel } from "../engine/levels";
import { useStepUpI18n } from "../i18n/context";
import styles from "./step-up-dialog.module.css";

/**
 * Shown when the user has no combination strong enough and configuration refuses rather than
 * degrades (ADR 011): say why, and offer to set one up. The security page opens in a new tab, so this
 * page — and the form behind the dialog — stays as it is; "try again" re-sends the waiting action,
 * which the server answers with the methods the user has now (tests/e2e/dialog-recovery.test.ts).
 */
export function RefusalBody({
  level,
  enrollHref,
  onRetry,
}: {
  level: StepUpLevel;
  enrollHref: string;
  onRetry: () => void;
}) {
  const { t } = useStepUpI18n();
  const [opened, setOpened] = useState(false);
  return (
    <div className={styles.refusal}>
      <p>
        {t("dialog.refusal.intro")} {t(`dialog.refusal.needs.${level}`)}
      </p>
      <p className={styles.note}>{opened ? t("dialog.refusal.afterSetUp") : t("dialog.refusal.next")}</p>
      <div className={styles.actions}>
        <a
          className={opened ? styles.secondaryLink : styles.primaryLink}
          href={enrollHref}
          target="_blank"
          rel="noopener"
          onClick={() => setOpened(true)}
        >
          {t("dialog.refusal.setUp")} <span className={styles.visuallyHidden}>{t("dialog.refusal.newTab")}</span>
        </a>
        {opened && (
          <button type="button" className={styles.primary} onClick={onRetry}>
            {t("dialog.refusal.retry")}
          </button>
        )}
      </div>
    </div>
  );
}
