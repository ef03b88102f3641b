import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashBackupCode } from "@/step-up/methods/backup-code";
import {
  createClient,
  createClock,
  createTestDatabase,
  DEMO_PASSWORD,
  expectStepUp,
  signIn,
  userIdOf,
  verify,
  type Client,
} from "./harness";

/**
 * Two correct factors of one requirement sent at the same moment, each to its own instance: both must
 * count, the one that completes the combination makes the grant exactly once, and a single-use factor is
 * spent in the same transaction that records it, never without counting (ADR 028).
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const ROUNDS = 10;
const high = { amount: 5000, currency: "USD" as const, to: "Carol" }; // alice: password + (TOTP or backup code)

describe("correct factors sent at once", () => {
  const clock = createClock();
  let aliceId: string;

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
  });

  /** The same browser session served by two instances: each factor goes to its own. */
  async function twoInstances(): Promise<[Client, Client]> {
    const first = createClient(db, clock);
    await signIn(first, "alice@example.com");
    const second = createClient(db, clock);
    second.cookies.set("session", first.cookies.get("session")!);
    return [first, second];
  }

  it("password and a backup code at once on a high requirement: one grant, both recorded, the code spent with it", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [first, second] = await twoInstances();
      const code = `race${String(round).padStart(6, "0")}`;
      const codeHash = hashBackupCode(first.services.crypto, aliceId, code);
      await db.stepUpBackupCode.create({ data: { userId: aliceId, codeHash } });
      const { requirementId, level } = await expectStepUp(first.call((api) => api.transfers.create(high)));
      expect(level).toBe("high");

      const answers = await Promise.all([
        verify(first, requirementId, "password", DEMO_PASSWORD),
        verify(second, requirementId, "backup_code", code),
      ]);

      const requirement = await db.stepUpRequirement.findUniqueOrThrow({ where: { id: requirementId } });
      const grants = await db.stepUpGrant.count({ where: { requirementId } });
      const spent = await db.stepUpBackupCode.findFirstOrThrow({ where: { userId: aliceId, codeHash } });
      const outcome = {
        round,
        answers: answers.map((answer) => answer.status).sort(),
        status: requirement.status,
        verified: [...(requirement.verifiedMethods as string[])].sort(),
        grants,
        codeSpent: spent.usedAt !== null,
      };
      expect(outcome).toEqual({
        round,
        answers: ["fulfilled", "pending"],
        status: "fulfilled",
        verified: ["backup_code", "password"],
        grants: 1,
        codeSpent: true,
      });
    }
  });
});
