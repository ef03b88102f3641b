import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
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

/** Windows are measured from the verification on the injected clock: medium 15 min, high 5 min, plus 30 s grace. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const small = { amount: 100, currency: "USD" as const, to: "Carol" }; // medium
const large = { amount: 5000, currency: "USD" as const, to: "Carol" }; // high

describe("how long a verification keeps counting", () => {
  const clock = createClock();
  let alice: Client;
  let aliceId: string;
  const transfers = () => db.transfer.count({ where: { userId: aliceId } });
  const requirements = () => db.stepUpRequirement.count({ where: { userId: aliceId } });

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
  });

  it("a medium verification still lets small transfers through 15 minutes later, and stops after the 30 s grace", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect(stepUp.level).toBe("medium");
    expect(await verify(alice, stepUp.requirementId, "password", "demo-password-1")).toEqual({
      status: "fulfilled",
      remaining: [],
    });
    const verifiedAt = clock.now().getTime();
    await alice.call((api) => api.transfers.create(small));

    const before = await requirements();
    clock.set(verifiedAt + 15 * MIN);
    await alice.call((api) => api.transfers.create(small));
    clock.set(verifiedAt + 15 * MIN + 29_000);
    await alice.call((api) => api.transfers.create(small));
    expect(await requirements()).toBe(before); // no requirement was needed inside the window

    clock.set(verifiedAt + 15 * MIN + 31_000);
    const count = await transfers();
    const again = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect(again).toMatchObject({ level: "medium", currentLevel: "low" });
    expect(await transfers()).toBe(count); // refused: nothing was transferred
    expect(await alice.call((api) => api.stepUp.status())).toMatchObject({
      currentLevel: "low",
      validUntil: { medium: null, high: null },
    });
  });

  it("a fresh medium verification is not enough for a high-level transfer", async () => {
    clock.advance(20 * MIN);
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    await verify(alice, stepUp.requirementId, "password", "demo-password-1");
    const count = await transfers();
    const high = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    expect(high).toMatchObject({ level: "high", currentLevel: "medium" });
    expect(await transfers()).toBe(count);
  });

  it("a high verification also covers medium actions, for the medium window", async () => {
    clock.advance(20 * MIN);
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    expect(stepUp.level).toBe("high");
    expect((await verifyAliceHigh(alice, clock, stepUp.requirementId)).status).toBe("fulfilled");
    const verifiedAt = clock.now().getTime();
    const before = await requirements();
    await alice.call((api) => api.transfers.create(large));
    await alice.call((api) => api.transfers.create(small));
    const changed = await alice.call((api) => api.account.changeEmail({ email: "alice.windows@example.com" }));
    expect(changed.pendingEmail).toBe("alice.windows@example.com");
    expect(await alice.call((api) => api.stepUp.status())).toMatchObject({
      currentLevel: "high",
      validUntil: {
        high: new Date(verifiedAt + 5 * MIN).toISOString(),
        medium: new Date(verifiedAt + 15 * MIN).toISOString(),
      },
    });

    clock.set(verifiedAt + 14 * MIN);
    await alice.call((api) => api.transfers.create(small));
    expect(await requirements()).toBe(before);
  });

  it("a high verification stops serving high after 5 minutes (+ grace) but still serves medium", async () => {
    clock.advance(20 * MIN);
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    await verifyAliceHigh(alice, clock, stepUp.requirementId);
    const verifiedAt = clock.now().getTime();

    clock.set(verifiedAt + 5 * MIN + 29_000); // inside the grace period
    await alice.call((api) => api.transfers.create(large));

    clock.set(verifiedAt + 5 * MIN + 31_000);
    const count = await transfers();
    const again = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    expect(again).toMatchObject({ level: "high", currentLevel: "medium" });
    expect(await transfers()).toBe(count);
    await alice.call((api) => api.transfers.create(small)); // medium still fine
    expect(await alice.call((api) => api.stepUp.status())).toMatchObject({
      currentLevel: "medium",
      validUntil: { high: null },
    });

    clock.set(verifiedAt + 15 * MIN + 31_000);
    const medium = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect(medium).toMatchObject({ level: "medium", currentLevel: "low" });
  });
});
