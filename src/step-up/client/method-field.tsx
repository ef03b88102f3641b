import type { MethodId } from "@/step-up/engine/levels";
import { METHOD_INFO } from "./methods";
import styles from "./step-up-dialog.module.css";

/** The input for one factor. Codes use the one-time-code autofill and a numeric keyboard. */
export function MethodField({ method, disabled }: { method: MethodId; disabled: boolean }) {
  const label = METHOD_INFO[method].prompt;
  switch (method) {
    case "password":
      return <Field label={label} disabled={disabled} type="password" autoComplete="current-password" />;
    case "totp":
    case "email_code":
      return <Field label={label} disabled={disabled} inputMode="numeric" autoComplete="one-time-code" maxLength={6} pattern="[0-9]{6}" />;
    case "backup_code":
      return <Field label={label} disabled={disabled} autoComplete="one-time-code" spellCheck={false} autoCapitalize="none" maxLength={32} />;
    case "passkey":
      // The submit button starts the ceremony; WebAuthn code loads only then (next issue).
      return <p className={styles.note}>Use the passkey on this device or a security key.</p>;
  }
}

type FieldProps = { label: string; disabled: boolean } & Pick<
  React.InputHTMLAttributes<HTMLInputElement>,
  "type" | "inputMode" | "autoComplete" | "maxLength" | "pattern" | "spellCheck" | "autoCapitalize"
>;

function Field({ label, ...input }: FieldProps) {
  return (
    <label className={styles.field}>
      <span className={styles.label}>{label}</span>
      <input name="credential" className={styles.input} required autoFocus {...input} />
    </label>
  );
}
