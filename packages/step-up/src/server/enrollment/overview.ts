import "server-only";
import type { Database } from "../db";
import type { StepUpConfig } from "../../engine";
import { METHOD_MODULES } from "../../methods";
import type { StepUpUsers } from "../ports";

/** Everything the security page shows about the user's factors, each section from its method; never a secret. */
export async function getSecurityOverview(
  db: Database,
  userId: string,
  users: StepUpUsers,
  config: Pick<StepUpConfig, "levels" | "onUnavailable">,
) {
  const [person, totp, backupCodes, passkeys] = await Promise.all([
    users.find(userId),
    METHOD_MODULES.totp.overview(db, userId),
    METHOD_MODULES.backup_code.overview(db, userId),
    METHOD_MODULES.passkey.overview(db, userId),
  ]);
  return {
    email: person?.email ?? null,
    totp,
    backupCodes,
    passkeys,
    /** What critical actions accept, so the page says what the configuration does, not fixed copy. */
    critical: { combinations: config.levels.critical.combinations, onUnavailable: config.onUnavailable },
  };
}
