import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ALICE_BACKUP_CODES,
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  userIdOf,
  verify,
  verifyAliceHigh,
  type Client,
} from "./harness";
import { createSoftwareAuthenticator } from "./support/authenticator";
import { registerPasskey, withAliceHigh } from "./support/factors";

/** Backup codes and passkeys on the security page: every change needs a high step-up, is audited and revokes grants. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const small = { amount: 100, currency: "USD" as const, to: "Carol" }; // medium
const large = { amount: 5000, currency: "USD" as const, to: "Carol" }; // high

describe("backup codes and passkeys", () => {
  const clock = createClock();
  let aliceId: string;
  let alice: Client;
  let bob: Client;
  let newCodes: string[];

  const audits = (type: string) =>
    db.stepUpAuditEvent.findMany({ where: { userId: aliceId, type }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const liveGrants = () => db.stepUpGrant.count({ where: { userId: aliceId, revokedAt: null, consumedAt: null } });

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = createClient(db, clock);
    bob = createClient(db, clock);
    await signIn(alice, "alice@example.com");
    await signIn(bob, "bob@example.com");
  });
  // Past the high window (and the previous TOTP step): each factor change asks for a fresh step-up.
  beforeEach(() => clock.advance(6 * MIN));

  it("new backup codes need a high step-up, come as ten fresh codes shown once, and replace the old ones", async () => {
    expect((await expectStepUp(alice.call((api) => api.stepUp.security.backupCodes.generate()))).level).toBe("high");
    const { codes } = await withAliceHigh(alice, clock, (api) => api.stepUp.security.backupCodes.generate());
    newCodes = codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    const stored = await db.stepUpBackupCode.findMany({ where: { userId: aliceId } });
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(codes.some((code) => row.codeHash.includes(code.replace("-", "")))).toBe(false);
    expect(await alice.call((api) => api.stepUp.security.overview())).toMatchObject({
      backupCodes: { remaining: 10, total: 10, generatedAt: clock.now() },
    });
    expect((await audits("credential.backup_codes_generated")).map((a) => a.data)).toEqual([
      { kind: "backup_code", count: 10, replaced: 10 },
    ]);
    expect(await liveGrants()).toBe(0);
  });

  it("an old backup code is refused; a new one works once and the count of unused codes drops", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect(await catchError(verify(alice, stepUp.requirementId, "backup_code", ALICE_BACKUP_CODES[0]))).toMatchObject({
      stepUp: { code: "INVALID_CREDENTIAL" },
    });
    expect((await verify(alice, stepUp.requirementId, "backup_code", newCodes[0]!.toUpperCase())).status).toBe(
      "fulfilled",
    );
    expect(await alice.call((api) => api.stepUp.security.overview())).toMatchObject({
      backupCodes: { remaining: 9, total: 10 },
    });

    clock.advance(16 * MIN);
    const again = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect(await catchError(verify(alice, again.requirementId, "backup_code", newCodes[0]!))).toMatchObject({
      stepUp: { code: "INVALID_CREDENTIAL" },
    });
  });

  it("adding a passkey needs a high step-up; a response from another origin saves nothing and uses up the challenge", async () => {
    expect((await expectStepUp(alice.call((api) => api.stepUp.security.passkeys.beginRegistration()))).level).toBe(
      "high",
    );
    const { options } = await withAliceHigh(alice, clock, (api) => api.stepUp.security.passkeys.beginRegistration());
    expect(options).toMatchObject({
      rp: { id: "localhost", name: "Step-up demo" },
      user: { name: "alice@example.com" },
      attestation: "none",
      excludeCredentials: [],
    });

    const key = createSoftwareAuthenticator();
    const wrongOrigin = JSON.stringify(key.register(options, { origin: "https://evil.example" }));
    expect(
      await catchError(
        alice.call((api) => api.stepUp.security.passkeys.finishRegistration({ name: "Evil", response: wrongOrigin })),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });
    const valid = JSON.stringify(key.register(options));
    expect(
      await catchError(
        alice.call((api) => api.stepUp.security.passkeys.finishRegistration({ name: "Key", response: valid })),
      ),
    ).toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await db.stepUpPasskey.count({ where: { userId: aliceId } })).toBe(0);
    expect(await audits("credential.enrolled")).toHaveLength(0);
  });

  it("a registered passkey is saved with its public key, audited, revokes grants and remembered devices, and is excluded next time", async () => {
    // Remembered at an ordinary high call (a factor change never remembers a device); the grant also
    // covers the registration below.
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    await verify(alice, stepUp.requirementId, "password", "demo-password-1");
    await verify(alice, stepUp.requirementId, "backup_code", newCodes[1]!, true);
    expect(await db.stepUpRememberedDevice.count({ where: { userId: aliceId, revokedAt: null } })).toBe(1);

    const key = createSoftwareAuthenticator();
    const passkey = await registerPasskey(alice, key, "Laptop");
    expect(passkey).toEqual({ id: expect.any(String), name: "Laptop" });
    const stored = await db.stepUpPasskey.findUniqueOrThrow({ where: { id: passkey.id } });
    expect(stored).toMatchObject({
      userId: aliceId,
      credentialId: key.credentialId,
      counter: 1,
      transports: "internal",
    });
    expect(stored.publicKey.length).toBeGreaterThan(64);
    expect(await liveGrants()).toBe(0);
    expect(await db.stepUpRememberedDevice.count({ where: { userId: aliceId, revokedAt: null } })).toBe(0);
    expect((await audits("credential.enrolled")).map((a) => a.data)).toEqual([
      { kind: "passkey", passkeyId: passkey.id, name: "Laptop" },
    ]);

    const next = await withAliceHigh(alice, clock, (api) => api.stepUp.security.passkeys.beginRegistration());
    expect(next.options.excludeCredentials).toEqual([expect.objectContaining({ id: key.credentialId })]);
  });

  it("a passkey can be renamed by its owner (audited, grants kept); another user's passkey looks absent", async () => {
    const [passkey] = await db.stepUpPasskey.findMany({ where: { userId: aliceId } });
    const grantsBefore = await liveGrants();
    expect(
      await alice.call((api) => api.stepUp.security.passkeys.rename({ id: passkey!.id, name: "  Work laptop " })),
    ).toEqual({ id: passkey!.id, name: "Work laptop" });
    expect((await audits("credential.renamed")).map((a) => a.data)).toEqual([
      { kind: "passkey", passkeyId: passkey!.id, name: "Work laptop" },
    ]);
    expect(await liveGrants()).toBe(grantsBefore);

    expect(
      await catchError(bob.call((api) => api.stepUp.security.passkeys.rename({ id: passkey!.id, name: "Mine now" }))),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await catchError(alice.call((api) => api.stepUp.security.passkeys.rename({ id: passkey!.id, name: "   " }))),
    ).toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.stepUpPasskey.findUniqueOrThrow({ where: { id: passkey!.id } })).name).toBe("Work laptop");
  });

  it("removing a passkey needs a high step-up and is audited; bob, even stepped up, cannot remove alice's", async () => {
    const [passkey] = await db.stepUpPasskey.findMany({ where: { userId: aliceId } });
    // Bob (a password only) first enrols backup codes at medium, then clears high with password + backup code.
    const enrol = await expectStepUp(bob.call((api) => api.stepUp.security.backupCodes.generate()));
    await verify(bob, enrol.requirementId, "password", "demo-password-1");
    const { codes: bobCodes } = await bob.call((api) => api.stepUp.security.backupCodes.generate());
    const bobStepUp = await expectStepUp(bob.call((api) => api.stepUp.security.passkeys.remove({ id: passkey!.id })));
    expect(bobStepUp).toMatchObject({ level: "high", degraded: false });
    await verify(bob, bobStepUp.requirementId, "password", "demo-password-1");
    await verify(bob, bobStepUp.requirementId, "backup_code", bobCodes[0]!);
    expect(await catchError(bob.call((api) => api.stepUp.security.passkeys.remove({ id: passkey!.id })))).toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );

    const stepUp = await expectStepUp(alice.call((api) => api.stepUp.security.passkeys.remove({ id: passkey!.id })));
    expect(stepUp.level).toBe("high");
    // With a passkey enrolled, the passkey alone satisfies high; password + TOTP still works too.
    expect(stepUp.methods).toContainEqual(["passkey"]);
    await verifyAliceHigh(alice, clock, stepUp.requirementId);
    expect(await alice.call((api) => api.stepUp.security.passkeys.remove({ id: passkey!.id }))).toEqual({
      removed: true,
    });
    expect(await db.stepUpPasskey.count({ where: { userId: aliceId } })).toBe(0);
    expect((await audits("credential.removed")).map((a) => a.data)).toEqual([
      { kind: "passkey", passkeyId: passkey!.id },
    ]);
    expect(await liveGrants()).toBe(0);
    await expectStepUp(alice.call((api) => api.transfers.create(large)));
  });
});
