import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  aliceTotp,
  catchError,
  createClock,
  createTestDatabase,
  expectStepUp,
  signedIn,
  userIdOf,
  verify,
  type Client,
} from "./harness";

/**
 * Precise answers from `stepUp.verify`: a second verification of a fulfilled requirement says
 * so (and creates no second grant); a TOTP code already used is recorded and answered as replayed.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const small = { amount: 100, currency: "USD" as const, to: "Carol" };

describe("what verify answers", () => {
  const clock = createClock();
  let alice: Client;
  let aliceId: string;
  const grants = () => db.stepUpGrant.count({ where: { userId: aliceId } });

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = await signedIn(db, clock, "alice@example.com");
  });
  beforeEach(() => clock.advance(16 * MIN));

  it("verifying a fulfilled requirement again answers ALREADY_FULFILLED and creates no second grant", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect((await verify(alice, stepUp.requirementId, "password", "demo-password-1")).status).toBe("fulfilled");
    const before = await grants();
    const again = await catchError(verify(alice, stepUp.requirementId, "password", "demo-password-1"));
    expect(again).toMatchObject({
      code: "CONFLICT",
      stepUp: { code: "ALREADY_FULFILLED", requirementId: stepUp.requirementId },
    });
    expect(await grants()).toBe(before);
    const challenge = await catchError(
      alice.call((api) => api.stepUp.challenge({ requirementId: stepUp.requirementId, method: "passkey" })),
    );
    expect(challenge.stepUp).toMatchObject({ code: "ALREADY_FULFILLED" });
  });

  it("an expired requirement still answers EXPIRED", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    clock.advance(11 * MIN);
    expect(await catchError(verify(alice, stepUp.requirementId, "password", "demo-password-1"))).toMatchObject({
      stepUp: { code: "EXPIRED" },
    });
  });

  it("a TOTP code used once is refused as replayed: recorded, audited and answered as such", async () => {
    const first = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    const code = await aliceTotp(clock);
    expect((await verify(alice, first.requirementId, "totp", code)).status).toBe("fulfilled");
    // The medium grant does not cover high: a new requirement, where the same code is tried again.
    const high = await expectStepUp(alice.call((api) => api.transfers.create({ ...small, amount: 5000 })));
    await verify(alice, high.requirementId, "password", "demo-password-1");
    const replay = await catchError(verify(alice, high.requirementId, "totp", code));
    expect(replay).toMatchObject({ stepUp: { code: "INVALID_CREDENTIAL", reason: "replayed" } });
    const attempt = await db.stepUpAttempt.findFirstOrThrow({
      where: { requirementId: high.requirementId, success: false },
    });
    expect(attempt.failure).toBe("replayed");
    const audit = await db.stepUpAuditEvent.findFirstOrThrow({
      where: { userId: aliceId, type: "stepup.failed" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(audit.data).toMatchObject({ requirementId: high.requirementId, method: "totp", failure: "replayed" });
    // A code that was never valid is still just a mismatch.
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await catchError(verify(alice, high.requirementId, "totp", wrong))).toMatchObject({
      stepUp: { code: "INVALID_CREDENTIAL" },
    });
    const last = await db.stepUpAttempt.findFirstOrThrow({
      where: { requirementId: high.requirementId, success: false },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(last.failure).toBe("invalid");
  });
});
