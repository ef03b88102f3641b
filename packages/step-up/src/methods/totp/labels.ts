import { METHOD_LABELS } from "../../engine/method-labels";
import type { MethodLabels } from "../labels";

/** Pure (no server-only): the client's dialog reads these words too. */
export const TOTP_LABELS: MethodLabels = {
  label: METHOD_LABELS.totp,
  prompt: "6-digit code from your authenticator app",
  noun: "code",
};
