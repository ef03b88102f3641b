import type { Combination, StepUpLevel } from "../engine/levels";
import { describeCombination } from "./methods";
import styles from "./step-up-dialog.module.css";

/**
 * Said plainly when the server offers a degraded check (ADR 011): what is accepted, why, that it is
 * recorded, and how to get the full check. The floor means it is never an email code above medium.
 */
export function DegradedNote({
  level,
  methods,
  enrollHref,
}: {
  level: StepUpLevel;
  methods: readonly Combination[];
  enrollHref: string;
}) {
  const accepted = methods.map(describeCombination).join(", or ");
  return (
    <p className={styles.note} data-testid="degraded-note">
      You haven’t set up the method this {level === "medium" ? "" : `${level} `}action normally needs, so this app
      accepts a weaker check instead: {accepted}. This is recorded in the audit log.{" "}
      <a href={enrollHref}>Set up a stronger method</a> to use the full check next time.
    </p>
  );
}
