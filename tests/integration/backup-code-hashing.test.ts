import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeBackupCode } from "@step-up/next/testing/server";
import {
  ALICE_BACKUP_CODES,
  catchError,
  createClock,
  createTestDatabase,
  expectStepUp,
  signedIn,
  userIdOf,
  verify,
  type Client,
} from "./harness";
import { withAliceHigh } from "./support/factors";

/**
 * Backup codes carry ~49 bits: a plain SHA-256 of one is brute-forced from a database dump. They are stored as a
 * keyed hash (HMAC under the server secret, bound to the user); rows stored the old way keep working once.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
const small = { amount: 100, currency: "USD" as const, to: "Carol" };

describe("backup codes are stored keyed-hashed", () => {
  const clock = createClock();
  let alice: Client;
  let aliceId: string;

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = await signedIn(db, clock, "alice@example.com");
  });

  it("the seeded codes are not stored as sha256(code)", async () => {
    const stored = (await db.stepUpBackupCode.findMany({ where: { userId: aliceId } })).map((row) => row.codeHash);
    expect(stored).toHaveLength(ALICE_BACKUP_CODES.length);
    for (const code of ALICE_BACKUP_CODES) {
      expect(stored).not.toContain(sha256(normalizeBackupCode(code)));
      expect(stored).not.toContain(sha256(code));
    }
  });

  it("generated codes are not stored as sha256(code), and two users' equal codes would differ", async () => {
    clock.advance(10 * 60_000);
    const { codes } = await withAliceHigh(alice, clock, (api) => api.stepUp.security.backupCodes.generate());
    const stored = (await db.stepUpBackupCode.findMany({ where: { userId: aliceId } })).map((row) => row.codeHash);
    for (const code of codes) expect(stored).not.toContain(sha256(normalizeBackupCode(code)));
    expect(stored.every((hash) => /^k1:[0-9a-f]{64}$/.test(hash))).toBe(true);
  });

  it("a row stored the old way (plain sha256) still verifies, once", async () => {
    const legacy = "abcde-23456";
    await db.stepUpBackupCode.create({ data: { userId: aliceId, codeHash: sha256(normalizeBackupCode(legacy)) } });
    clock.advance(16 * 60_000);
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect((await verify(alice, stepUp.requirementId, "backup_code", legacy)).status).toBe("fulfilled");
    clock.advance(16 * 60_000);
    const again = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect(await catchError(verify(alice, again.requirementId, "backup_code", legacy))).toMatchObject({
      stepUp: { code: "INVALID_CREDENTIAL" },
    });
  });
});
