import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { allowDegrade } from "./support/degrade";

/**
 * "Trust this browser for 24 h": bypasses up to the verified level in later sessions, never critical, always
 * audited.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const small = { amount: 100, currency: "USD" as const, to: "Carol" }; // medium
const large = { amount: 5000, currency: "USD" as const, to: "Carol" }; // high
const critical = { amount: 10_000, currency: "USD" as const, to: "Dave" };

describe("remembered devices", () => {
  const clock = createClock();
  let aliceId: string;
  let browser: Client; // alice's laptop: keeps its cookies across sign-ins
  let deviceId: string;
  const requirements = () => db.stepUpRequirement.count({ where: { userId: aliceId } });
  const transfers = () => db.transfer.count({ where: { userId: aliceId } });

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    browser = allowDegrade(createClient(db, clock));
    await signIn(browser, "alice@example.com");
  });

  it("ticking 'trust this device' at a high verification stores only a hash of the cookie", async () => {
    const stepUp = await expectStepUp(browser.call((api) => api.transfers.create(large)));
    expect(stepUp.canRemember).toBe(true);
    expect((await verifyAliceHigh(browser, clock, stepUp.requirementId, true)).status).toBe("fulfilled");
    const token = browser.cookies.get("stepup_device");
    expect(token).toBeTruthy();
    const device = await db.stepUpRememberedDevice.findFirstOrThrow({ where: { userId: aliceId } });
    expect(device).toMatchObject({ level: "high", revokedAt: null, label: "vitest-browser" });
    expect(device.tokenHash).toBe(createHash("sha256").update(token!).digest("hex"));
    expect(device.tokenHash).not.toContain(token!);
    expect(device.expiresAt.getTime() - clock.now().getTime()).toBe(24 * 60 * MIN);
    deviceId = device.id;
    expect(await db.stepUpAuditEvent.count({ where: { type: "stepup.device_remembered", userId: aliceId } })).toBe(1);
    expect(await browser.call((api) => api.stepUp.devices())).toEqual([
      expect.objectContaining({ id: deviceId, level: "high" }),
    ]);
  });

  it("the next high-level action in a new session on that browser goes through without asking, and is audited", async () => {
    clock.advance(20 * MIN); // the session's own grant has long expired
    await signIn(browser, "alice@example.com"); // a new session: grants never cross sessions
    const before = await requirements();
    const transfer = await browser.call((api) => api.transfers.create(large));
    expect(transfer.amountMinor).toBe(500_000);
    await browser.call((api) => api.transfers.create(small)); // lower levels too
    expect(await requirements()).toBe(before);
    const bypassed = await db.stepUpAuditEvent.findMany({ where: { type: "stepup.bypassed", userId: aliceId } });
    expect(bypassed).toHaveLength(2);
    expect(bypassed[0]).toMatchObject({
      ip: "203.0.113.7",
      userAgent: "vitest-browser",
      data: { procedure: "transfers.create", deviceId, level: "high" },
    });
    expect((await db.stepUpRememberedDevice.findUniqueOrThrow({ where: { id: deviceId } })).lastUsedAt).toEqual(
      clock.now(),
    );
  });

  it("a trusted browser never skips a critical verification", async () => {
    const count = await transfers();
    const stepUp = await expectStepUp(browser.call((api) => api.transfers.create(critical)));
    expect(stepUp).toMatchObject({ level: "critical", canRemember: false });
    expect(await transfers()).toBe(count);
  });

  it("asking to remember the device at a critical verification remembers nothing", async () => {
    clock.advance(MIN);
    const token = browser.cookies.get("stepup_device");
    const stepUp = await expectStepUp(browser.call((api) => api.transfers.create(critical)));
    await verifyAliceHigh(browser, clock, stepUp.requirementId, true);
    expect(browser.cookies.get("stepup_device")).toBe(token);
    expect(await db.stepUpRememberedDevice.count({ where: { userId: aliceId } })).toBe(1);
    expect((await browser.call((api) => api.transfers.create(critical))).amountMinor).toBe(1_000_000);
  });

  it("copied cookies used from a new IP and browser after failed guesses get no bypass", async () => {
    const thief = allowDegrade(createClient(db, clock, { ip: "192.0.2.66", userAgent: "curl/8.5" }));
    for (const [name, value] of browser.cookies) thief.cookies.set(name, value);
    const probe = await expectStepUp(thief.call((api) => api.transfers.create(critical)));
    for (let i = 0; i < 2; i++) await catchError(verify(thief, probe.requirementId, "backup_code", "zzzzz-zzzzz"));
    // new IP (0.3) + new browser (0.2) + 2 recent failures (0.2) = 0.7: at the limit, the device does not count.
    const count = await transfers();
    const stepUp = await expectStepUp(thief.call((api) => api.transfers.create(large)));
    expect(stepUp).toMatchObject({ level: "high", canRemember: false });
    expect(await transfers()).toBe(count);
    // Alice's own browser, in the session's IP and browser, still gets the bypass.
    await browser.call((api) => api.transfers.create(small));
    expect(await transfers()).toBe(count + 1);
  });

  it("a browser trusted at medium does not skip a high verification", async () => {
    clock.advance(MIN);
    const laptop = allowDegrade(createClient(db, clock, { userAgent: "second-laptop" }));
    await signIn(laptop, "alice@example.com");
    const medium = await expectStepUp(laptop.call((api) => api.transfers.create(small)));
    await verify(laptop, medium.requirementId, "backup_code", ALICE_BACKUP_CODES[0], true);
    clock.advance(20 * MIN);
    await signIn(laptop, "alice@example.com");
    await laptop.call((api) => api.transfers.create(small)); // bypassed at medium
    const high = await expectStepUp(laptop.call((api) => api.transfers.create(large)));
    expect(high).toMatchObject({ level: "high", currentLevel: "low" });
  });

  it("bob signing in on alice's trusted browser gets no bypass from her device", async () => {
    await signIn(browser, "bob@example.com");
    const bobId = await userIdOf(db, "bob@example.com");
    const stepUp = await expectStepUp(browser.call((api) => api.transfers.create({ ...large, amount: 1500 })));
    expect(stepUp.level).toBe("high");
    expect(await db.transfer.count({ where: { userId: bobId } })).toBe(0);
    await signIn(browser, "alice@example.com");
  });

  it("another user cannot forget alice's device", async () => {
    const bob = allowDegrade(createClient(db, clock));
    await signIn(bob, "bob@example.com");
    expect(await bob.call((api) => api.stepUp.forgetDevice({ deviceId }))).toEqual({ forgotten: false });
    expect(await bob.call((api) => api.stepUp.devices())).toEqual([]);
    expect((await db.stepUpRememberedDevice.findUniqueOrThrow({ where: { id: deviceId } })).revokedAt).toBeNull();
    expect(await db.stepUpAuditEvent.count({ where: { type: "stepup.device_forgotten" } })).toBe(0);
  });

  it("once alice forgets the device, it no longer skips verification", async () => {
    expect(await browser.call((api) => api.stepUp.forgetDevice({ deviceId }))).toEqual({ forgotten: true });
    expect((await browser.call((api) => api.stepUp.devices())).map((d) => d.id)).not.toContain(deviceId);
    expect(await db.stepUpAuditEvent.count({ where: { type: "stepup.device_forgotten", userId: aliceId } })).toBe(1);
    const count = await transfers();
    await expectStepUp(browser.call((api) => api.transfers.create(large)));
    expect(await transfers()).toBe(count);
    // already gone
    expect(await browser.call((api) => api.stepUp.forgetDevice({ deviceId }))).toEqual({ forgotten: false });
  });

  it("changing the password revokes every grant and remembered device of the user", async () => {
    clock.advance(MIN);
    // Browser: trusted again at high, with a live high grant. Phone: a live medium grant in another session.
    const stepUp = await expectStepUp(browser.call((api) => api.transfers.create(large)));
    await verifyAliceHigh(browser, clock, stepUp.requirementId, true);
    const phone = allowDegrade(createClient(db, clock, { userAgent: "alice-phone" }));
    await signIn(phone, "alice@example.com");
    const medium = await expectStepUp(phone.call((api) => api.transfers.create(small)));
    await verify(phone, medium.requirementId, "backup_code", ALICE_BACKUP_CODES[1]);
    await phone.call((api) => api.transfers.create(small));

    expect(await browser.call((api) => api.account.changePassword({ newPassword: "a-brand-new-password" }))).toEqual({
      changed: true,
    });

    expect(await db.stepUpGrant.count({ where: { userId: aliceId, revokedAt: null, consumedAt: null } })).toBe(0);
    expect(await db.stepUpRememberedDevice.count({ where: { userId: aliceId, revokedAt: null } })).toBe(0);
    expect(await browser.call((api) => api.stepUp.devices())).toEqual([]);
    expect(await db.stepUpAuditEvent.count({ where: { type: "stepup.grants_revoked", userId: aliceId } })).toBe(1);

    const count = await transfers();
    expect(await expectStepUp(browser.call((api) => api.transfers.create(large)))).toMatchObject({
      currentLevel: "low",
    });
    // The phone's session ended with the password change (auth.sessions_revoked), grant and all.
    expect((await catchError(phone.call((api) => api.transfers.create(small)))).code).toBe("UNAUTHORIZED");
    await signIn(browser, "alice@example.com", "a-brand-new-password");
    await expectStepUp(browser.call((api) => api.transfers.create(large))); // the device cookie no longer counts
    expect(await transfers()).toBe(count);
  });
});
