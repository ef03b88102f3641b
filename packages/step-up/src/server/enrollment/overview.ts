import "server-only";
import type { Database } from "@/server/db";

/** Everything the security page shows about the user's factors; never a secret or a hash. */
export async function getSecurityOverview(db: Database, userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      totp: { select: { confirmedAt: true } },
      backupCodes: { select: { usedAt: true, createdAt: true } },
      passkeys: {
        orderBy: { createdAt: "asc" },
        select: { id: true, name: true, createdAt: true, lastUsedAt: true, deviceType: true, backedUp: true },
      },
    },
  });
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
  };
}
