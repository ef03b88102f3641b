import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  catchStepUp,
  createTestStepUp,
  expectStepUpRequired,
  totpCode,
  TEST_USER,
  type TestStepUp,
} from "@step-up/next/testing";

/** One-time factors stay one-time: a TOTP time step once per user, a backup code once ever. */
describe("codes cannot be replayed", () => {
  let t: TestStepUp;
  beforeAll(async () => {
    t = await createTestStepUp();
  });
  afterAll(() => t.close());

  /** A fresh session of the test user with a pending medium requirement. */
  async function pendingMedium() {
    const client = t.client(t.signIn(TEST_USER.id));
    const { requirementId } = await expectStepUpRequired(client.api.probe.medium());
    return { ...client, requirementId };
  }

  it("an authenticator code accepted once is refused in another session; the next step's code works", async () => {
    const { secret } = await t.enroll.totp(TEST_USER.id);
    t.clock.advance(30_000); // the confirming code's step is used up
    const code = await totpCode(secret, t.clock.now());
    const first = await pendingMedium();
    await first.api.stepUp.verify({ requirementId: first.requirementId, method: "totp", credential: code });
    await expect(first.api.probe.medium()).resolves.toEqual({ ok: true });

    const second = await pendingMedium();
    const replay = await catchStepUp(
      second.api.stepUp.verify({ requirementId: second.requirementId, method: "totp", credential: code }),
    );
    expect(replay.stepUp).toMatchObject({ code: "INVALID_CREDENTIAL", requirementId: second.requirementId });
    await expectStepUpRequired(second.api.probe.medium());

    t.clock.advance(30_000);
    const next = await totpCode(secret, t.clock.now());
    await second.api.stepUp.verify({ requirementId: second.requirementId, method: "totp", credential: next });
    await expect(second.api.probe.medium()).resolves.toEqual({ ok: true });
  });

  it("a used backup code is refused; an unused one works", async () => {
    const [used, spare] = await t.enroll.backupCodes(TEST_USER.id);
    const first = await pendingMedium();
    await first.api.stepUp.verify({ requirementId: first.requirementId, method: "backup_code", credential: used! });
    await expect(first.api.probe.medium()).resolves.toEqual({ ok: true });

    const second = await pendingMedium();
    const again = await catchStepUp(
      second.api.stepUp.verify({ requirementId: second.requirementId, method: "backup_code", credential: used! }),
    );
    expect(again.stepUp).toMatchObject({ code: "INVALID_CREDENTIAL", attemptsLeft: 4 });
    await second.api.stepUp.verify({ requirementId: second.requirementId, method: "backup_code", credential: spare! });
    await expect(second.api.probe.medium()).resolves.toEqual({ ok: true });
  });
});
