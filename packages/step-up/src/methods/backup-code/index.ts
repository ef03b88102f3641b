import "server-only";
import type { MethodModule } from "../method-module";
import { regenerateBackupCodes } from "./enrol";
import { BACKUP_CODE_LABELS } from "./labels";
import { countUnusedBackupCodes, getBackupCodeOverview } from "./store";
import { backupCodeVerifier } from "./verify";

export { BACKUP_CODE_COUNT, generateBackupCode } from "./enrol";
export { hashBackupCode, legacyBackupCodeHash, normalizeBackupCode } from "./verify";

/** Ten single-use codes printed once, stored as keyed hashes bound to the user. */
export const backupCodeMethod = {
  ...backupCodeVerifier,
  labels: BACKUP_CODE_LABELS,
  enrolled: async ({ db, userId }) => (await countUnusedBackupCodes(db, userId)) > 0,
  overview: getBackupCodeOverview,
  enrol: { regenerate: regenerateBackupCodes },
} satisfies MethodModule;
