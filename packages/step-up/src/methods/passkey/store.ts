import "server-only";
import type { Database, Transaction } from "../ports";

export interface StoredPasskey {
  id: string;
  credentialId: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports: string[];
}

function toStoredPasskey(row: {
  id: string;
  credentialId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string | null;
}): StoredPasskey {
  return {
    id: row.id,
    credentialId: row.credentialId,
    publicKey: new Uint8Array(row.publicKey),
    counter: row.counter,
    transports: row.transports ? row.transports.split(",").filter(Boolean) : [],
  };
}

export async function listPasskeyCredentials(db: Database, userId: string): Promise<StoredPasskey[]> {
  const rows = await db.stepUpPasskey.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  return rows.map(toStoredPasskey);
}

/** The user's passkey with this WebAuthn credential id; another user's credential looks absent. */
export async function getUserPasskey(
  db: Database,
  userId: string,
  credentialId: string,
): Promise<StoredPasskey | null> {
  const row = await db.stepUpPasskey.findUnique({ where: { credentialId } });
  return row && row.userId === userId ? toStoredPasskey(row) : null;
}

/** Replaces the requirement's WebAuthn challenge: the previous one, if any, can no longer be used. */
export async function storeWebAuthnChallenge(db: Database, requirementId: string, challenge: string): Promise<boolean> {
  const { count } = await db.stepUpRequirement.updateMany({
    where: { id: requirementId, status: "pending" },
    data: { webauthnChallenge: challenge },
  });
  return count === 1;
}

/** The requirement's live WebAuthn challenge, or null. */
export async function getWebAuthnChallenge(db: Database, requirementId: string): Promise<string | null> {
  const row = await db.stepUpRequirement.findUnique({
    where: { id: requirementId },
    select: { webauthnChallenge: true },
  });
  return row?.webauthnChallenge ?? null;
}

/**
 * Clears the requirement's WebAuthn challenge if it is still `challenge`, in one conditional update: each
 * challenge is taken once, so it verifies at most one response, whatever that response's outcome.
 */
export async function takeWebAuthnChallenge(
  db: Database | Transaction,
  requirementId: string,
  challenge: string,
): Promise<boolean> {
  const { count } = await db.stepUpRequirement.updateMany({
    where: { id: requirementId, webauthnChallenge: challenge },
    data: { webauthnChallenge: null },
  });
  return count === 1;
}

/**
 * Stores the counter of an accepted assertion, only if nobody stored another since we read it
 * (two assertions racing with the same counter: one wins).
 */
export async function recordPasskeyUse(
  db: Database | Transaction,
  options: { passkeyId: string; previousCounter: number; newCounter: number; backedUp: boolean; now: Date },
): Promise<boolean> {
  const { count } = await db.stepUpPasskey.updateMany({
    where: { id: options.passkeyId, counter: options.previousCounter },
    data: { counter: options.newCounter, backedUp: options.backedUp, lastUsedAt: options.now },
  });
  return count === 1;
}

export async function countPasskeys(db: Database, userId: string): Promise<number> {
  return db.stepUpPasskey.count({ where: { userId } });
}

/** Whether any user registered this WebAuthn credential already. */
export async function isCredentialRegistered(db: Database, credentialId: string): Promise<boolean> {
  return (await db.stepUpPasskey.findUnique({ where: { credentialId }, select: { id: true } })) !== null;
}

export async function createPasskey(
  tx: Transaction,
  data: {
    userId: string;
    credentialId: string;
    publicKey: Uint8Array;
    counter: number;
    transports: string[] | undefined;
    deviceType: string;
    backedUp: boolean;
    name: string;
    now: Date;
  },
): Promise<{ id: string; name: string }> {
  const { transports, now, publicKey, ...rest } = data;
  return tx.stepUpPasskey.create({
    select: { id: true, name: true },
    data: { ...rest, publicKey: Buffer.from(publicKey), transports: transports?.join(",") ?? null, createdAt: now },
  });
}

/** Scoped to the user: another user's passkey id behaves as absent (false). */
export async function renameUserPasskey(
  tx: Transaction,
  options: { userId: string; id: string; name: string },
): Promise<boolean> {
  const { count } = await tx.stepUpPasskey.updateMany({
    where: { id: options.id, userId: options.userId },
    data: { name: options.name },
  });
  return count > 0;
}

/** Scoped to the user: another user's passkey id behaves as absent (false). */
export async function deleteUserPasskey(tx: Transaction, options: { userId: string; id: string }): Promise<boolean> {
  const { count } = await tx.stepUpPasskey.deleteMany({ where: { id: options.id, userId: options.userId } });
  return count > 0;
}

/** The security page's section: the user's passkeys, oldest first, without their keys. */
export async function listPasskeyOverview(db: Database, userId: string) {
  return db.stepUpPasskey.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, deviceType: true, backedUp: true },
  });
}
