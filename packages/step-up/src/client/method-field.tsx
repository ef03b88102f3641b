import type { MethodId } from "../engine/levels";
import { METHOD_INFO } from "./methods";
import { formatSeconds } from "./use-countdown";
import type { EmailCodeState } from "./use-email-code";
import styles from "./step-up-dialog.module.css";

interface MethodFieldProps {
  method: MethodId;
  disabled: boolean;
  email: EmailCodeState;
  onResend: () => void;
}

/** The input for one factor. Codes use the one-time-code autofill and a numeric keyboard. */
export function MethodField({ method, disabled, email, onResend }: MethodFieldProps) {
  const label = METHOD_INFO[method].prompt;
  switch (method) {
    case "password":
      return <Field label={label} disabled={disabled} type="password" autoComplete="current-password" />;
    case "totp":
      return <Field label={label} disabled={disabled} {...CODE_INPUT} />;
    case "email_code":
      return <EmailCodeField label={label} disabled={disabled} email={email} onResend={onResend} />;
    case "backup_code":
      return (
        <Field
          label={label}
          disabled={disabled}
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={32}
        />
      );
    case "passkey":
      // The submit button starts the ceremony; the WebAuthn code loads only then.
      return (
        <p className={styles.note}>
          Use the passkey on this device or a security key. Your browser will ask you to confirm.
        </p>
      );
  }
}

const CODE_INPUT = { inputMode: "numeric", autoComplete: "one-time-code", maxLength: 6, pattern: "[0-9]{6}" } as const;

function EmailCodeField({
  label,
  disabled,
  email,
  onResend,
}: {
  label: string;
  disabled: boolean;
  email: EmailCodeState;
  onResend: () => void;
}) {
  if (email.sentTo === null) {
    return <p className={styles.note}>We’ll email you a 6-digit code. It works once, for 10 minutes.</p>;
  }
  const waiting = email.resendIn > 0;
  return (
    <>
      <p className={styles.note} role="status">
        We sent a code to <strong>{email.sentTo}</strong>.
      </p>
      <Field label={label} disabled={disabled} {...CODE_INPUT} />
      <button type="button" className={styles.link} onClick={onResend} disabled={disabled || waiting || email.sending}>
        {email.sending ? "Sending…" : waiting ? `Resend code in ${formatSeconds(email.resendIn)}` : "Resend code"}
      </button>
    </>
  );
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
