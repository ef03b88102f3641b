import type { FormEvent, InputHTMLAttributes } from "react";
import type { MethodId } from "../engine/levels";
import { richText, useStepUpI18n } from "../i18n/context";
import { methodPrompt } from "./methods";
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
  const { t } = useStepUpI18n();
  const label = methodPrompt(t, method);
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
      return <p className={styles.note}>{t("dialog.passkeyNote")}</p>;
  }
}

const CODE_INPUT = {
  inputMode: "numeric",
  autoComplete: "one-time-code",
  maxLength: 6,
  pattern: "[0-9]{6}",
  onInput: submitCompleteCode,
} as const;

/**
 * A one-time code submits itself once complete: when its last digit is typed, or it is pasted or
 * autofilled whole. A value set in one go by a script (a password manager's fill, a test's `fill`)
 * waits for the button, so nothing is sent twice.
 */
function submitCompleteCode(event: FormEvent<HTMLInputElement>) {
  const input = event.currentTarget;
  const { inputType, data } = event.nativeEvent as InputEvent;
  const typedLast = inputType === "insertText" && data?.length === 1;
  const whole = inputType === "insertFromPaste" || inputType === "insertReplacementText" || inputType === undefined;
  if ((typedLast || whole) && /^\d{6}$/.test(input.value)) input.form?.requestSubmit();
}

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
  const i18n = useStepUpI18n();
  const { t, format } = i18n;
  if (email.sentTo === null) return <p className={styles.note}>{t("dialog.emailNote")}</p>;
  const waiting = email.resendIn > 0;
  return (
    <>
      <p className={styles.note} role="status">
        {richText(i18n, "dialog.emailSent", {
          address: email.sentTo,
          b: (chunks) => <strong className={styles.breakable}>{chunks}</strong>,
        })}
      </p>
      <Field label={label} disabled={disabled} {...CODE_INPUT} />
      <button type="button" className={styles.link} onClick={onResend} disabled={disabled || waiting || email.sending}>
        {email.sending
          ? t("dialog.sending")
          : waiting
            ? t("dialog.resendIn", { duration: format.clock(email.resendIn) })
            : t("dialog.resend")}
      </button>
    </>
  );
}

type FieldProps = { label: string; disabled: boolean } & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "inputMode" | "autoComplete" | "maxLength" | "pattern" | "spellCheck" | "autoCapitalize" | "onInput"
>;

function Field({ label, ...input }: FieldProps) {
  return (
    <label className={styles.field}>
      <span className={styles.label}>{label}</span>
      <input name="credential" className={styles.input} required autoFocus dir="auto" {...input} />
    </label>
  );
}
