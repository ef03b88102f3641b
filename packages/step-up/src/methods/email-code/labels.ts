import { METHOD_LABELS } from "../../engine/method-labels";
import type { MethodLabels } from "../labels";

/** Pure (no server-only): the client's dialog reads these words too. */
export const EMAIL_CODE_LABELS: MethodLabels = {
  label: METHOD_LABELS.email_code,
  prompt: "Code from the email we sent you",
  noun: "code",
};
