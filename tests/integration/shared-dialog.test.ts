import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  verify,
  verifyAliceHigh,
  type Client,
} from "./harness";

const db = createTestDatabase();
afterAll(() => db.$disconnect());

/** Two calls refused at once share one dialog: one verification must settle both requirements. */
describe("a grant closes the session's other pending requirements it covers", () => {
  const clock = createClock();
  let alice: Client;
  beforeEach(async () => {
    clock.advance(10 * 60_000);
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
  });

  const status = async (id: string) => (await db.stepUpRequirement.findUniqueOrThrow({ where: { id } })).status;

  it("a high grant fulfils a pending medium and a pending high requirement, not a critical one", async () => {
    const medium = await expectStepUp(
      alice.call((api) => api.account.changeEmail({ email: "alice.shared@example.com" })),
    );
    const otherHigh = await expectStepUp(
      alice.call((api) => api.transfers.create({ amount: 2500, currency: "USD", to: "Erin" })),
    );
    const critical = await expectStepUp(
      alice.call((api) => api.transfers.create({ amount: 20_000, currency: "USD", to: "Frank" })),
    );
    const high = await expectStepUp(
      alice.call((api) => api.transfers.create({ amount: 5000, currency: "USD", to: "Gail" })),
    );
    expect([medium.level, otherHigh.level, critical.level, high.level]).toEqual(["medium", "high", "critical", "high"]);

    await verifyAliceHigh(alice, clock, high.requirementId);

    expect(await status(medium.requirementId)).toBe("fulfilled");
    expect(await status(otherHigh.requirementId)).toBe("fulfilled");
    expect(await status(critical.requirementId)).toBe("pending");
    const pending = await alice.call((api) => api.stepUp.pendingRequirements());
    expect(pending.map((r) => r.id)).toEqual([critical.requirementId]);
    // Both covered calls now run on the new grant, unchanged.
    await expect(
      alice.call((api) => api.account.changeEmail({ email: "alice.shared@example.com" })),
    ).resolves.toMatchObject({ pendingEmail: "alice.shared@example.com" });
    await expect(
      alice.call((api) => api.transfers.create({ amount: 2500, currency: "USD", to: "Erin" })),
    ).resolves.toMatchObject({ to: "Erin" });
    const verified = await db.stepUpAuditEvent.findFirstOrThrow({
      where: { type: "stepup.verified" },
      orderBy: { createdAt: "desc" },
    });
    expect((verified.data as { coveredRequirementIds: string[] }).coveredRequirementIds.sort()).toEqual(
      [medium.requirementId, otherHigh.requirementId].sort(),
    );
  });

  it("a medium grant leaves a pending high requirement open", async () => {
    const high = await expectStepUp(
      alice.call((api) => api.transfers.create({ amount: 5000, currency: "USD", to: "Hugo" })),
    );
    const medium = await expectStepUp(alice.call((api) => api.account.changeEmail({ email: "alice.m@example.com" })));
    await verify(alice, medium.requirementId, "password", "demo-password-1");
    expect(await status(medium.requirementId)).toBe("fulfilled");
    expect(await status(high.requirementId)).toBe("pending");
  });

  it("another session's requirements are untouched", async () => {
    const phone = createClient(db, clock, { userAgent: "phone" });
    await signIn(phone, "alice@example.com");
    const onPhone = await expectStepUp(phone.call((api) => api.account.changeEmail({ email: "alice.p@example.com" })));
    const here = await expectStepUp(alice.call((api) => api.account.changeEmail({ email: "alice.p@example.com" })));
    await verify(alice, here.requirementId, "password", "demo-password-1");
    expect(await status(onPhone.requirementId)).toBe("pending");
  });
});
