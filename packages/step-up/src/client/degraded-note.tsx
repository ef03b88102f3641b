import type { Combination } from "../engine/levels";
import { richText, useStepUpI18n } from "../i18n/context";
import { combinationLabel } from "./methods";
import styles from "./step-up-dialog.module.css";

/**
 * Said plainly when the server offers a degraded check (ADR 011): what is accepted, why, that it is
 * recorded, and how to get the full check. The floor means it is never an email code above medium.
 */
export function DegradedNote({ methods, enrollHref }: { methods: readonly Combination[]; enrollHref: string }) {
  const i18n = useStepUpI18n();
  const accepted = i18n.format.list(
    methods.map((combination) => combinationLabel(i18n.t, combination)),
    "disjunction",
  );
  return (
    <p className={styles.note} data-testid="degraded-note">
      {richText(i18n, "dialog.degraded", {
        accepted,
        a: (chunks) => <a href={enrollHref}>{chunks}</a>,
      })}
    </p>
  );
}
