import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestStepUp,
  expectStepUpRequired,
  TEST_PASSWORD,
  TEST_USER,
  totpCode,
  type TestStepUp,
} from "@step-up/next/testing";

const MINUTE = 60_000;
const GRACE_MS = 30_000; // clock tolerance on a grant's age (engine config, pinned by its own test)

/** A grant lasts its level's window: medium 15 minutes, high 5 minutes (ADR 001), measured on the test clock. */
describe("freshness windows", () => {
  let t: TestStepUp;
  let secret: string;
  beforeAll(async () => {
    t = await createTestStepUp();
    ({ secret } = await t.enroll.totp(TEST_USER.id));
  });
  afterAll(() => t.close());

  it("a medium verification lets medium calls through for 15 minutes, then asks again", async () => {
    const client = t.client(t.signIn(TEST_USER.id));
    const { requirementId } = await expectStepUpRequired(client.api.probe.medium());
    await client.api.stepUp.verify({ requirementId, method: "password", credential: TEST_PASSWORD });
    await expect(client.api.probe.medium()).resolves.toEqual({ ok: true });
    await expectStepUpRequired(client.api.probe.high());

    t.clock.advance(15 * MINUTE + GRACE_MS);
    await expect(client.api.probe.medium()).resolves.toEqual({ ok: true });
    t.clock.advance(1_000);
    expect(await expectStepUpRequired(client.api.probe.medium())).toMatchObject({ level: "medium" });
  });

  it("a high verification lasts 5 minutes for high calls and 15 for medium ones", async () => {
    t.clock.advance(MINUTE); // a fresh TOTP step
    const client = t.client(t.signIn(TEST_USER.id));
    const { requirementId, methods } = await expectStepUpRequired(client.api.probe.high());
    expect(methods).toContainEqual(["password", "totp"]);
    await client.api.stepUp.verify({ requirementId, method: "password", credential: TEST_PASSWORD });
    const done = await client.api.stepUp.verify({
      requirementId,
      method: "totp",
      credential: await totpCode(secret, t.clock.now()),
    });
    expect(done.status).toBe("fulfilled");

    t.clock.advance(5 * MINUTE + GRACE_MS);
    await expect(client.api.probe.high()).resolves.toEqual({ ok: true });
    t.clock.advance(1_000);
    await expectStepUpRequired(client.api.probe.high());
    await expect(client.api.probe.medium()).resolves.toEqual({ ok: true });
    t.clock.advance(10 * MINUTE);
    await expectStepUpRequired(client.api.probe.medium());
  });
});
