import { generate } from "otplib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  aliceTotp,
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  userIdOf,
  verify,
  type Client,
} from "./harness";
import { withAliceHigh } from "./support/factors";

/** Setting up an authenticator app: high step-up first, then a first code confirms it before anything is saved. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const large = { amount: 5000, currency: "USD" as const, to: "Carol" }; // high

describe("authenticator app enrolment", () => {
  const clock = createClock();
  let aliceId: string;
  let alice: Client;
  let newSecret: string;

  const storedTotp = () => db.stepUpTotpCredential.findUniqueOrThrow({ where: { userId: aliceId } });
  const codeFor = (secret: string, stepOffset = 0) =>
    generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + stepOffset * 30 });
  const audits = (type: string) =>
    db.stepUpAuditEvent.findMany({ where: { userId: aliceId, type }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
  });
  beforeEach(() => clock.advance(MIN));

  it("starting needs a high step-up and returns a 20-byte secret, its otpauth URI and an SVG QR code; the secret is stored only encrypted", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.stepUp.security.totp.begin()));
    expect(stepUp).toMatchObject({ level: "high", reason: expect.any(String) });
    const begun = await withAliceHigh(alice, clock, (api) => api.stepUp.security.totp.begin());
    newSecret = begun.secret;
    expect(newSecret).toMatch(/^[A-Z2-7]{32}$/); // 32 base32 characters = 20 bytes
    expect(begun.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(begun.uri).searchParams.get("secret")).toBe(newSecret);
    expect(begun.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const pending = await db.stepUpEnrollmentChallenge.findFirstOrThrow({ where: { userId: aliceId, kind: "totp" } });
    expect(pending.payload).not.toContain(newSecret);
    expect(alice.services.crypto.decrypt(pending.payload)).toBe(newSecret);
  });

  it("a wrong first code saves nothing: the old app keeps working and nothing is audited", async () => {
    const before = await storedTotp();
    const code = (await codeFor(newSecret)) === "000000" ? "111111" : "000000";
    const wrong = await catchError(alice.call((api) => api.stepUp.security.totp.confirm({ code })));
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/does not match/) });
    expect(await storedTotp()).toEqual(before);
    expect(await audits("credential.enrolled")).toHaveLength(0);
    expect(await db.stepUpEnrollmentChallenge.count({ where: { userId: aliceId, kind: "totp" } })).toBe(1);
  });

  it("the first code must come from the session that started the set-up", async () => {
    const otherBrowser = createClient(db, clock);
    await signIn(otherBrowser, "alice@example.com");
    const code = await codeFor(newSecret);
    const refused = await catchError(otherBrowser.call((api) => api.stepUp.security.totp.confirm({ code })));
    expect(refused).toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("the right first code saves the new app, revokes grants and remembered devices, and is audited", async () => {
    // Earn a high grant and a remembered device first: both were earned with the old factors.
    clock.advance(5 * MIN); // the high grant from starting the set-up has run out (the pending set-up has not)
    const before = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    await verify(alice, before.requirementId, "password", "demo-password-1");
    await verify(alice, before.requirementId, "totp", await aliceTotp(clock), true);
    expect(await db.stepUpRememberedDevice.count({ where: { userId: aliceId, revokedAt: null } })).toBe(1);

    const code = await codeFor(newSecret);
    expect(await alice.call((api) => api.stepUp.security.totp.confirm({ code }))).toEqual({ enabled: true });
    const stored = await storedTotp();
    expect(alice.services.crypto.decrypt(stored.secretEncrypted)).toBe(newSecret);
    expect(stored.confirmedAt).toEqual(clock.now());
    expect(await db.stepUpEnrollmentChallenge.count({ where: { userId: aliceId } })).toBe(0);

    expect(await db.stepUpGrant.count({ where: { userId: aliceId, revokedAt: null, consumedAt: null } })).toBe(0);
    expect(await db.stepUpRememberedDevice.count({ where: { userId: aliceId, revokedAt: null } })).toBe(0);
    expect((await audits("credential.enrolled")).map((a) => a.data)).toEqual([{ kind: "totp" }]);
    expect((await audits("stepup.grants_revoked")).at(-1)?.data).toMatchObject({
      reason: "factor_changed",
      factor: "totp",
      devices: 1,
    });
    // The high grant is gone: the next high transfer asks again; the confirming code cannot pass it (same step,
    // replay).
    const again = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    await verify(alice, again.requirementId, "password", "demo-password-1");
    expect(await catchError(verify(alice, again.requirementId, "totp", code))).toMatchObject({
      stepUp: { code: "INVALID_CREDENTIAL" },
    });
  });

  it("after the change only the new app's codes verify", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create({ ...large, amount: 100 })));
    const old = await catchError(verify(alice, stepUp.requirementId, "totp", await aliceTotp(clock)));
    expect(old.stepUp).toMatchObject({ code: "INVALID_CREDENTIAL" });
    expect((await verify(alice, stepUp.requirementId, "totp", await codeFor(newSecret))).status).toBe("fulfilled");
  });

  it("removing the app needs a high step-up, is audited, and leaves no authenticator code accepted", async () => {
    clock.advance(16 * MIN);
    const stepUp = await expectStepUp(alice.call((api) => api.stepUp.security.totp.remove()));
    expect(stepUp.level).toBe("high");
    await verify(alice, stepUp.requirementId, "password", "demo-password-1");
    await verify(alice, stepUp.requirementId, "totp", await codeFor(newSecret));
    expect(await alice.call((api) => api.stepUp.security.totp.remove())).toEqual({ removed: true });

    expect(await alice.call((api) => api.stepUp.security.overview())).toMatchObject({
      totp: { enabled: false, confirmedAt: null },
    });
    expect((await audits("credential.removed")).map((a) => a.data)).toEqual([{ kind: "totp" }]);
    const medium = await expectStepUp(alice.call((api) => api.transfers.create({ ...large, amount: 100 })));
    expect(medium.methods.flat()).not.toContain("totp");
  });
});
