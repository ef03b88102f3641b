import "server-only";
import type { Database } from "../db";
import type { StepUpConfig } from "../../engine";
import type { StepUpUsers } from "../ports";

/** Everything the security page shows about the user's factors; never a secret or a hash. */
export async function getSecurityOverview(
  db: Database,
  userId: string,
  users: StepUpUsers,
  config: Pick<StepUpConfig, "levels" | "onUnavailable">,
) {
  const [person, totp, backupCodes, passkeys] = await Promise.all([
    users.find(userId),
    db.stepUpTotpCredential.findUnique({ where: { userId }, select: { confirmedAt: true } }),
    db.stepUpBackupCode.findMany({ where: { userId }, select: { usedAt: true, createdAt: true } }),
    db.stepUpPasskey.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true, deviceType: true, backedUp: true },
    }),
  ]);
  const user = { email: person?.email ?? null, totp, backupCodes, passkeys };
  const generatedAt = user.backupCodes.reduce<Date | null>(
    (latest, c) => (!latest || c.createdAt > latest ? c.createdAt : latest),
    null,
  );
  return {
    email: user.email,
    totp: { enabled: Boolean(user.totp?.confirmedAt), confirmedAt: user.totp?.confirmedAt ?? null },
    backupCodes: {
      remaining: user.backupCodes.filter((c) => c.usedAt === null).length,
      total: user.backupCodes.length,
      generatedAt,
    },
    passkeys: user.passkeys,
    /** What critical actions accept, so the page says what the configuration does, not fixed copy. */
    critical: { combinations: config.levels.critical.combinations, onUnavailable: config.onUnavailable },
  };
}
