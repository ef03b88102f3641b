import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  aliceTotp,
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

/**
 * A remembered device is bound to the browser family it was created on, and never stands in for a
 * fresh verification of a credential change or an admin change, whatever its level.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const CHROME_WINDOWS_UPDATED = CHROME_WINDOWS.replace("Chrome/131.0.0.0", "Chrome/132.0.6834.83");
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const CHROME_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const large = { amount: 5000, currency: "USD" as const, to: "Carol" }; // high

describe("a remembered device is bound to its browser family", () => {
  const clock = createClock();
  let aliceId: string;
  let laptop: Client;
  let deviceId: string;
  const transfers = () => db.transfer.count({ where: { userId: aliceId } });
  /** A client on another browser holding copies of every cookie of alice's laptop (session and device). */
  const copyOf = (userAgent: string) => {
    const client = createClient(db, clock, { userAgent });
    for (const [name, value] of laptop.cookies) client.cookies.set(name, value);
    return client;
  };

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    laptop = createClient(db, clock, { userAgent: CHROME_WINDOWS });
    await signIn(laptop, "alice@example.com");
    const stepUp = await expectStepUp(laptop.call((api) => api.transfers.create(large)));
    await verifyAliceHigh(laptop, clock, stepUp.requirementId, true);
    deviceId = (await db.stepUpRememberedDevice.findFirstOrThrow({ where: { userId: aliceId } })).id;
    clock.advance(20 * MIN); // the high grant has expired: only the device can let a high call through
  });

  it("the device remembers the family of the browser it was created on, not its version", async () => {
    const device = await db.stepUpRememberedDevice.findUniqueOrThrow({ where: { id: deviceId } });
    expect(device.userAgentFamily).toBe("chrome/windows");
  });

  it("the same browser after an update still gets the bypass", async () => {
    const updated = copyOf(CHROME_WINDOWS_UPDATED);
    const count = await transfers();
    await updated.call((api) => api.transfers.create(large));
    expect(await transfers()).toBe(count + 1);
  });

  it("the cookie copied into another browser family does not bypass, and the mismatch is audited", async () => {
    for (const userAgent of [FIREFOX_LINUX, CHROME_MAC, "curl/8.5.0"]) {
      const thief = copyOf(userAgent);
      const count = await transfers();
      const stepUp = await expectStepUp(thief.call((api) => api.transfers.create(large)));
      expect(stepUp.level).toBe("high");
      expect(await transfers()).toBe(count);
    }
    const mismatches = await db.stepUpAuditEvent.findMany({
      where: { type: "stepup.device_mismatch", userId: aliceId },
      orderBy: { createdAt: "asc" },
    });
    expect(mismatches).toHaveLength(3);
    expect(mismatches[0]).toMatchObject({
      severity: "warning",
      userAgent: FIREFOX_LINUX,
      data: { deviceId, procedure: "transfers.create", expected: "chrome/windows", presented: "firefox/linux" },
    });
    expect(mismatches.map((m) => (m.data as { presented: string }).presented)).toEqual([
      "firefox/linux",
      "chrome/macos",
      "curl",
    ]);
    expect(
      await db.stepUpAuditEvent.count({
        where: { type: "stepup.bypassed", userId: aliceId, userAgent: FIREFOX_LINUX },
      }),
    ).toBe(0);
  });

  it("a device stored before browser families were recorded never bypasses", async () => {
    const token = randomBytes(32).toString("base64url");
    await db.stepUpRememberedDevice.create({
      data: {
        userId: aliceId,
        tokenHash: createHash("sha256").update(token).digest("hex"),
        level: "high",
        label: CHROME_WINDOWS,
        userAgentFamily: null,
        createdAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 24 * 60 * MIN),
      },
    });
    const legacy = createClient(db, clock, { userAgent: CHROME_WINDOWS });
    await signIn(legacy, "alice@example.com");
    legacy.cookies.set("stepup_device", token);
    await expectStepUp(legacy.call((api) => api.transfers.create(large)));
  });
});

describe("a remembered device never stands in for credential or admin changes", () => {
  const clock = createClock(Date.parse("2026-11-24T10:00:00Z")); // a day later: alice's TOTP codes are new ones
  let alice: Client;
  let aliceId: string;

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = createClient(db, clock, { userAgent: CHROME_WINDOWS, ip: "198.51.100.10" });
    await signIn(alice, "alice@example.com");
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    await verifyAliceHigh(alice, clock, stepUp.requirementId, true);
    clock.advance(20 * MIN);
    await signIn(alice, "alice@example.com"); // a new session: only the device remains
    // The device is live and valid for high: an ordinary high call goes through on it.
    await alice.call((api) => api.apiKeys.create({ name: "CI" }));
  });

  it.each([
    [
      "changing the password",
      (c: Client) => c.call((api) => api.account.changePassword({ newPassword: "x".repeat(16) })),
    ],
    ["setting up an authenticator app", (c: Client) => c.call((api) => api.stepUp.security.totp.begin())],
    ["removing the authenticator app", (c: Client) => c.call((api) => api.stepUp.security.totp.remove())],
    ["generating new backup codes", (c: Client) => c.call((api) => api.stepUp.security.backupCodes.generate())],
    ["adding a passkey", (c: Client) => c.call((api) => api.stepUp.security.passkeys.beginRegistration())],
    ["removing a passkey", (c: Client) => c.call((api) => api.stepUp.security.passkeys.remove({ id: "any-passkey" }))],
  ])("%s asks for a verification even on a trusted device", async (_title, run) => {
    const stepUp = await expectStepUp(run(alice));
    expect(stepUp).toMatchObject({ level: "high", canRemember: false });
  });

  it("a verification for a credential change does not remember the device, even when asked to", async () => {
    const devices = await db.stepUpRememberedDevice.count({ where: { userId: aliceId } });
    const stepUp = await expectStepUp(alice.call((api) => api.stepUp.security.backupCodes.generate()));
    await verify(alice, stepUp.requirementId, "password", "demo-password-1");
    await verify(alice, stepUp.requirementId, "totp", await aliceTotp(clock), true);
    expect(await db.stepUpRememberedDevice.count({ where: { userId: aliceId } })).toBe(devices);
  });

  it("an admin change asks for a verification even on the admin's trusted device", async () => {
    const admin = createClient(db, clock, { userAgent: CHROME_WINDOWS });
    await signIn(admin, "admin@example.com");
    const adminId = await userIdOf(db, "admin@example.com");
    // Remembered at high by an earlier verification (stored directly: the seeded admin has one factor).
    const token = randomBytes(32).toString("base64url");
    await db.stepUpRememberedDevice.create({
      data: {
        userId: adminId,
        tokenHash: createHash("sha256").update(token).digest("hex"),
        level: "high",
        label: CHROME_WINDOWS,
        userAgentFamily: "chrome/windows",
        createdAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 24 * 60 * MIN),
      },
    });
    admin.cookies.set("stepup_device", token);
    await admin.call((api) => api.apiKeys.create({ name: "admin key" })); // the device is honoured elsewhere
    const policies = await db.stepUpPolicy.count();
    const stepUp = await expectStepUp(
      admin.call((api) =>
        api.stepUp.admin.policies.create({
          name: "Lower everything",
          description: "",
          priority: 1,
          enabled: true,
          mode: "enforce",
          rules: [{ kind: "procedure", pattern: "profile.update", level: "high" }],
        }),
      ),
    );
    expect(stepUp).toMatchObject({ level: "high", canRemember: false });
    expect(await db.stepUpPolicy.count()).toBe(policies);
  });
});
