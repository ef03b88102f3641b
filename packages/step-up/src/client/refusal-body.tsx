import type { StepUpLevel } from "../engine/levels";
import styles from "./step-up-dialog.module.css";

const NEEDED: Record<StepUpLevel, string> = {
  medium: "another sign-in method",
  high: "a passkey, or an authenticator app or backup codes",
  critical: "a passkey that checks it’s you (fingerprint, face or PIN)",
};

/**
 * Shown when the user has no combination strong enough and configuration refuses rather than
 * degrades (ADR 011): say why, and where to enrol. Leaving cancels, so the waiting call rejects.
 */
export function RefusalBody({
  level,
  enrollHref,
  onLeave,
}: {
  level: StepUpLevel;
  enrollHref: string;
  onLeave: () => void;
}) {
  return (
    <div className={styles.refusal}>
      <p>
        This action needs a stronger way to confirm it’s you than the ones you have set up. It needs {NEEDED[level]}.
      </p>
      <p className={styles.note}>Add one on your security page, then try the action again. Nothing was changed.</p>
      <a className={styles.primaryLink} href={enrollHref} onClick={onLeave}>
        Go to security settings
      </a>
    </div>
  );
}
