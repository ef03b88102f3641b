import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
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

/**
 * Every input is validated by zod with a clear BAD_REQUEST, never a 500; requirements end (cancel, expiry) for
 * good.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const small = { amount: 100, currency: "USD" as const, to: "Carol" };

describe("bad input gets a clear 400, never a 500", () => {
  const clock = createClock();
  let aliceId: string;
  let alice: Client;
  let requirementId: string;

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
    requirementId = (await expectStepUp(alice.call((api) => api.transfers.create(small)))).requirementId;
  });

  const badRequest = async (promise: Promise<unknown>, message?: RegExp) => {
    const error = await catchError(promise);
    expect(error.code).toBe("BAD_REQUEST");
    if (message) expect(error.message).toMatch(message);
    return error;
  };

  it("transfers with a negative amount, three decimals, an unknown currency or missing fields are refused before anything else", async () => {
    const before = { transfers: await db.transfer.count(), requirements: await db.stepUpRequirement.count() };
    type Input = typeof small;
    await badRequest(
      alice.call((api) => api.transfers.create({ ...small, amount: -5 })),
      /more than zero/,
    );
    await badRequest(
      alice.call((api) => api.transfers.create({ ...small, amount: 0 })),
      /more than zero/,
    );
    await badRequest(
      alice.call((api) => api.transfers.create({ ...small, amount: 10.123 })),
      /two decimals/,
    );
    await badRequest(
      alice.call((api) => api.transfers.create({ ...small, amount: 2_000_000 })),
      /limited/,
    );
    await badRequest(alice.call((api) => api.transfers.create({ ...small, amount: Number.NaN })));
    await badRequest(alice.call((api) => api.transfers.create({ ...small, amount: "100" } as unknown as Input)));
    await badRequest(alice.call((api) => api.transfers.create({ ...small, currency: "XAU" } as unknown as Input)));
    await badRequest(alice.call((api) => api.transfers.create({ amount: 100, currency: "USD" } as unknown as Input)));
    await badRequest(
      alice.call((api) => api.transfers.create({ ...small, to: "   " })),
      /recipient/,
    );
    await badRequest(alice.call((api) => api.transfers.create({} as Input)));
    await badRequest(alice.call((api) => api.transfers.create(null as unknown as Input)));
    // Nothing was stored: no transfer, and no requirement for a call that could never run.
    expect(await db.transfer.count()).toBe(before.transfers);
    expect(await db.stepUpRequirement.count()).toBe(before.requirements);
  });

  it("verify with an empty credential, an unknown method or an absurdly long credential is refused without counting an attempt", async () => {
    type Verify = Parameters<Parameters<Parameters<Client["call"]>[0]>[0]["stepUp"]["verify"]>[0];
    await badRequest(
      alice.call((api) => api.stepUp.verify({ requirementId, method: "password", credential: "" })),
      /Enter a code or password/,
    );
    await badRequest(
      alice.call((api) =>
        api.stepUp.verify({ requirementId, method: "sms", credential: "123456" } as unknown as Verify),
      ),
    );
    await badRequest(
      alice.call((api) => api.stepUp.verify({ requirementId, method: "password", credential: "x".repeat(1_000_000) })),
    );
    await badRequest(
      alice.call((api) => api.stepUp.verify({ requirementId: "", method: "password", credential: "x" })),
    );
    await badRequest(
      alice.call((api) =>
        api.stepUp.verify({ requirementId: "r".repeat(10_000), method: "password", credential: "x" }),
      ),
    );
    await badRequest(
      alice.call((api) => api.stepUp.verify({ method: "password", credential: "x" } as unknown as Verify)),
    );
    await badRequest(
      alice.call((api) =>
        api.stepUp.verify({
          requirementId,
          method: "password",
          credential: "x",
          rememberDevice: "yes",
        } as unknown as Verify),
      ),
    );
    expect(await db.stepUpAttempt.count({ where: { userId: aliceId } })).toBe(0);
  });

  it("a malformed authenticator code is a wrong code (400 with attempts left), not a crash", async () => {
    for (const [code, attemptsLeft] of [
      ["12ab56", 4],
      ["1234567", 3],
      ["      ", 2],
    ] as const) {
      const error = await badRequest(verify(alice, requirementId, "totp", code));
      expect(error.stepUp).toMatchObject({ code: "INVALID_CREDENTIAL", requirementId, attemptsLeft });
    }
    const backup = await badRequest(verify(alice, requirementId, "backup_code", "not-a-code!"));
    expect(backup.stepUp).toMatchObject({ code: "INVALID_CREDENTIAL", attemptsLeft: 1 });
    expect(await db.stepUpAttempt.findMany({ where: { requirementId }, select: { failure: true } })).toEqual(
      Array.from({ length: 4 }, () => ({ failure: "malformed" })),
    );
  });

  it("sign-in with a bad email or no password is a 400; a wrong password a 401", async () => {
    const stranger = createClient(db, clock);
    await badRequest(
      stranger.call((api) => api.auth.signIn({ email: "not-an-email", password: "demo-password-1" })),
      /valid email/,
    );
    await badRequest(
      stranger.call((api) => api.auth.signIn({ email: `${"a".repeat(300)}@example.com`, password: "x" })),
    );
    await badRequest(
      stranger.call((api) => api.auth.signIn({ email: "alice@example.com", password: "" })),
      /password/,
    );
    expect(
      (await catchError(stranger.call((api) => api.auth.signIn({ email: "alice@example.com", password: "wrong" }))))
        .code,
    ).toBe("UNAUTHORIZED");
    expect(stranger.cookies.has("session")).toBe(false);
  });

  it("other step-up procedures validate their input too", async () => {
    await badRequest(alice.call((api) => api.stepUp.cancel({ requirementId: "" })));
    await badRequest(alice.call((api) => api.stepUp.requirement({ requirementId: "r".repeat(65) })));
    await badRequest(alice.call((api) => api.stepUp.verifications({ limit: 0 })));
    await badRequest(alice.call((api) => api.stepUp.verifications({ limit: 1000 })));
    await badRequest(
      alice.call((api) =>
        api.stepUp.evaluate({ procedure: "transfers.create", input: { amount: -1, currency: "USD", to: "x" } }),
      ),
    );
    await badRequest(alice.call((api) => api.stepUp.forgetDevice({ deviceId: "" })));
  });
});

describe("a verification that was cancelled or has expired cannot be completed", () => {
  const clock = createClock(Date.parse("2026-11-24T10:00:00Z"));
  let alice: Client;

  beforeAll(async () => {
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
  });

  it("cancel marks the requirement cancelled; verifying it afterwards says EXPIRED and creates no grant", async () => {
    const { requirementId } = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect(await alice.call((api) => api.stepUp.cancel({ requirementId }))).toEqual({ status: "cancelled" });
    expect((await alice.call((api) => api.stepUp.requirement({ requirementId }))).status).toBe("cancelled");
    expect(await alice.call((api) => api.stepUp.pendingRequirements())).not.toContainEqual(
      expect.objectContaining({ id: requirementId }),
    );

    const late = await catchError(verify(alice, requirementId, "password", "demo-password-1"));
    expect(late).toMatchObject({ code: "PRECONDITION_FAILED", stepUp: { code: "EXPIRED", requirementId } });
    // idempotent
    expect(await alice.call((api) => api.stepUp.cancel({ requirementId }))).toEqual({ status: "cancelled" });
    expect(await db.stepUpGrant.count({ where: { requirementId } })).toBe(0);
    expect((await db.stepUpRequirement.findUniqueOrThrow({ where: { id: requirementId } })).status).toBe("cancelled");
  });

  it("a requirement not completed within 10 minutes expires", async () => {
    const { requirementId, expiresAt } = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect(Date.parse(expiresAt) - clock.now().getTime()).toBe(10 * MIN);
    clock.advance(10 * MIN + 1000);
    const late = await catchError(verify(alice, requirementId, "password", "demo-password-1"));
    expect(late).toMatchObject({ code: "PRECONDITION_FAILED", stepUp: { code: "EXPIRED", requirementId } });
    expect((await db.stepUpRequirement.findUniqueOrThrow({ where: { id: requirementId } })).status).toBe("expired");
    expect(await db.stepUpGrant.count({ where: { requirementId } })).toBe(0);
    expect(await alice.call((api) => api.stepUp.cancel({ requirementId }))).toEqual({ status: "expired" });
  });

  it("a requirement still in its 10 minutes can be completed", async () => {
    const { requirementId } = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    clock.advance(10 * MIN - 1000);
    expect((await verify(alice, requirementId, "password", "demo-password-1")).status).toBe("fulfilled");
  });
});
