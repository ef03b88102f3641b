import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MethodId } from "@step-up/next/engine";
import { getVerifier, type VerifyContext, type VerifyResult } from "@step-up/next/testing/server";
import {
  ALICE_BACKUP_CODES,
  aliceTotp,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  userIdOf,
  type Client,
  moduleDb,
  verifierServices,
} from "./harness";
import { createSoftwareAuthenticator } from "./support/authenticator";
import { latestEmailCode, registerPasskey, withAliceHigh } from "./support/factors";

/**
 * Each Verifier on its own, against a real database: one credential accepted, the wrong ones refused with a
 * named failure.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const small = { amount: 100, currency: "USD" as const, to: "Carol" };
const key = createSoftwareAuthenticator();

/** Whether a correct credential's single-use part is still there to take, as recording it would (ADR 028). */
async function claimed(result: VerifyResult): Promise<boolean> {
  if (!result.ok) throw new Error(`expected an accepted credential, got ${result.failure}`);
  const { claim } = result;
  return claim ? moduleDb(db).$transaction((tx) => claim.run(tx)) : true;
}

describe("every Verifier accepts its credential and refuses others", () => {
  const clock = createClock();
  let alice: Client;
  let bob: Client;
  const ids: Record<string, string> = {};

  /** A fresh pending requirement of `client` and a context to verify it directly. */
  async function context(client: Client, userId: string): Promise<VerifyContext> {
    clock.advance(16 * MIN);
    const stepUp = await expectStepUp(client.call((api) => api.transfers.create(small)));
    return {
      ...verifierServices(db, clock),
      userId,
      organizationId: null,
      requirementId: stepUp.requirementId,
      level: stepUp.level,
      callBinding: null,
      requirementExpiresAt: new Date(stepUp.expiresAt),
      now: clock.now(),
      request: { ip: "203.0.113.7", userAgent: "vitest" },
    };
  }
  const verifyWith = (method: MethodId, ctx: VerifyContext, credential: string) =>
    getVerifier(method).verify(ctx, credential);

  beforeAll(async () => {
    ids.alice = await userIdOf(db, "alice@example.com");
    ids.bob = await userIdOf(db, "bob@example.com");
    alice = createClient(db, clock);
    bob = createClient(db, clock);
    await signIn(alice, "alice@example.com");
    await signIn(bob, "bob@example.com");
    await withAliceHigh(alice, clock, (api) => api.stepUp.security.passkeys.beginRegistration());
    await registerPasskey(alice, key);
  });

  it("password: the right one verifies; a wrong, an empty or an absurdly long one does not", async () => {
    const ctx = await context(alice, ids.alice!);
    expect(await verifyWith("password", ctx, "demo-password-1")).toEqual({ ok: true });
    expect(await verifyWith("password", ctx, "demo-password-2")).toEqual({ ok: false, failure: "invalid" });
    expect(await verifyWith("password", ctx, "")).toEqual({ ok: false, failure: "malformed" });
    expect(await verifyWith("password", ctx, "x".repeat(2000))).toEqual({ ok: false, failure: "malformed" });
  });

  it("totp: the current code verifies once; a wrong, a malformed or a never-enrolled one does not", async () => {
    const ctx = await context(alice, ids.alice!);
    const code = await aliceTotp(clock);
    expect(await claimed(await verifyWith("totp", ctx, code))).toBe(true);
    expect((await verifyWith("totp", ctx, code)).ok).toBe(false);
    expect(await verifyWith("totp", ctx, code === "123456" ? "654321" : "123456")).toMatchObject({
      ok: false,
      failure: "invalid",
    });
    expect(await verifyWith("totp", ctx, "12ab56")).toEqual({ ok: false, failure: "malformed" });
    expect(await verifyWith("totp", { ...(await context(bob, ids.bob!)) }, code)).toEqual({
      ok: false,
      failure: "not_enrolled",
    });
  });

  it("backup_code: an unused code verifies once, whatever its formatting; a made-up one does not", async () => {
    const ctx = await context(alice, ids.alice!);
    // Two uses checked at once: both look right, but only one can take the code when it is recorded.
    const [first, second] = await Promise.all([
      verifyWith("backup_code", ctx, ` ${ALICE_BACKUP_CODES[3].toUpperCase()} `),
      verifyWith("backup_code", ctx, ALICE_BACKUP_CODES[3]),
    ]);
    expect([await claimed(first), await claimed(second)]).toEqual([true, false]);
    expect(second).toMatchObject({ claim: { failure: "replayed" } });
    expect(await verifyWith("backup_code", ctx, ALICE_BACKUP_CODES[3])).toEqual({ ok: false, failure: "invalid" });
    expect(await verifyWith("backup_code", ctx, "aaaaa-bbbbb")).toEqual({ ok: false, failure: "invalid" });
    expect(await verifyWith("backup_code", ctx, "short")).toEqual({ ok: false, failure: "malformed" });
  });

  it("passkey: issue stores a challenge that one signed assertion uses up; nothing is issued to a user without a passkey", async () => {
    const ctx = await context(alice, ids.alice!);
    const issued = await getVerifier("passkey").issue!(ctx);
    if (!issued.ok || issued.challenge.method !== "passkey") throw new Error("expected a passkey challenge");
    const stored = await db.stepUpRequirement.findUniqueOrThrow({ where: { id: ctx.requirementId } });
    expect(stored.webauthnChallenge).toBe(issued.challenge.options.challenge);
    const assertion = JSON.stringify(key.authenticate(issued.challenge.options));
    expect(await claimed(await verifyWith("passkey", ctx, assertion))).toBe(true);
    expect(await verifyWith("passkey", ctx, assertion)).toEqual({ ok: false, failure: "challenge_reused" });

    const bobCtx = await context(bob, ids.bob!);
    expect(await getVerifier("passkey").issue!(bobCtx)).toEqual({ ok: false, failure: "not_enrolled" });
  });

  it("email_code: issue mails a code that verifies once; before any code, or with a wrong one, it does not", async () => {
    const ctx = await context(bob, ids.bob!);
    expect(await verifyWith("email_code", ctx, "123456")).toEqual({ ok: false, failure: "no_code_sent" });
    const issued = await getVerifier("email_code").issue!(ctx);
    expect(issued).toMatchObject({ ok: true, challenge: { method: "email_code", sentTo: "b***@example.com" } });
    const code = await latestEmailCode(db, "bob@example.com");
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await verifyWith("email_code", ctx, wrong)).toEqual({ ok: false, failure: "invalid" });
    expect(await verifyWith("email_code", ctx, "12 34")).toEqual({ ok: false, failure: "malformed" });
    expect(await claimed(await verifyWith("email_code", ctx, code))).toBe(true);
    expect(await verifyWith("email_code", ctx, code)).toEqual({ ok: false, failure: "no_code_sent" });
    expect(await getVerifier("email_code").issue!({ ...ctx, mailer: null })).toEqual({
      ok: false,
      failure: "unavailable",
    });
  });
});
