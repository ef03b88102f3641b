import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  catchStepUp,
  createTestStepUp,
  expectStepUpRequired,
  TEST_PASSWORD,
  TEST_USER,
  type TestStepUp,
} from "@step-up/next/testing";

const MINUTE = 60_000;

/** Failed attempts are limited per requirement (5) and per user (10 in 15 min → paused 15 min), with Retry-After. */
describe("guessing is limited", () => {
  let t: TestStepUp;
  beforeAll(async () => {
    t = await createTestStepUp();
  });
  afterAll(() => t.close());

  it("five wrong passwords lock that verification, and then even the right one is refused, with Retry-After", async () => {
    const client = t.client(t.signIn(TEST_USER.id));
    const { requirementId } = await expectStepUpRequired(client.api.probe.medium());
    const guess = (credential: string) =>
      catchStepUp(client.api.stepUp.verify({ requirementId, method: "password", credential }));
    for (const attemptsLeft of [4, 3, 2, 1])
      expect((await guess("wrong")).stepUp).toMatchObject({ code: "INVALID_CREDENTIAL", attemptsLeft });
    const fifth = await guess("wrong");
    expect(fifth).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      stepUp: { code: "LOCKED", scope: "requirement", retryAfter: 600 },
    });
    expect(client.lastHeaders().get("retry-after")).toBe("600");
    expect((await guess(TEST_PASSWORD)).stepUp).toMatchObject({ code: "LOCKED", scope: "requirement" });
    await expectStepUpRequired(client.api.probe.medium());
  });

  it("ten failures across verifications pause the user for 15 minutes, in every session", async () => {
    t.clock.advance(16 * MINUTE); // the first test's failures leave the user's window
    const user = t.users.add({ id: "guesser", email: "guesser@example.test", name: "Guesser" });
    let last = null as Awaited<ReturnType<typeof catchStepUp>> | null;
    for (let i = 0; i < 10; i++) {
      const client = t.client(t.signIn(user.id));
      const { requirementId } = await expectStepUpRequired(client.api.probe.medium());
      last = await catchStepUp(client.api.stepUp.verify({ requirementId, method: "password", credential: "wrong" }));
      if (i < 9) expect(last.stepUp).toMatchObject({ code: "INVALID_CREDENTIAL" });
    }
    expect(last?.stepUp).toEqual({ code: "LOCKED", scope: "user", retryAfter: 900 });

    const other = t.client(t.signIn(user.id));
    const paused = await expectStepUpRequired(other.api.probe.medium());
    expect(paused.pausedFor).toBeGreaterThan(0);
    const right = await catchStepUp(
      other.api.stepUp.verify({ requirementId: paused.requirementId, method: "password", credential: TEST_PASSWORD }),
    );
    expect(right.stepUp).toMatchObject({ code: "LOCKED", scope: "user" });
    expect(Number(other.lastHeaders().get("retry-after"))).toBeGreaterThan(0);

    t.clock.advance(15 * MINUTE);
    const later = await expectStepUpRequired(other.api.probe.medium());
    await other.api.stepUp.verify({
      requirementId: later.requirementId,
      method: "password",
      credential: TEST_PASSWORD,
    });
    await expect(other.api.probe.medium()).resolves.toEqual({ ok: true });
  });
});
