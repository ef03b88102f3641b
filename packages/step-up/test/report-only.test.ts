import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bumpPolicyRevision } from "@step-up/next/server";
import {
  createTestStepUp,
  expectStepUpRequired,
  TEST_PASSWORD,
  TEST_USER,
  type TestStepUp,
} from "@step-up/next/testing";

/**
 * A report-only policy (ADR 008's "try a rule on real traffic") writes one `stepup.would_require` row per
 * call: a call refused by the enforced level and retried once verified is one call, not two.
 */
describe("report-only policies", () => {
  let t: TestStepUp;
  const wouldRequire = () =>
    t.db.stepUpAuditEvent.findMany({ where: { type: "stepup.would_require" }, orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    t = await createTestStepUp();
    await t.db.stepUpPolicy.create({
      data: {
        name: "Try: medium probe at critical",
        mode: "report_only",
        rules: [{ kind: "procedure", pattern: "probe.medium", level: "critical" }],
      },
    });
    await bumpPolicyRevision(t.db);
  });
  afterAll(() => t.close());

  it("a refused call retried once verified writes one row, with the level the policy would require", async () => {
    const client = t.client(t.signIn(TEST_USER.id));
    const { requirementId } = await expectStepUpRequired(client.api.probe.medium());
    await client.api.stepUp.verify({ requirementId, method: "password", credential: TEST_PASSWORD });
    await expect(client.api.probe.medium()).resolves.toEqual({ ok: true });

    const rows = await wouldRequire();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).toMatchObject({
      procedure: "probe.medium",
      level: "critical",
      enforcedLevel: "medium",
      requirementId,
    });

    // Another session's call is another call: refused, and logged with its own requirement.
    const other = t.client(t.signIn(TEST_USER.id));
    const second = await expectStepUpRequired(other.api.probe.medium());
    expect((await wouldRequire()).map((row) => row.data)).toMatchObject([
      { requirementId },
      { requirementId: second.requirementId, level: "critical" },
    ]);
  });
});
