import { METHOD_LABELS } from "../../engine/method-labels";
import type { MethodLabels } from "../labels";

/** Pure (no server-only): the client's dialog reads these words too. */
export const BACKUP_CODE_LABELS: MethodLabels = {
  label: METHOD_LABELS.backup_code,
  prompt: "One of your backup codes",
  noun: "backup code",
};
