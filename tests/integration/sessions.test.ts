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

/** Identity comes only from the session cookie; grants and requirements belong to the session that made them. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const small = { amount: 100, currency: "USD" as const, to: "Carol" }; // medium

describe("sessions are the only identity", () => {
  const clock = createClock();
  let aliceId: string;
  let bobId: string;
  let laptop: Client;
  let phone: Client;

  beforeAll(async () => {
    [aliceId, bobId] = [await userIdOf(db, "alice@example.com"), await userIdOf(db, "bob@example.com")];
    laptop = createClient(db, clock);
    phone = createClient(db, clock, { userAgent: "alice-phone" });
    await signIn(laptop, "alice@example.com");
    await signIn(phone, "alice@example.com");
  });

  it("a verification on the laptop does not count on alice's phone", async () => {
    const stepUp = await expectStepUp(laptop.call((api) => api.transfers.create(small)));
    await verify(laptop, stepUp.requirementId, "password", "demo-password-1");
    await laptop.call((api) => api.transfers.create(small));

    const count = await db.transfer.count({ where: { userId: aliceId } });
    const onPhone = await expectStepUp(phone.call((api) => api.transfers.create(small)));
    expect(onPhone).toMatchObject({ level: "medium", currentLevel: "low" });
    expect(await db.transfer.count({ where: { userId: aliceId } })).toBe(count);
    expect((await laptop.call((api) => api.stepUp.status())).currentLevel).toBe("medium");
    expect((await phone.call((api) => api.stepUp.status())).currentLevel).toBe("low");
  });

  it("without a session every protected call is UNAUTHORIZED, whatever x-user-id says", async () => {
    const forger = createClient(db, clock, { headers: { "x-user-id": aliceId } });
    expect((await catchError(forger.call((api) => api.profile.get()))).code).toBe("UNAUTHORIZED");
    expect((await catchError(forger.call((api) => api.transfers.create(small)))).code).toBe("UNAUTHORIZED");
    expect((await catchError(forger.call((api) => api.stepUp.status()))).code).toBe("UNAUTHORIZED");
    expect(await forger.call((api) => api.auth.me())).toBeNull();
  });

  it("a signed-in bob who claims to be alice (header or input) still acts as bob", async () => {
    const bob = createClient(db, clock, { headers: { "x-user-id": aliceId, "x-user-email": "alice@example.com" } });
    await signIn(bob, "bob@example.com");
    expect((await bob.call((api) => api.profile.get())).id).toBe(bobId);

    // Extra input keys are stripped by zod; the user comes from the session.
    const updated = await bob.call((api) =>
      api.profile.update({ name: "Not Alice", userId: aliceId } as { name: string }),
    );
    expect(updated.id).toBe(bobId);
    expect((await db.user.findUniqueOrThrow({ where: { id: aliceId } })).name).toBe("Alice Anders");

    const stepUp = await expectStepUp(
      bob.call((api) => api.transfers.create({ ...small, userId: aliceId } as typeof small)),
    );
    const requirement = await db.stepUpRequirement.findUniqueOrThrow({ where: { id: stepUp.requirementId } });
    expect(requirement.userId).toBe(bobId);
    await verify(bob, stepUp.requirementId, "password", "demo-password-1");
    const aliceTransfers = await db.transfer.count({ where: { userId: aliceId } });
    const transfer = await bob.call((api) => api.transfers.create({ ...small, userId: aliceId } as typeof small));
    expect(transfer.userId).toBe(bobId);
    expect(await db.transfer.count({ where: { userId: aliceId } })).toBe(aliceTransfers);
  });

  it("a requirement of another user's (or another session's) call looks absent: NOT_FOUND", async () => {
    const stepUp = await expectStepUp(phone.call((api) => api.transfers.create(small)));
    const requirementId = stepUp.requirementId;
    const bob = createClient(db, clock);
    await signIn(bob, "bob@example.com");
    for (const stranger of [bob, laptop]) {
      expect((await catchError(verify(stranger, requirementId, "password", "demo-password-1"))).code).toBe("NOT_FOUND");
      expect((await catchError(stranger.call((api) => api.stepUp.requirement({ requirementId })))).code).toBe(
        "NOT_FOUND",
      );
      expect((await catchError(stranger.call((api) => api.stepUp.cancel({ requirementId })))).code).toBe("NOT_FOUND");
    }
    expect(await db.stepUpRequirement.findUniqueOrThrow({ where: { id: requirementId } })).toMatchObject({
      status: "pending",
      failedAttempts: 0,
      verifiedMethods: [],
    });
    expect(await db.stepUpAttempt.count({ where: { requirementId } })).toBe(0);
    expect(await db.stepUpGrant.count({ where: { requirementId } })).toBe(0);
    // Its owner still sees it.
    expect((await phone.call((api) => api.stepUp.requirement({ requirementId }))).status).toBe("pending");
  });

  it("after signing out, the old session cookie no longer works", async () => {
    const token = laptop.cookies.get("session")!;
    await laptop.call((api) => api.auth.signOut());
    expect(laptop.cookies.has("session")).toBe(false);
    laptop.cookies.set("session", token); // a stolen copy of the old cookie
    expect((await catchError(laptop.call((api) => api.transfers.create(small)))).code).toBe("UNAUTHORIZED");
  });
});
