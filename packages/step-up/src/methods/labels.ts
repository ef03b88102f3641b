import type { MethodId } from "../engine/levels";
import { BACKUP_CODE_LABELS } from "./backup-code/labels";
import { EMAIL_CODE_LABELS } from "./email-code/labels";
import { PASSKEY_LABELS } from "./passkey/labels";
import { PASSWORD_LABELS } from "./password/labels";
import { TOTP_LABELS } from "./totp/labels";

/** The words that name a method, each kept in its method's folder. Pure: the client bundle imports it. */
export interface MethodLabels {
  /** Step label in the progress list (the engine's METHOD_LABELS). */
  label: string;
  /** Field label, or the button label for methods without a typed credential. */
  prompt: string;
  /** What the error says did not match. */
  noun: string;
}

export const METHOD_TEXT: Record<MethodId, MethodLabels> = {
  passkey: PASSKEY_LABELS,
  password: PASSWORD_LABELS,
  totp: TOTP_LABELS,
  backup_code: BACKUP_CODE_LABELS,
  email_code: EMAIL_CODE_LABELS,
};
