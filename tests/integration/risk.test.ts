import { afterAll, describe, expect, it } from "vitest";
import { invalidatePolicies } from "./harness";
import { createClient, createClock, createTestDatabase, expectStepUp, signIn } from "./harness";

const db = createTestDatabase();
afterAll(() => db.$disconnect());

describe("a replaceable risk scorer cannot lower assurance by misbehaving", () => {
  it("a scorer that answers NaN makes a risk rule match instead of silently not matching", async () => {
    await db.stepUpPolicy.create({
      data: { name: "Risky sessions", priority: 50, rules: [{ kind: "risk", minScore: 0.7, level: "high" }] },
    });
    await invalidatePolicies(db);
    const clock = createClock();
    const alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
    // profile.update needs nothing by itself (level none in the seeded policies).
    await expect(alice.call((api) => api.profile.update({ name: "Alice" }))).resolves.toMatchObject({ name: "Alice" });

    alice.services.scoreRisk = () => Number.NaN;
    const stepUp = await expectStepUp(alice.call((api) => api.profile.update({ name: "Alice" })));
    expect(stepUp.level).toBe("high");
  });
});
