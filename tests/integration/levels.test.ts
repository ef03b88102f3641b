import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  aliceTotp,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  type Client,
  type Clock,
} from "./harness";
import { allowDegrade } from "./support/degrade";

const db = createTestDatabase();
afterAll(() => db.$disconnect());

describe("each level's full flow: refused → verify → retry succeeds", () => {
  const clock: Clock = createClock();
  let alice: Client;
  beforeEach(async () => {
    clock.advance(10 * 60_000); // past every window, and to fresh TOTP steps
    alice = allowDegrade(createClient(db, clock));
    await signIn(alice, "alice@example.com");
  });

  it("level none: profile.update runs without step-up", async () => {
    const result = await alice.call((api) => api.profile.update({ name: "Alice A." }));
    expect(result.name).toBe("Alice A.");
  });

  it("medium: changing the email asks for one factor, then the same call succeeds", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.account.changeEmail({ email: "alice.new@example.com" })));
    expect(stepUp).toMatchObject({
      code: "STEP_UP_REQUIRED",
      level: "medium",
      currentLevel: "low",
      reason: "Changing your email needs a quick check that it's you",
      // The dialog names the operation at every level, in the host's words (ADR 045); no summary below critical.
      action: "Change your email to alice.new@example.com",
      summary: null,
    });
    expect(stepUp.methods).toEqual(expect.arrayContaining([["totp"], ["password"], ["backup_code"]]));
    const progress = await alice.call((api) =>
      api.stepUp
        .verify({ requirementId: stepUp.requirementId, method: "totp", credential: "x" })
        .catch((e: unknown) => e),
    );
    expect(progress).toBeInstanceOf(Error);
    const ok = await alice.call((api) =>
      api.stepUp.verify({ requirementId: stepUp.requirementId, method: "password", credential: "demo-password-1" }),
    );
    expect(ok).toEqual({ status: "fulfilled", remaining: [] });
    const changed = await alice.call((api) => api.account.changeEmail({ email: "alice.new@example.com" }));
    // The grant lets the call run: it sends the confirmation code to the new address (the change is two-step).
    expect(changed.pendingEmail).toBe("alice.new@example.com");
  });

  it("high: a transfer of 5,000 USD needs password + authenticator code, in two calls", async () => {
    const input = { amount: 5000, currency: "USD" as const, to: "Carol" };
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(input)));
    expect(stepUp.level).toBe("high");
    expect(stepUp.reason).toBe("Transferring 5,000.00 USD needs a strong check that it's you");
    expect(stepUp).toMatchObject({ action: "Send 5,000.00 USD to Carol", summary: null });
    const first = await alice.call((api) =>
      api.stepUp.verify({ requirementId: stepUp.requirementId, method: "password", credential: "demo-password-1" }),
    );
    expect(first).toEqual({ status: "pending", remaining: [["totp"], ["backup_code"]] });
    await expectStepUp(alice.call((api) => api.transfers.create(input)));
    const second = await alice.call(async (api) =>
      api.stepUp.verify({ requirementId: stepUp.requirementId, method: "totp", credential: await aliceTotp(clock) }),
    );
    expect(second.status).toBe("fulfilled");
    const transfer = await alice.call((api) => api.transfers.create(input));
    expect(transfer.amountMinor).toBe(500_000);
  });

  it("critical: a 20,000 USD transfer is refused until verified, then runs once", async () => {
    const input = { amount: 20_000, currency: "USD" as const, to: "Dave" };
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(input)));
    expect(stepUp.level).toBe("critical");
    // Alice has no passkey: the explicit "degrade" configuration offers high's multi-factor combinations, flagged.
    expect(stepUp.degraded).toBe(true);
    expect(stepUp.canRemember).toBe(false);
    await alice.call((api) =>
      api.stepUp.verify({ requirementId: stepUp.requirementId, method: "password", credential: "demo-password-1" }),
    );
    await alice.call(async (api) =>
      api.stepUp.verify({ requirementId: stepUp.requirementId, method: "totp", credential: await aliceTotp(clock) }),
    );
    const transfer = await alice.call((api) => api.transfers.create(input));
    expect(transfer.to).toBe("Dave");
    const degraded = await db.stepUpAuditEvent.count({ where: { type: "stepup.degraded" } });
    expect(degraded).toBeGreaterThan(0);
  });

  it("the API key and the account deletion are named in the host's words, and nothing runs before verifying", async () => {
    const key = await expectStepUp(alice.call((api) => api.apiKeys.create({ name: "CI deploys" })));
    expect(key).toMatchObject({ level: "high", action: "Create the API key “CI deploys”", summary: null });
    const deletion = await expectStepUp(alice.call((api) => api.account.delete()));
    expect(deletion).toMatchObject({ level: "high", action: "Delete your account and sign out everywhere" });
    expect(await alice.call((api) => api.apiKeys.list())).toEqual([]);
  });
});
