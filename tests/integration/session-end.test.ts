import { afterAll, describe, expect, it } from "vitest";
import { createClock, createTestDatabase, expectStepUp, signedIn, userIdOf, verify } from "./harness";

/**
 * The module holds no foreign key to the host's sessions (ADR 016): the host says when a session
 * ends, and that session's grants stop counting at once — on the server and on the admin pages.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const small = { amount: 20, currency: "USD" as const, to: "Carol" };

describe("a session that ends takes its grants with it", () => {
  it("signing out revokes the session's live grant and clears its step-up row", async () => {
    const clock = createClock();
    const alice = await signedIn(db, clock, "alice@example.com");
    const aliceId = await userIdOf(db, "alice@example.com");
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    await verify(alice, stepUp.requirementId, "password", "demo-password-1");
    const live = { userId: aliceId, revokedAt: null, expiresAt: { gt: clock.now() } };
    expect(await db.stepUpGrant.count({ where: live })).toBe(1);

    await alice.call((api) => api.auth.signOut());
    expect(await db.stepUpGrant.count({ where: live })).toBe(0);
    expect(await db.stepUpSession.count({ where: { userId: aliceId } })).toBe(0);
  });
});
