import { createHash } from "node:crypto";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import canonicalize from "canonicalize";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBoundChallenge } from "@step-up/next/testing/server";
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
 * Transaction-bound passkeys (ADR 022): a critical requirement's WebAuthn challenge is
 * nonce ‖ SHA-256(canonical JSON {callHash, summary}), so the signature covers the operation shown.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const SUMMARY = "Send 10,000.00 USD to Dave";
const critical = { amount: 10_000, currency: "USD" as const, to: "Dave" };
const otherCritical = { amount: 20_000, currency: "USD" as const, to: "Mallory" };

function digest(callHash: string, summary: string | null): Buffer {
  return createHash("sha256").update(canonicalize({ callHash, summary })!).digest();
}

describe("transaction-bound passkey challenges", () => {
  const clock = createClock();
  let aliceId: string;
  let alice: Client;
  let phone: SoftwareAuthenticator;

  const requirementRow = (id: string) => db.stepUpRequirement.findUniqueOrThrow({ where: { id } });
  const lastFailure = async () =>
    (
      await db.stepUpAttempt.findFirstOrThrow({
        where: { userId: aliceId, success: false },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      })
    ).failure;
  const challengeFor = async (requirementId: string) => {
    const challenge = await alice.call((api) => api.stepUp.challenge({ requirementId, method: "passkey" }));
    if (challenge.method !== "passkey") throw new Error("expected a passkey challenge");
    return challenge;
  };
  async function expectRefused(result: Promise<unknown>, requirementId: string) {
    expect(await catchError(result)).toMatchObject({ stepUp: { code: "INVALID_CREDENTIAL", requirementId } });
  }

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
    phone = createSoftwareAuthenticator();
    await withAliceHigh(alice, clock, (api) => api.stepUp.security.passkeys.beginRegistration());
    await registerPasskey(alice, phone, "Alice's phone");
  });
  beforeEach(() => clock.advance(MIN));

  it("a critical challenge is a nonce followed by the digest of the call and its summary, and the good path runs the call", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    // The action the dialog shows is the signed summary itself, not a second text (ADR 045).
    expect(stepUp).toMatchObject({ level: "critical", summary: SUMMARY, action: SUMMARY });
    const row = await requirementRow(stepUp.requirementId);
    expect(row.summary).toBe(SUMMARY);

    const challenge = await challengeFor(stepUp.requirementId);
    expect(challenge.summary).toBe(SUMMARY);
    const bytes = Buffer.from(isoBase64URL.toBuffer(challenge.options.challenge));
    expect(bytes).toHaveLength(64);
    expect(bytes.subarray(32).equals(digest(row.callHash!, SUMMARY))).toBe(true);
    // A second challenge keeps the suffix and draws a new nonce.
    const again = Buffer.from(isoBase64URL.toBuffer((await challengeFor(stepUp.requirementId)).options.challenge));
    expect(again.subarray(32).equals(bytes.subarray(32))).toBe(true);
    expect(again.subarray(0, 32).equals(bytes.subarray(0, 32))).toBe(false);

    const { result } = await verifyWithPasskey(alice, stepUp.requirementId, phone);
    expect((await result).status).toBe("fulfilled");
    await expect(alice.call((api) => api.transfers.create(critical))).resolves.toMatchObject({ to: "Dave" });
  });

  it("an assertion over a challenge whose binding suffix was swapped is refused", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    const challenge = await challengeFor(stepUp.requirementId);
    const bytes = Buffer.from(isoBase64URL.toBuffer(challenge.options.challenge));
    const other = Buffer.from(createBoundChallenge({ callHash: "0".repeat(64), summary: "Send 1.00 USD to Dave" }));
    const tampered = isoBase64URL.fromBuffer(Buffer.concat([bytes.subarray(0, 32), other.subarray(32)]));
    const credential = JSON.stringify(phone.authenticate(challenge.options, { challenge: tampered }));
    await expectRefused(
      alice.call((api) => api.stepUp.verify({ requirementId: stepUp.requirementId, method: "passkey", credential })),
      stepUp.requirementId,
    );
    expect(await lastFailure()).toBe("challenge_mismatch");
  });

  it("an assertion over another requirement's challenge is refused", async () => {
    const mine = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    const theirs = await expectStepUp(alice.call((api) => api.transfers.create(otherCritical)));
    await challengeFor(mine.requirementId);
    const foreign = await challengeFor(theirs.requirementId);
    const credential = JSON.stringify(phone.authenticate(foreign.options));
    await expectRefused(
      alice.call((api) => api.stepUp.verify({ requirementId: mine.requirementId, method: "passkey", credential })),
      mine.requirementId,
    );
    expect(await lastFailure()).toBe("challenge_mismatch");
  });

  it("a genuine signature over a stored challenge bound to a different call is refused as binding_mismatch", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    const theirs = await requirementRow(
      (await expectStepUp(alice.call((api) => api.transfers.create(otherCritical)))).requirementId,
    );
    const challenge = await challengeFor(stepUp.requirementId);
    // The stored challenge itself commits to another call (as if it had been planted): the equality check
    // passes, the binding recomputed from this requirement does not.
    const planted = isoBase64URL.fromBuffer(
      createBoundChallenge({ callHash: theirs.callHash!, summary: theirs.summary }),
    );
    await db.stepUpRequirement.update({ where: { id: stepUp.requirementId }, data: { webauthnChallenge: planted } });
    const credential = JSON.stringify(phone.authenticate({ ...challenge.options, challenge: planted }));
    await expectRefused(
      alice.call((api) => api.stepUp.verify({ requirementId: stepUp.requirementId, method: "passkey", credential })),
      stepUp.requirementId,
    );
    expect(await lastFailure()).toBe("binding_mismatch");
  });

  it("a signature over the call with a different summary is refused: the summary is part of the binding", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    const challenge = await challengeFor(stepUp.requirementId);
    // The text on the requirement changes after the challenge was issued (what the user saw is not what is stored).
    await db.stepUpRequirement.update({
      where: { id: stepUp.requirementId },
      data: { summary: "Send 1.00 USD to Dave" },
    });
    const credential = JSON.stringify(phone.authenticate(challenge.options));
    await expectRefused(
      alice.call((api) => api.stepUp.verify({ requirementId: stepUp.requirementId, method: "passkey", credential })),
      stepUp.requirementId,
    );
    expect(await lastFailure()).toBe("binding_mismatch");
  });

  it("a recipient with a bidi override, a newline and markup: the action shown and signed is plain text without the controls", async () => {
    const to = "Da\u202Eve\n<img src=x onerror=alert(1)>\u2066";
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create({ ...critical, to })));
    // Markup stays as characters (the dialog renders it as text); the controls that reorder or break it go.
    const plain = "Send 10,000.00 USD to Dave<img src=x onerror=alert(1)>";
    expect(stepUp).toMatchObject({ level: "critical", summary: plain, action: plain });
    expect((await challengeFor(stepUp.requirementId)).summary).toBe(plain);
    expect((await requirementRow(stepUp.requirementId)).summary).toBe(plain);
  });

  it("a step-up below critical carries no summary and an unbound random challenge", async () => {
    clock.advance(16 * MIN);
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create({ ...critical, amount: 100 })));
    expect(stepUp.level).not.toBe("critical");
    expect(stepUp.summary).toBeNull();
    expect(stepUp.action).toBe("Send 100.00 USD to Dave");
    const challenge = await challengeFor(stepUp.requirementId);
    expect(challenge.summary).toBeNull();
    expect(isoBase64URL.toBuffer(challenge.options.challenge)).toHaveLength(32);
  });
});
