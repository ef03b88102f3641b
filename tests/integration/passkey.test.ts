import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  userIdOf,
  type Client,
} from "./harness";
import { createSoftwareAuthenticator, type SoftwareAuthenticator } from "./support/authenticator";
import { registerPasskey, verifyWithPasskey, withAliceHigh } from "./support/factors";

/**
 * Passkey step-up with real WebAuthn responses from a software authenticator (P-256 keys, signed
 * authenticatorData): every refusal is INVALID_CREDENTIAL for the client and names its cause in the audit log.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const small = { amount: 100, currency: "USD" as const, to: "Carol" }; // medium
const large = { amount: 5000, currency: "USD" as const, to: "Carol" }; // high
const critical = { amount: 10_000, currency: "USD" as const, to: "Dave" };

describe("passkey step-up", () => {
  const clock = createClock();
  let aliceId: string;
  let alice: Client;
  let phone: SoftwareAuthenticator;
  let passkeyId: string;

  const transfers = () => db.transfer.count({ where: { userId: aliceId } });
  const storedPasskey = () => db.stepUpPasskey.findUniqueOrThrow({ where: { id: passkeyId } });
  const lastFailure = async () => {
    const [attempt, audit] = await Promise.all([
      db.stepUpAttempt.findFirstOrThrow({
        where: { userId: aliceId, success: false },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
      db.stepUpAuditEvent.findFirstOrThrow({
        where: { userId: aliceId, type: "stepup.failed" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
    ]);
    expect((audit.data as { failure: string }).failure).toBe(attempt.failure);
    return { failure: attempt.failure, method: attempt.method, audit: audit.data as Record<string, unknown> };
  };
  /** A fresh medium requirement (the previous medium grant has run out). */
  async function smallRequirement() {
    clock.advance(16 * MIN);
    return (await expectStepUp(alice.call((api) => api.transfers.create(small)))).requirementId;
  }
  async function expectRefused(result: Promise<unknown>, requirementId: string) {
    expect(await catchError(result)).toMatchObject({
      code: "BAD_REQUEST",
      stepUp: { code: "INVALID_CREDENTIAL", requirementId },
    });
  }

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
    phone = createSoftwareAuthenticator();
    await withAliceHigh(alice, clock, (api) => api.stepUp.security.passkeys.beginRegistration());
    passkeyId = (await registerPasskey(alice, phone, "Alice's phone")).id;
  });
  beforeEach(() => clock.advance(MIN));

  it("a registered passkey is listed on the security page and its registration audited", async () => {
    const overview = await alice.call((api) => api.stepUp.security.overview());
    expect(overview.passkeys).toEqual([
      {
        id: passkeyId,
        name: "Alice's phone",
        createdAt: expect.any(Date),
        lastUsedAt: null,
        deviceType: "singleDevice",
        backedUp: false,
      },
    ]);
    const enrolled = await db.stepUpAuditEvent.findFirstOrThrow({
      where: { userId: aliceId, type: "credential.enrolled" },
    });
    expect(enrolled.data).toMatchObject({ kind: "passkey", passkeyId, name: "Alice's phone" });
    expect((await storedPasskey()).credentialId).toBe(phone.credentialId);
  });

  it("a high transfer completes with the passkey alone; the new counter and last use are stored", async () => {
    clock.advance(6 * MIN);
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    expect(stepUp.methods).toContainEqual(["passkey"]);
    const challenge = await alice.call((api) =>
      api.stepUp.challenge({ requirementId: stepUp.requirementId, method: "passkey" }),
    );
    expect(challenge).toMatchObject({
      method: "passkey",
      options: { rpId: "localhost", userVerification: "preferred", allowCredentials: [{ id: phone.credentialId }] },
    });

    const { result } = await verifyWithPasskey(alice, stepUp.requirementId, phone);
    expect((await result).status).toBe("fulfilled");
    const count = await transfers();
    await alice.call((api) => api.transfers.create(large));
    expect(await transfers()).toBe(count + 1);
    expect(await storedPasskey()).toMatchObject({ counter: phone.counter, lastUsedAt: clock.now() });
  });

  it("a critical transfer needs user verification: presence alone is refused, a verified passkey runs it once", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    // With a passkey enrolled, critical is no longer degraded to password + TOTP.
    expect(stepUp).toMatchObject({ level: "critical", methods: [["passkey"]], degraded: false });

    const presenceOnly = await verifyWithPasskey(alice, stepUp.requirementId, phone, { userVerified: false });
    await expectRefused(presenceOnly.result, stepUp.requirementId);
    expect(await lastFailure()).toMatchObject({ failure: "user_verification_missing", method: "passkey" });

    const challenge = await alice.call((api) =>
      api.stepUp.challenge({ requirementId: stepUp.requirementId, method: "passkey" }),
    );
    expect(challenge).toMatchObject({ options: { userVerification: "required" } });
    const { result } = await verifyWithPasskey(alice, stepUp.requirementId, phone);
    expect((await result).status).toBe("fulfilled");
    const count = await transfers();
    await alice.call((api) => api.transfers.create(critical));
    await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    expect(await transfers()).toBe(count + 1);
  });

  it("an assertion made on another origin is refused and audited as wrong_origin", async () => {
    const requirementId = await smallRequirement();
    const { result } = await verifyWithPasskey(alice, requirementId, phone, { origin: "https://evil.example" });
    await expectRefused(result, requirementId);
    expect(await lastFailure()).toMatchObject({ failure: "wrong_origin" });
  });

  it("an assertion for another relying party ID is refused and audited as wrong_rp_id", async () => {
    const requirementId = await smallRequirement();
    const { result } = await verifyWithPasskey(alice, requirementId, phone, { rpId: "evil.example" });
    await expectRefused(result, requirementId);
    expect(await lastFailure()).toMatchObject({ failure: "wrong_rp_id" });
  });

  it("a challenge verifies one response: after a refused attempt, a valid response to the same challenge is refused as reused", async () => {
    const requirementId = await smallRequirement();
    const challenge = await alice.call((api) => api.stepUp.challenge({ requirementId, method: "passkey" }));
    if (challenge.method !== "passkey") throw new Error("expected a passkey challenge");
    const wrong = JSON.stringify(phone.authenticate(challenge.options, { origin: "https://evil.example" }));
    await expectRefused(
      alice.call((api) => api.stepUp.verify({ requirementId, method: "passkey", credential: wrong })),
      requirementId,
    );

    const valid = JSON.stringify(phone.authenticate(challenge.options));
    await expectRefused(
      alice.call((api) => api.stepUp.verify({ requirementId, method: "passkey", credential: valid })),
      requirementId,
    );
    expect(await lastFailure()).toMatchObject({ failure: "challenge_reused" });
    expect(
      (await db.stepUpRequirement.findUniqueOrThrow({ where: { id: requirementId } })).webauthnChallenge,
    ).toBeNull();
  });

  it("an accepted assertion replayed on a later requirement is refused, and a new challenge kills the previous one", async () => {
    const first = await smallRequirement();
    const { credential, result } = await verifyWithPasskey(alice, first, phone);
    expect((await result).status).toBe("fulfilled");

    const second = await smallRequirement();
    await expectRefused(
      alice.call((api) => api.stepUp.verify({ requirementId: second, method: "passkey", credential })),
      second,
    );
    expect(await lastFailure()).toMatchObject({ failure: "challenge_reused" });

    const old = await alice.call((api) => api.stepUp.challenge({ requirementId: second, method: "passkey" }));
    if (old.method !== "passkey") throw new Error("expected a passkey challenge");
    await alice.call((api) => api.stepUp.challenge({ requirementId: second, method: "passkey" }));
    const stale = JSON.stringify(phone.authenticate(old.options));
    await expectRefused(
      alice.call((api) => api.stepUp.verify({ requirementId: second, method: "passkey", credential: stale })),
      second,
    );
    expect(await lastFailure()).toMatchObject({ failure: "challenge_mismatch" });
  });

  it("a signed assertion with a stale counter is refused and audited as a possible clone; the stored counter stays", async () => {
    const requirementId = await smallRequirement();
    const before = (await storedPasskey()).counter;
    expect(before).toBeGreaterThan(0);
    const { result } = await verifyWithPasskey(alice, requirementId, phone, { counter: before });
    await expectRefused(result, requirementId);
    expect(await lastFailure()).toMatchObject({
      failure: "counter_regression",
      audit: { passkeyId, storedCounter: before, receivedCounter: before },
    });
    const alarm = await db.stepUpAuditEvent.findFirstOrThrow({
      where: { userId: aliceId, type: "stepup.passkey_counter_regression" },
    });
    expect(alarm).toMatchObject({
      severity: "critical",
      data: { requirementId, passkeyId, storedCounter: before, receivedCounter: before },
    });
    expect((await storedPasskey()).counter).toBe(before);
  });

  it("a passkey that is not registered to alice, a forged signature and malformed JSON are each refused", async () => {
    const requirementId = await smallRequirement();
    const stranger = createSoftwareAuthenticator();
    await expectRefused((await verifyWithPasskey(alice, requirementId, stranger)).result, requirementId);
    expect(await lastFailure()).toMatchObject({ failure: "unknown_credential" });

    const challenge = await alice.call((api) => api.stepUp.challenge({ requirementId, method: "passkey" }));
    if (challenge.method !== "passkey") throw new Error("expected a passkey challenge");
    const forged = phone.authenticate(challenge.options);
    forged.response.signature = phone.authenticate(challenge.options, {
      challenge: "another-challenge",
    }).response.signature;
    await expectRefused(
      alice.call((api) => api.stepUp.verify({ requirementId, method: "passkey", credential: JSON.stringify(forged) })),
      requirementId,
    );
    expect(await lastFailure()).toMatchObject({ failure: "bad_signature" });

    await expectRefused(
      alice.call((api) => api.stepUp.verify({ requirementId, method: "passkey", credential: "{not json" })),
      requirementId,
    );
    expect(await lastFailure()).toMatchObject({ failure: "malformed" });
  });

  it("the same valid assertion sent twice at once is accepted once", async () => {
    const requirementId = await smallRequirement();
    const challenge = await alice.call((api) => api.stepUp.challenge({ requirementId, method: "passkey" }));
    if (challenge.method !== "passkey") throw new Error("expected a passkey challenge");
    const credential = JSON.stringify(phone.authenticate(challenge.options));
    const send = () => alice.call((api) => api.stepUp.verify({ requirementId, method: "passkey", credential }));
    const results = await Promise.allSettled([send(), send()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.stepUpAttempt.count({ where: { requirementId, success: true } })).toBe(1);
  });
});
