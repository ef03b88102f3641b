import { METHOD_LABELS } from "../../engine/method-labels";
import type { MethodLabels } from "../labels";

/** Pure (no server-only): the client's dialog reads these words too. */
export const PASSKEY_LABELS: MethodLabels = {
  label: METHOD_LABELS.passkey,
  prompt: "Use your passkey",
  noun: "passkey",
};
