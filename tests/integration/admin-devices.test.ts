import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, asAdminWithStepUp, signedIn } from "./admin-helpers";
import {
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  userIdOf,
  verifyAliceHigh,
  type Client,
} from "./harness";

/** An admin sees the members' remembered devices and passkeys and can take them away. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const large = { amount: 5000, currency: "USD" as const, to: "Carol" };

describe("devices and passkeys of the organization", () => {
  const clock = createClock();
  let admin: Client;
  let browser: Client; // alice's laptop, keeps its cookies across sign-ins
  let aliceId: string;
  let adminId: string;
  let deviceId: string;

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    adminId = await userIdOf(db, ADMIN);
    admin = await signedIn(db, clock, ADMIN);
    browser = await signedIn(db, clock, "alice@example.com");
    const refused = await expectStepUp(browser.call((api) => api.transfers.create(large)));
    await verifyAliceHigh(browser, clock, refused.requirementId, true);
    deviceId = (await db.stepUpRememberedDevice.findFirstOrThrow({ where: { userId: aliceId } })).id;
  });

  it("the admin lists alice's remembered device, filtered by user", async () => {
    const all = await admin.call((api) => api.stepUp.admin.devices.list({}));
    expect(all.devices).toEqual([
      expect.objectContaining({
        id: deviceId,
        userId: aliceId,
        userEmail: "alice@example.com",
        level: "high",
        label: "vitest-browser",
        revokedAt: null,
      }),
    ]);
    const bobId = await userIdOf(db, "bob@example.com");
    expect(await admin.call((api) => api.stepUp.admin.devices.list({ userId: bobId }))).toEqual({
      devices: [],
      passkeys: [],
    });
  });

  it("revoking the device (after the admin's step-up) stops its bypass on alice's next session", async () => {
    clock.advance(20 * MIN);
    await signIn(browser, "alice@example.com");
    await browser.call((api) => api.transfers.create(large)); // bypassed by the remembered device
    expect(await db.stepUpAuditEvent.count({ where: { type: "stepup.bypassed", userId: aliceId } })).toBe(1);

    expect(await asAdminWithStepUp(admin, (api) => api.stepUp.admin.devices.revoke({ deviceId }))).toEqual({
      revoked: true,
    });
    const audit = await db.stepUpAuditEvent.findFirstOrThrow({ where: { type: "stepup.device_revoked" } });
    expect(audit).toMatchObject({
      userId: aliceId,
      actorId: adminId,
      severity: "warning",
      data: { deviceId, by: "admin" },
    });

    const transfers = await db.transfer.count({ where: { userId: aliceId } });
    await expectStepUp(browser.call((api) => api.transfers.create(large)));
    expect(await db.transfer.count({ where: { userId: aliceId } })).toBe(transfers);
    expect((await admin.call((api) => api.stepUp.admin.devices.list({}))).devices[0]).toMatchObject({
      id: deviceId,
      revokedAt: clock.now(),
    });
    expect(await admin.call((api) => api.stepUp.admin.devices.revoke({ deviceId }))).toEqual({ revoked: false });
    expect(await db.stepUpAuditEvent.count({ where: { type: "stepup.device_revoked" } })).toBe(1);
  });

  it("removing a member's passkey is audited and revokes that member's grants", async () => {
    await signedIn(db, clock, "bob@example.com"); // a session for bob's grant
    const bobId = await userIdOf(db, "bob@example.com");
    const passkey = await db.stepUpPasskey.create({
      data: { userId: bobId, credentialId: "bob-cred", publicKey: Buffer.from([1]), name: "Bob's phone" },
    });
    await db.stepUpGrant.create({
      data: {
        userId: bobId,
        sessionId: (await db.session.findFirstOrThrow({ where: { userId: bobId } })).id,
        level: "medium",
        methods: ["password"],
        verifiedAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 15 * MIN),
      },
    });
    expect((await admin.call((api) => api.stepUp.admin.devices.list({ userId: bobId }))).passkeys).toEqual([
      expect.objectContaining({ id: passkey.id, name: "Bob's phone", userEmail: "bob@example.com" }),
    ]);
    expect(
      await asAdminWithStepUp(admin, (api) => api.stepUp.admin.devices.removePasskey({ passkeyId: passkey.id })),
    ).toEqual({ removed: true });
    expect(await db.stepUpPasskey.count({ where: { userId: bobId } })).toBe(0);
    expect(await db.stepUpGrant.count({ where: { userId: bobId, revokedAt: null } })).toBe(0);
    expect(await db.stepUpAuditEvent.findFirstOrThrow({ where: { type: "credential.removed" } })).toMatchObject({
      userId: bobId,
      actorId: adminId,
      data: { method: "passkey", passkeyId: passkey.id },
    });
    expect(
      (await catchError(admin.call((api) => api.stepUp.admin.devices.removePasskey({ passkeyId: passkey.id })))).code,
    ).toBe("NOT_FOUND");
  });
});

describe("the support view of one member", () => {
  const clock = createClock(Date.parse("2026-11-25T09:00:00Z"));

  it("shows alice's pending requirement, then her grant and the attempts that earned it", async () => {
    const admin = await signedIn(db, clock, ADMIN);
    const alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
    const aliceId = await userIdOf(db, "alice@example.com");
    const refused = await expectStepUp(alice.call((api) => api.transfers.create({ ...large, to: "Support" })));
    const pending = await admin.call((api) => api.stepUp.admin.support.user({ userId: aliceId }));
    expect(pending.pendingRequirements).toEqual([
      expect.objectContaining({ id: refused.requirementId, procedure: "transfers.create", requiredLevel: "high" }),
    ]);

    await verifyAliceHigh(alice, clock, refused.requirementId);
    const after = await admin.call((api) => api.stepUp.admin.support.user({ userId: aliceId }));
    expect(after.pendingRequirements).toEqual([]);
    expect(after.recentGrants[0]).toMatchObject({
      level: "high",
      methods: ["password", "totp"],
      procedure: "transfers.create",
    });
    // Both factors were verified at the same clock time, so their order is not asserted.
    expect(after.recentVerifications.map((a) => [a.method, a.success, a.procedure])).toEqual(
      expect.arrayContaining([
        ["totp", true, "transfers.create"],
        ["password", true, "transfers.create"],
      ]),
    );
  });
});
