import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRACE_PERIOD_MS, MEDIUM_WINDOW_MS } from "@step-up/next/engine";
import { hashBackupCode } from "@step-up/next/testing/server";
import {
  aliceTotp,
  catchError,
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
 * Correct factors of one requirement sent at the same moment, each to its own instance: all must count,
 * the one that completes the combination makes the grant exactly once, and a single-use factor is spent in
 * the same transaction that records it, never without counting (ADR 028).
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const ROUNDS = 6;
const high = { amount: 5000, currency: "USD" as const, to: "Carol" };
const small = { amount: 100, currency: "USD" as const, to: "Carol" };

describe("correct factors sent at once", () => {
  const clock = createClock();
  let aliceId: string;
  let instances: Client[];

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    // The same browser session, served by three instances.
    const first = createClient(db, clock);
    await signIn(first, "alice@example.com");
    instances = [first, createClient(db, clock), createClient(db, clock)];
    for (const other of instances.slice(1)) other.cookies.set("session", first.cookies.get("session")!);
  });

  /** A high requirement (every grant has lapsed) and a fresh backup code of alice's. */
  async function nextRound(round: number) {
    clock.advance(MEDIUM_WINDOW_MS + GRACE_PERIOD_MS + 1_000); // the longest window: no grant left
    const code = `race${String(round).padStart(6, "0")}`;
    const codeHash = hashBackupCode(instances[0]!.services.crypto, aliceId, code);
    await db.stepUpBackupCode.create({ data: { userId: aliceId, codeHash } });
    const { requirementId, level } = await expectStepUp(instances[0]!.call((api) => api.transfers.create(high)));
    expect(level).toBe("high");
    return { requirementId, code, codeHash };
  }

  async function extraBackupCode(round: number): Promise<string> {
    const code = `more${String(round).padStart(6, "0")}`;
    const codeHash = hashBackupCode(instances[0]!.services.crypto, aliceId, code);
    await db.stepUpBackupCode.create({ data: { userId: aliceId, codeHash } });
    return code;
  }

  async function stateOf(requirementId: string, codeHash: string) {
    const requirement = await db.stepUpRequirement.findUniqueOrThrow({ where: { id: requirementId } });
    const spent = await db.stepUpBackupCode.findFirstOrThrow({ where: { userId: aliceId, codeHash } });
    return {
      status: requirement.status,
      verified: [...(requirement.verifiedMethods as string[])].sort(),
      grants: await db.stepUpGrant.count({ where: { requirementId } }),
      codeSpent: spent.usedAt !== null,
    };
  }

  it("password and a backup code at once on a high requirement: one grant, both recorded, the code spent with it", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { requirementId, code, codeHash } = await nextRound(round);
      const answers = await Promise.all([
        verify(instances[0]!, requirementId, "password", DEMO_PASSWORD),
        verify(instances[1]!, requirementId, "backup_code", code),
      ]);
      expect({
        round,
        answers: answers.map((a) => a.status).sort(),
        ...(await stateOf(requirementId, codeHash)),
      }).toEqual({
        round,
        answers: ["fulfilled", "pending"],
        status: "fulfilled",
        verified: ["backup_code", "password"],
        grants: 1,
        codeSpent: true,
      });
    }
  });

  it("password, authenticator code and backup code at once: one grant, and the code is spent only if it counted", async () => {
    for (let round = ROUNDS; round < 2 * ROUNDS; round++) {
      const { requirementId, code, codeHash } = await nextRound(round);
      const answers = await Promise.all(
        [
          verify(instances[0]!, requirementId, "password", DEMO_PASSWORD),
          verify(instances[1]!, requirementId, "totp", await aliceTotp(clock)),
          verify(instances[2]!, requirementId, "backup_code", code),
        ].map((answer) =>
          answer.then(
            (a) => a.status,
            async (error: unknown) => (await catchError(Promise.reject(error))).stepUp?.code,
          ),
        ),
      );
      const state = await stateOf(requirementId, codeHash);
      // A factor that arrives after the combination was completed is told so, and changes nothing.
      expect(answers.filter((a) => a === "fulfilled")).toHaveLength(1);
      const unexpected = answers.filter((a) => !["fulfilled", "pending", "ALREADY_FULFILLED"].includes(a ?? ""));
      expect({ round, answers, unexpected }).toEqual({ round, answers, unexpected: [] });
      expect({ round, status: state.status, grants: state.grants }).toEqual({ round, status: "fulfilled", grants: 1 });
      expect(state.codeSpent).toBe(state.verified.includes("backup_code"));
      expect(answers[2] === "ALREADY_FULFILLED").toBe(!state.codeSpent);
    }
  });

  it("a high and a medium requirement of one session fulfilled at once: the session keeps the high grant", async () => {
    for (let round = 2 * ROUNDS; round < 3 * ROUNDS; round++) {
      const { requirementId: highId, code } = await nextRound(round);
      await verify(instances[0]!, highId, "password", DEMO_PASSWORD);
      const medium = await expectStepUp(instances[0]!.call((api) => api.transfers.create(small)));
      expect(medium.level).toBe("medium");
      await Promise.allSettled([
        verify(instances[1]!, highId, "backup_code", code),
        verify(instances[2]!, medium.requirementId, "backup_code", await extraBackupCode(round)),
      ]);
      const { sessionId } = await db.stepUpRequirement.findUniqueOrThrow({ where: { id: highId } });
      const { grants } = await db.stepUpSession.findUniqueOrThrow({ where: { sessionId } });
      expect({ round, levels: (grants as Array<{ level: string }>).map((g) => g.level).sort() }).toMatchObject({
        round,
        levels: expect.arrayContaining(["high"]),
      });
    }
  });
});
