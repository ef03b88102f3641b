import "server-only";
import type { MethodModule } from "../method-module";
import { EMAIL_CODE_LABELS } from "./labels";
import { emailCodeVerifier } from "./verify";

export {
  EMAIL_CODE_MAX_SENDS,
  EMAIL_CODE_MAX_SENDS_PER_USER,
  EMAIL_CODE_RESEND_INTERVAL_MS,
  EMAIL_CODE_TTL_MS,
  EMAIL_CODE_USER_WINDOW_MS,
  maskEmail,
} from "./verify";

/** A six-digit code mailed to the user's address, for medium only (ADR 011); needs the `mailer` port. */
export const emailCodeMethod = {
  ...emailCodeVerifier,
  labels: EMAIL_CODE_LABELS,
  enrolled: async ({ user, mailer }) => mailer && Boolean((await user)?.email),
} satisfies MethodModule;
