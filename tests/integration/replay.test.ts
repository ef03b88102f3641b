import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALICE_BACKUP_CODES,
  aliceTotp,
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

/** One-time factors stay one-time: a TOTP time step once per user, a backup code once ever. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const small = { amount: 100, currency: "USD" as const, to: "Carol" }; // medium: any one factor

describe("codes cannot be replayed", () => {
  const clock = createClock();
  let aliceId: string;
  let alice: Client;

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
  });

  /** A new medium requirement: the previous medium grant has run out by then. */
  async function freshRequirement(client = alice) {
    clock.advance(16 * MIN);
    return (await expectStepUp(client.call((api) => api.transfers.create(small)))).requirementId;
  }
  const lastAttempt = () =>
    db.stepUpAttempt.findFirstOrThrow({ where: { userId: aliceId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });

  it("an authenticator code accepted once is refused on a second requirement, even in a new session", async () => {
    const first = await freshRequirement();
    const code = await aliceTotp(clock);
    expect((await verify(alice, first, "totp", code)).status).toBe("fulfilled");

    const otherBrowser = createClient(db, clock);
    await signIn(otherBrowser, "alice@example.com");
    const second = (await expectStepUp(otherBrowser.call((api) => api.transfers.create(small)))).requirementId;
    const transfers = await db.transfer.count({ where: { userId: aliceId } });
    const replay = await catchError(verify(otherBrowser, second, "totp", code));
    expect(replay).toMatchObject({
      code: "BAD_REQUEST",
      stepUp: { code: "INVALID_CREDENTIAL", requirementId: second, attemptsLeft: 4 },
    });
    // otplib's afterTimeStep already rejects used steps ("invalid"); the atomic claim catches races ("replayed").
    expect(await lastAttempt()).toMatchObject({
      success: false,
      failure: expect.stringMatching(/^(invalid|replayed)$/),
      method: "totp",
    });

    // The code of the step before the used one is just as dead (steps only move forward).
    const older = await catchError(verify(otherBrowser, second, "totp", await aliceTotp(clock, -1)));
    expect(older.stepUp).toMatchObject({ code: "INVALID_CREDENTIAL" });
    await expectStepUp(otherBrowser.call((api) => api.transfers.create(small)));
    expect(await db.transfer.count({ where: { userId: aliceId } })).toBe(transfers);

    // The phone's next code works.
    clock.advance(30_000);
    expect((await verify(otherBrowser, second, "totp", await aliceTotp(clock))).status).toBe("fulfilled");
  });

  it("two sessions racing with the same authenticator code: only one is accepted", async () => {
    const other = createClient(db, clock);
    await signIn(other, "alice@example.com");
    const [a, b] = [
      await freshRequirement(alice),
      (await expectStepUp(other.call((api) => api.transfers.create(small)))).requirementId,
    ];
    const code = await aliceTotp(clock);
    const results = await Promise.allSettled([verify(alice, a, "totp", code), verify(other, b, "totp", code)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    const grants = await db.stepUpGrant.count({ where: { requirementId: { in: [a, b] } } });
    expect(grants).toBe(1);
  });

  it("a backup code works once; using it again is refused, whatever its formatting", async () => {
    const code = ALICE_BACKUP_CODES[0];
    expect((await verify(alice, await freshRequirement(), "backup_code", code)).status).toBe("fulfilled");
    const used = await db.stepUpBackupCode.count({ where: { userId: aliceId, usedAt: { not: null } } });
    expect(used).toBe(1);

    const again = await freshRequirement();
    for (const variant of [code, code.toUpperCase(), code.replace("-", "")]) {
      const reuse = await catchError(verify(alice, again, "backup_code", variant));
      expect(reuse).toMatchObject({ code: "BAD_REQUEST", stepUp: { code: "INVALID_CREDENTIAL" } });
    }
    expect(await db.stepUpRequirement.findUniqueOrThrow({ where: { id: again } })).toMatchObject({
      status: "pending",
      failedAttempts: 3,
    });
    expect(await db.stepUpBackupCode.count({ where: { userId: aliceId, usedAt: { not: null } } })).toBe(1);
  });

  it("backup codes are accepted in uppercase, without the dash, or with spaces", async () => {
    const typed = [
      ALICE_BACKUP_CODES[1].toUpperCase(),
      ALICE_BACKUP_CODES[2].replace("-", ""),
      ` ${ALICE_BACKUP_CODES[3].replace("-", " ").toUpperCase()} `,
    ];
    for (const code of typed) {
      expect((await verify(alice, await freshRequirement(), "backup_code", code)).status).toBe("fulfilled");
    }
    expect(await db.stepUpBackupCode.count({ where: { userId: aliceId, usedAt: { not: null } } })).toBe(4);
  });
});
