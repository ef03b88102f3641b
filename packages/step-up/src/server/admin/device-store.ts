import "server-only";
import type { Database } from "../db";
import { auditOrigin, writeAudit } from "../audit/audit";
import { revokeUserGrantsAndDevices } from "../grants/grants";
import { memberIds, notFound, type AdminScope, type Directory } from "./scope";

const DEVICE_LIMIT = 500;

/** Live (and recently revoked, until expiry) remembered devices and the passkeys of the organization's members. */
export async function listOrgDevices(
  db: Database,
  options: { organizationId: string; userId?: string | undefined; now: Date; directory: Directory },
) {
  const members = await options.directory.members(options.organizationId);
  const emails = new Map(members.map((m) => [m.userId, m.email]));
  const ids = members.map((m) => m.userId).filter((id) => !options.userId || id === options.userId);
  const user = { in: ids };
  const [devices, passkeys] = await Promise.all([
    db.stepUpRememberedDevice.findMany({
      where: { userId: user, expiresAt: { gt: options.now } },
      orderBy: { createdAt: "desc" },
      take: DEVICE_LIMIT,
      select: {
        id: true,
        userId: true,
        label: true,
        level: true,
        ip: true,
        createdAt: true,
        expiresAt: true,
        lastUsedAt: true,
        revokedAt: true,
      },
    }),
    db.stepUpPasskey.findMany({
      where: { userId: user },
      orderBy: { createdAt: "desc" },
      take: DEVICE_LIMIT,
      select: {
        id: true,
        userId: true,
        name: true,
        createdAt: true,
        lastUsedAt: true,
      },
    }),
  ]);
  return {
    devices: devices.map((d) => ({ ...d, userEmail: emails.get(d.userId) ?? "" })),
    passkeys: passkeys.map((p) => ({ ...p, userEmail: emails.get(p.userId) ?? "" })),
  };
}

function auditBase(scope: AdminScope, userId: string) {
  // The row belongs to the device's owner; the admin is the actor.
  return auditOrigin({ ...scope, userId, actorId: scope.adminId });
}

/** Revokes a member's remembered device: its cookie stops bypassing step-up at once. */
export async function revokeOrgDevice(
  db: Database,
  scope: AdminScope,
  deviceId: string,
): Promise<{ revoked: boolean }> {
  const members = await memberIds(scope.directory, scope.organizationId);
  return db.$transaction(async (tx) => {
    const device = await tx.stepUpRememberedDevice.findFirst({
      where: { id: deviceId, userId: { in: members } },
      select: { id: true, userId: true, label: true },
    });
    if (!device) throw notFound("device");
    const { count } = await tx.stepUpRememberedDevice.updateMany({
      where: { id: device.id, revokedAt: null },
      data: { revokedAt: scope.now },
    });
    if (count === 1) {
      await writeAudit(tx, {
        ...auditBase(scope, device.userId),
        type: "stepup.device_revoked",
        data: { deviceId: device.id, label: device.label, by: "admin" },
      });
    }
    return { revoked: count === 1 };
  });
}

/** Removes a member's passkey. Removing a factor revokes the user's grants and remembered devices (docs/design.md). */
export async function removeOrgPasskey(db: Database, scope: AdminScope, passkeyId: string): Promise<{ removed: true }> {
  const members = await memberIds(scope.directory, scope.organizationId);
  return db.$transaction(async (tx) => {
    const passkey = await tx.stepUpPasskey.findFirst({
      where: { id: passkeyId, userId: { in: members } },
      select: { id: true, userId: true, name: true },
    });
    if (!passkey) throw notFound("passkey");
    await tx.stepUpPasskey.delete({ where: { id: passkey.id } });
    const revoked = await revokeUserGrantsAndDevices(tx, passkey.userId, scope.now);
    const base = auditBase(scope, passkey.userId);
    await writeAudit(tx, {
      ...base,
      type: "credential.removed",
      data: { method: "passkey", passkeyId: passkey.id, name: passkey.name, by: "admin" },
    });
    await writeAudit(tx, {
      ...base,
      type: "stepup.grants_revoked",
      data: { reason: "credential_removed", ...revoked },
    });
    return { removed: true as const };
  });
}
