import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  catchStepUp,
  createSoftwareAuthenticator,
  createTestStepUp,
  elevate,
  expectStepUpRequired,
  TEST_PASSWORD,
  TEST_USER,
  totpCode,
  type TestStepUp,
} from "@step-up/next/testing";

/** Each verifier accepts its right credential, refuses a wrong one, and is offered only where it may be used. */
describe("verifiers", () => {
  let t: TestStepUp;
  beforeAll(async () => {
    t = await createTestStepUp();
    t.users.add({ id: "no-password", email: "sso@example.test", name: "SSO user", password: null });
  });
  afterAll(() => t.close());

  async function pending(userId = TEST_USER.id, level: "medium" | "high" = "medium") {
    const client = t.client(t.signIn(userId));
    const requirement = await expectStepUpRequired(
      level === "medium" ? client.api.probe.medium() : client.api.probe.high(),
    );
    return { ...client, requirement, requirementId: requirement.requirementId };
  }

  it("password: the right one fulfils, a wrong one is refused with attempts left", async () => {
    const { api, requirementId } = await pending();
    const wrong = await catchStepUp(api.stepUp.verify({ requirementId, method: "password", credential: "nope" }));
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", stepUp: { code: "INVALID_CREDENTIAL", attemptsLeft: 4 } });
    expect(await api.stepUp.verify({ requirementId, method: "password", credential: TEST_PASSWORD })).toMatchObject({
      status: "fulfilled",
    });
  });

  it("password: never offered to a user without one, and refused if tried", async () => {
    const { api, requirement, requirementId } = await pending("no-password");
    expect(requirement.methods).toEqual([["email_code"]]);
    const tried = await catchStepUp(api.stepUp.verify({ requirementId, method: "password", credential: "x" }));
    expect(tried.stepUp).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
  });

  it("totp: the current code fulfils; a malformed one is refused and changes nothing", async () => {
    const { secret } = await t.enroll.totp(TEST_USER.id);
    t.clock.advance(30_000);
    const { api, requirementId } = await pending();
    const malformed = await catchStepUp(api.stepUp.verify({ requirementId, method: "totp", credential: "12ab" }));
    expect(malformed.stepUp).toMatchObject({ code: "INVALID_CREDENTIAL" });
    const code = await totpCode(secret, t.clock.now());
    expect((await api.stepUp.verify({ requirementId, method: "totp", credential: code })).status).toBe("fulfilled");
  });

  it("backup_code: with password it makes high; alone it makes medium", async () => {
    const [first, second] = await t.enroll.backupCodes(TEST_USER.id);
    const high = await pending(TEST_USER.id, "high");
    expect(high.requirement.methods).toContainEqual(["password", "backup_code"]);
    await high.api.stepUp.verify({ requirementId: high.requirementId, method: "password", credential: TEST_PASSWORD });
    const done = await high.api.stepUp.verify({
      requirementId: high.requirementId,
      method: "backup_code",
      credential: first!,
    });
    expect(done.status).toBe("fulfilled");
    await expect(high.api.probe.high()).resolves.toEqual({ ok: true });

    const medium = await pending();
    const verified = await medium.api.stepUp.verify({
      requirementId: medium.requirementId,
      method: "backup_code",
      credential: second!,
    });
    expect(verified.status).toBe("fulfilled");
  });

  it("email_code: the mailed code fulfils once; a wrong one is refused; never offered above medium", async () => {
    const { api, requirementId } = await pending("no-password");
    await api.stepUp.challenge({ requirementId, method: "email_code" });
    const code = t.mail.lastCode("sso@example.test");
    const wrong = code === "000000" ? "111111" : "000000";
    const refused = await catchStepUp(api.stepUp.verify({ requirementId, method: "email_code", credential: wrong }));
    expect(refused.stepUp).toMatchObject({ code: "INVALID_CREDENTIAL" });
    expect((await api.stepUp.verify({ requirementId, method: "email_code", credential: code })).status).toBe(
      "fulfilled",
    );

    const high = await pending(TEST_USER.id, "high");
    expect(high.requirement.methods.flat()).not.toContain("email_code");
    const challenge = await catchStepUp(
      high.api.stepUp.challenge({ requirementId: high.requirementId, method: "email_code" }),
    );
    expect(challenge.stepUp).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
  });

  it("passkey: a signed assertion fulfils high; critical also needs user verification; an answer works once", async () => {
    const authenticator = createSoftwareAuthenticator({ origin: "http://localhost:3000" });
    const setUp = t.signIn(TEST_USER.id);
    await elevate(t.stepUp, { userId: TEST_USER.id, sessionId: setUp.sessionId, level: "high" });
    const { options } = await t.client(setUp).api.stepUp.security.passkeys.beginRegistration();
    const response = JSON.stringify(authenticator.register(options));
    await t.client(setUp).api.stepUp.security.passkeys.finishRegistration({ name: "Test key", response });

    const client = t.client(t.signIn(TEST_USER.id));
    const answer = async (requirementId: string) => {
      const challenge = await client.api.stepUp.challenge({ requirementId, method: "passkey" });
      if (challenge.method !== "passkey") throw new Error("expected a passkey challenge");
      return JSON.stringify(authenticator.authenticate(challenge.options));
    };
    const high = await expectStepUpRequired(client.api.probe.high());
    expect(high.methods).toContainEqual(["passkey"]);
    const credential = await answer(high.requirementId);
    const verified = await client.api.stepUp.verify({
      requirementId: high.requirementId,
      method: "passkey",
      credential,
    });
    expect(verified.status).toBe("fulfilled");
    await expect(client.api.probe.high()).resolves.toEqual({ ok: true });

    const critical = await expectStepUpRequired(client.api.probe.critical({ note: "close the account" }));
    const replayed = await catchStepUp(
      client.api.stepUp.verify({ requirementId: critical.requirementId, method: "passkey", credential }),
    );
    expect(replayed.stepUp).toMatchObject({ code: "INVALID_CREDENTIAL" });
    authenticator.setUserVerified(false);
    const unverified = await catchStepUp(
      client.api.stepUp.verify({
        requirementId: critical.requirementId,
        method: "passkey",
        credential: await answer(critical.requirementId),
      }),
    );
    expect(unverified.stepUp).toMatchObject({ code: "INVALID_CREDENTIAL" });
    authenticator.setUserVerified(true);
    const approved = await client.api.stepUp.verify({
      requirementId: critical.requirementId,
      method: "passkey",
      credential: await answer(critical.requirementId),
    });
    expect(approved.status).toBe("fulfilled");
    await expect(client.api.probe.critical({ note: "close the account" })).resolves.toEqual({ ok: true });
  });
});
