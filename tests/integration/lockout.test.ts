import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  stepUpCodesOf,
  userIdOf,
  verify,
  type Client,
} from "./harness";

/** Failed attempts are limited per requirement (5) and per user (10 in 15 min → locked 15 min), with Retry-After. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const small = { amount: 100, currency: "USD" as const, to: "Carol" }; // medium: any one factor
const WRONG = "zzzzz-zzzzz"; // well-formed backup code that alice does not have (cheap to check, unlike a password)

describe("guessing is limited", () => {
  const clock = createClock();
  let aliceId: string;
  let alice: Client;

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
  });

  const newRequirement = async () =>
    (await expectStepUp(alice.call((api) => api.transfers.create(small)))).requirementId;
  const retryAfterHeader = () => alice.lastHeaders.value.get("retry-after");

  it("five wrong codes lock that verification, and then even the right password is refused for it", async () => {
    const first = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect(first).not.toHaveProperty("pausedFor");
    const requirementId = first.requirementId;
    for (const attemptsLeft of [4, 3, 2, 1]) {
      const wrong = await catchError(verify(alice, requirementId, "backup_code", WRONG));
      expect(wrong).toMatchObject({
        code: "BAD_REQUEST",
        stepUp: { code: "INVALID_CREDENTIAL", requirementId, attemptsLeft },
      });
    }
    const fifth = await catchError(verify(alice, requirementId, "backup_code", WRONG));
    expect(fifth).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      stepUp: { code: "LOCKED", scope: "requirement", retryAfter: 600 },
    });
    expect(retryAfterHeader()).toBe("600");

    const right = await catchError(verify(alice, requirementId, "password", "demo-password-1"));
    expect(right).toMatchObject({ code: "TOO_MANY_REQUESTS", stepUp: { code: "LOCKED", scope: "requirement" } });
    expect(Number(retryAfterHeader())).toBeGreaterThan(0);
    expect(await db.stepUpRequirement.findUniqueOrThrow({ where: { id: requirementId } })).toMatchObject({
      status: "pending",
      failedAttempts: 5,
    });
    expect(await db.stepUpGrant.count({ where: { requirementId } })).toBe(0);

    const locked = await db.stepUpAuditEvent.findMany({ where: { type: "stepup.locked", userId: aliceId } });
    expect(locked).toHaveLength(1);
    expect(locked[0]).toMatchObject({ severity: "critical", data: { requirementId, scope: "requirement" } });
  });

  it("ten failures within 15 minutes lock the user out of step-up, with Retry-After, even for the right password", async () => {
    clock.advance(MIN);
    const requirementId = await newRequirement();
    for (let i = 0; i < 4; i++) {
      expect((await catchError(verify(alice, requirementId, "backup_code", WRONG))).stepUp).toMatchObject({
        code: "INVALID_CREDENTIAL",
      });
    }
    const tenth = await catchError(verify(alice, requirementId, "backup_code", WRONG));
    expect(tenth).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      stepUp: { code: "LOCKED", scope: "user", retryAfter: 900 },
    });
    expect(retryAfterHeader()).toBe("900");

    // A new verification does not reset anything: the user is locked, whatever they type.
    clock.advance(5 * MIN);
    // The refusal itself says the account is paused, and for how long, before anything is typed.
    const refusal = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect(refusal.pausedFor).toBe(600);
    const fresh = refusal.requirementId;
    const transfers = await db.transfer.count({ where: { userId: aliceId } });
    const right = await catchError(verify(alice, fresh, "password", "demo-password-1"));
    expect(right).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      stepUp: { code: "LOCKED", scope: "user", retryAfter: 600 },
    });
    expect(retryAfterHeader()).toBe("600");
    expect(await db.stepUpGrant.count({ where: { userId: aliceId } })).toBe(0);
    await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect(await db.transfer.count({ where: { userId: aliceId } })).toBe(transfers);

    expect(await db.stepUpAuditEvent.count({ where: { type: "stepup.failed", userId: aliceId } })).toBe(10);
    const userLock = await db.stepUpAuditEvent.findMany({
      where: { type: "stepup.locked", userId: aliceId },
      orderBy: { createdAt: "asc" },
    });
    expect(userLock.map((e) => (e.data as { scope: string }).scope)).toEqual(["requirement", "user"]);
    expect(await db.stepUpAttempt.count({ where: { userId: aliceId, success: false } })).toBe(10);
  });

  it("after the lockout period the right password works again", async () => {
    clock.advance(10 * MIN + 1000); // 15 min + 1 s after the tenth failure
    const refusal = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect(refusal).not.toHaveProperty("pausedFor");
    const requirementId = refusal.requirementId;
    expect(await verify(alice, requirementId, "password", "demo-password-1")).toEqual({
      status: "fulfilled",
      remaining: [],
    });
    const transfer = await alice.call((api) => api.transfers.create(small));
    expect(transfer.amountMinor).toBe(10_000);
  });

  it("guesses sent all at once still count against the limits", async () => {
    clock.advance(16 * MIN); // medium grant expired, failure window empty
    const requirementId = await newRequirement();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => verify(alice, requirementId, "backup_code", WRONG)),
    );
    const codes = await stepUpCodesOf(results);
    expect(codes.filter((c) => c === "INVALID_CREDENTIAL")).toHaveLength(4);
    expect(codes.filter((c) => c === "LOCKED")).toHaveLength(8);
    // However the requests interleave, only 5 guesses are checked against this requirement.
    expect(await db.stepUpAttempt.count({ where: { requirementId } })).toBe(5);
    expect((await db.stepUpRequirement.findUniqueOrThrow({ where: { id: requirementId } })).failedAttempts).toBe(5);

    // ...and the user limit holds too: 5 + 5 parallel guesses on a second verification, of which only 5 are checked.
    const second = await newRequirement();
    await Promise.allSettled(Array.from({ length: 12 }, () => verify(alice, second, "backup_code", WRONG)));
    expect(await db.stepUpAttempt.count({ where: { requirementId: second } })).toBe(5);
    const lock = await catchError(verify(alice, second, "password", "demo-password-1"));
    expect(lock.stepUp).toMatchObject({ code: "LOCKED", scope: "user" });
  });
});
