import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, GINA, asAdminWithStepUp, draft, signedIn } from "./admin-helpers";
import {
  catchError,
  createClock,
  createTestDatabase,
  expectStepUp,
  userIdOf,
  verifyAliceHigh,
  type ApiCaller,
  type Client,
} from "./harness";

/** Org admins write step-up policies; each change needs step-up, is audited, and applies to the next call. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

describe("editing policies", () => {
  const clock = createClock();
  let admin: Client;
  let alice: Client;
  let bob: Client;
  let adminId: string;
  const policyCount = () => db.stepUpPolicy.count();
  const changes = () =>
    db.stepUpAuditEvent.findMany({
      where: { type: "stepup.policy_changed" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });

  beforeAll(async () => {
    adminId = await userIdOf(db, ADMIN);
    admin = await signedIn(db, clock, ADMIN);
    alice = await signedIn(db, clock, "alice@example.com");
    bob = await signedIn(db, clock, "bob@example.com");
  });

  it("creating a policy asks the admin for step-up high first, and creates nothing until verified", async () => {
    const before = await policyCount();
    const stepUp = await expectStepUp(admin.call((api) => api.stepUp.admin.policies.create(draft())));
    // A password alone never clears high (ADR 011): the seeded admin uses password + authenticator code.
    expect(stepUp).toMatchObject({ level: "high", degraded: false, methods: [["password", "totp"]] });
    expect(await policyCount()).toBe(before);
  });

  it("invalid rules and invalid CEL are refused with BAD_REQUEST naming the field, and change nothing", async () => {
    const before = { policies: await policyCount(), changes: (await changes()).length };
    const invalid = [
      [{ kind: "amount", min: 5000, max: 100, level: "high" }],
      [{ kind: "procedure", pattern: "", level: "high" }],
      [{ kind: "teleport", level: "high" }],
      [{ kind: "procedure", pattern: "profile.*", level: "ultra" }],
      [{ kind: "condition", expression: "risk >", level: "high" }],
      [{ kind: "condition", expression: "amount.value + 1.0", level: "high" }],
      [{ kind: "condition", expression: "unknownVariable > 3", level: "high" }],
    ];
    for (const rules of invalid) {
      const error = await catchError(
        asAdminWithStepUp(admin, (api) => api.stepUp.admin.policies.create(draft({ rules: rules as never }))),
      );
      expect({ rules, code: error.code }).toEqual({ rules, code: "BAD_REQUEST" });
    }
    const cel = await catchError(
      admin.call((api) =>
        api.stepUp.admin.policies.create(
          draft({ rules: [{ kind: "condition", expression: "risk >", level: "high" }] }),
        ),
      ),
    );
    expect(cel.message).toContain("expression");
    expect({ policies: await policyCount(), changes: (await changes()).length }).toEqual(before);
  });

  it("checkCondition validates an expression as the admin types", async () => {
    const check = (expression: string) => admin.call((api) => api.stepUp.admin.policies.checkCondition({ expression }));
    expect(await check("risk > 0.8 && amount.value > 1000")).toEqual({ ok: true });
    expect(await check("hasResource && resource.action == 'delete'")).toEqual({ ok: true });
    expect(await check("risk >")).toMatchObject({ ok: false, message: expect.any(String) });
    expect(await check("'text'")).toMatchObject({ ok: false, message: expect.stringContaining("boolean") });
    expect(await check("")).toMatchObject({ ok: false });
  });

  it("a new org policy makes profile.update need high for members at once, and is audited with before and after", async () => {
    // Alice's call loads (and caches) the policies first: the new one must still apply to her next call.
    await alice.call((api) => api.profile.update({ name: "Alice A." }));
    const created = await asAdminWithStepUp(admin, (api) => api.stepUp.admin.policies.create(draft()));
    expect(created).toMatchObject({
      scope: "organization",
      editable: true,
      mode: "enforce",
      rules: [{ kind: "procedure", pattern: "profile.update", level: "high" }],
    });

    const refused = await expectStepUp(alice.call((api) => api.profile.update({ name: "Alice B." })));
    expect(refused).toMatchObject({
      level: "high",
      reason: "Updating your profile needs a strong check that it's you",
    });
    await expectStepUp(bob.call((api) => api.profile.update({ name: "Bob B." })));
    // Globex is another organization: Acme's policy does not touch Gina.
    const gina = await signedIn(db, clock, GINA);
    expect(await gina.call((api) => api.profile.update({ name: "Gina G." }))).toMatchObject({ name: "Gina G." });

    const [change] = (await changes()).slice(-1);
    expect(change).toMatchObject({
      userId: adminId,
      actorId: adminId,
      severity: "warning",
      data: { action: "created", policyId: created.id, before: null },
    });
    expect((change!.data as { after: { rules: unknown } }).after.rules).toEqual(created.rules);
  });

  it("updating, disabling and deleting are audited with before and after, and each applies to the next call", async () => {
    const [policy] = (await admin.call((api) => api.stepUp.admin.policies.list())).filter(
      (p) => p.name === "Profile changes need high",
    );
    const id = policy!.id;
    const updated = await asAdminWithStepUp(admin, (api) =>
      api.stepUp.admin.policies.update({
        id,
        ...draft({
          name: "Profile changes need medium",
          rules: [{ kind: "procedure", pattern: "profile.update", level: "medium" }],
        }),
      }),
    );
    expect(updated.name).toBe("Profile changes need medium");
    expect(await expectStepUp(alice.call((api) => api.profile.update({ name: "Alice C." })))).toMatchObject({
      level: "medium",
    });
    const update = (await changes()).at(-1)!.data as {
      action: string;
      before: { name: string; rules: Array<{ level: string }> };
      after: { name: string; rules: Array<{ level: string }> };
    };
    expect(update).toMatchObject({
      action: "updated",
      before: { name: "Profile changes need high" },
      after: { name: "Profile changes need medium" },
    });
    expect([update.before.rules[0]!.level, update.after.rules[0]!.level]).toEqual(["high", "medium"]);

    await asAdminWithStepUp(admin, (api) => api.stepUp.admin.policies.setEnabled({ id, enabled: false }));
    expect((await changes()).at(-1)!.data).toMatchObject({
      action: "disabled",
      before: { enabled: true },
      after: { enabled: false },
    });
    expect(await alice.call((api) => api.profile.update({ name: "Alice D." }))).toMatchObject({ name: "Alice D." });

    await asAdminWithStepUp(admin, (api) => api.stepUp.admin.policies.delete({ id }));
    expect((await changes()).at(-1)!.data).toMatchObject({
      action: "deleted",
      before: { id, enabled: false },
      after: null,
    });
    expect(await db.stepUpPolicy.findUnique({ where: { id } })).toBeNull();
    expect((await catchError(admin.call((api) => api.stepUp.admin.policies.get({ id })))).code).toBe("NOT_FOUND");
  });

  it("a user-scoped policy applies to that member only", async () => {
    const bobId = await userIdOf(db, "bob@example.com");
    const policy = await asAdminWithStepUp(admin, (api) =>
      api.stepUp.admin.policies.create(draft({ name: "Bob only", userId: bobId })),
    );
    expect(policy).toMatchObject({ scope: "user", userId: bobId, userEmail: "bob@example.com" });
    await expectStepUp(bob.call((api) => api.profile.update({ name: "Bob C." })));
    expect(await alice.call((api) => api.profile.update({ name: "Alice E." }))).toMatchObject({ name: "Alice E." });
    await asAdminWithStepUp(admin, (api) => api.stepUp.admin.policies.delete({ id: policy.id }));
  });

  it("a report-only policy refuses nothing and writes stepup.would_require for each call it would have raised", async () => {
    const aliceId = await userIdOf(db, "alice@example.com");
    const policy = await asAdminWithStepUp(admin, (api) =>
      api.stepUp.admin.policies.create(
        draft({
          name: "Try: profile critical",
          mode: "report_only",
          rules: [{ kind: "procedure", pattern: "profile.update", level: "critical" }],
        }),
      ),
    );
    const before = await db.stepUpRequirement.count({ where: { userId: aliceId } });
    expect(await alice.call((api) => api.profile.update({ name: "Alice F." }))).toMatchObject({ name: "Alice F." });
    expect(await alice.call((api) => api.profile.update({ name: "Alice G." }))).toMatchObject({ name: "Alice G." });
    expect(await db.stepUpRequirement.count({ where: { userId: aliceId } })).toBe(before);
    const rows = await db.stepUpAuditEvent.findMany({ where: { type: "stepup.would_require", userId: aliceId } });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.data).toMatchObject({
      procedure: "profile.update",
      rules: [{ policyId: policy.id, level: "critical" }],
    });
    await asAdminWithStepUp(admin, (api) => api.stepUp.admin.policies.delete({ id: policy.id }));
  });
});

/** The simulator's input, as a caller of the module's router sends it. */
type SimulateInput = Parameters<ApiCaller["stepUp"]["admin"]["simulate"]>[0];

describe("the simulator and the procedures list", () => {
  const clock = createClock(Date.parse("2026-11-24T10:00:00Z"));
  let admin: Client;
  let alice: Client;
  let aliceId: string;
  const simulate = (input: Partial<SimulateInput> & { procedure: string }) =>
    admin.call((api) =>
      api.stepUp.admin.simulate({ userId: aliceId, risk: 0, minutesSinceVerification: null, ...input }),
    );

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    admin = await signedIn(db, clock, ADMIN);
    alice = await signedIn(db, clock, "alice@example.com");
  });

  it("the simulator gives the level, reason-bearing rules and combinations a real call gets", async () => {
    const cases = [
      { amount: 500, level: "medium" },
      { amount: 5000, level: "high" },
      { amount: 10_000, level: "critical" },
    ] as const;
    for (const { amount, level } of cases) {
      const simulated = await simulate({
        procedure: "transfers.create",
        amount: { value: amount, currency: "USD" },
        resource: { type: "transfer" },
        action: "create",
      });
      const real = await expectStepUp(
        alice.call((api) => api.transfers.create({ amount, currency: "USD", to: "Carol" })),
      );
      expect({
        amount,
        required: simulated.required,
        level: simulated.level,
        combinations: simulated.combinations,
        degraded: simulated.degraded,
      }).toEqual({
        amount,
        required: true,
        level: real.level,
        combinations: real.methods,
        degraded: real.degraded,
      });
      expect(simulated.level).toBe(level);
      expect(simulated.matchedRules).toContainEqual(
        expect.objectContaining({ policyId: "policy-payment-amounts", level, reportOnly: false }),
      );
    }
    const deletion = await simulate({ procedure: "account.delete" });
    const realDeletion = await expectStepUp(alice.call((api) => api.account.delete()));
    expect([deletion.level, deletion.reason]).toEqual([realDeletion.level, realDeletion.reason]);
  });

  it("the simulator counts a recent verification like the real call does, window included", async () => {
    const refused = await expectStepUp(alice.call((api) => api.apiKeys.create({ name: "ci" })));
    await verifyAliceHigh(alice, clock, refused.requirementId);
    clock.advance(3 * 60_000);
    expect(await simulate({ procedure: "apiKeys.create", minutesSinceVerification: 3 })).toMatchObject({
      required: false,
      level: "high",
      satisfiedBy: "grant",
      windowSeconds: 300,
    });
    await alice.call((api) => api.apiKeys.create({ name: "ci" })); // goes through: the grant is 3 min old
    clock.advance(3 * 60_000);
    expect(await simulate({ procedure: "apiKeys.create", minutesSinceVerification: 6 })).toMatchObject({
      required: true,
      level: "high",
    });
    await expectStepUp(alice.call((api) => api.apiKeys.create({ name: "ci" })));
  });

  it("a draft policy is simulated as if saved without changing what real calls get", async () => {
    const before = await db.stepUpPolicy.count();
    const simulated = await simulate({
      procedure: "profile.update",
      draft: { rules: [{ kind: "condition", expression: "risk > 0.5", level: "high" }], mode: "enforce", priority: 5 },
      risk: 0.6,
    });
    expect(simulated).toMatchObject({
      required: true,
      level: "high",
      matchedRules: [expect.objectContaining({ policyId: "draft", description: "Condition: risk > 0.5" })],
    });
    expect(await simulate({ procedure: "profile.update", risk: 0.6 })).toMatchObject({ required: false, level: "low" });
    const reportOnly = await simulate({
      procedure: "profile.update",
      draft: { rules: [{ kind: "procedure", pattern: "profile.*", level: "high" }], mode: "report_only", priority: 0 },
    });
    expect(reportOnly).toMatchObject({
      required: false,
      wouldRequire: [expect.objectContaining({ level: "high", reportOnly: true })],
    });
    expect(await db.stepUpPolicy.count()).toBe(before);
    expect(await alice.call((api) => api.profile.update({ name: "Unchanged rules" }))).toMatchObject({
      name: "Unchanged rules",
    });
    expect(
      (
        await catchError(
          simulate({
            procedure: "profile.update",
            draft: {
              rules: [{ kind: "condition", expression: "risk >", level: "high" }],
              mode: "enforce",
              priority: 0,
            },
          }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
  });

  it("the procedures list shows every procedure of the router with its declared and policy levels", async () => {
    const rows = await admin.call((api) => api.stepUp.admin.procedures());
    const byPath = new Map(rows.map((r) => [r.path, r]));
    expect(byPath.get("transfers.create")).toMatchObject({
      type: "mutation",
      protectedByStepUp: true,
      declaredLevel: "low",
      policyLevel: "critical",
      effectiveLevel: "critical",
    });
    expect(byPath.get("apiKeys.create")).toMatchObject({
      protectedByStepUp: true,
      declaredLevel: "high",
      effectiveLevel: "high",
    });
    expect(byPath.get("account.delete")).toMatchObject({
      declaredLevel: "medium",
      policyLevel: "high",
      effectiveLevel: "high",
    });
    expect(byPath.get("profile.update")).toMatchObject({
      declaredLevel: "low",
      policyLevel: "none",
      effectiveLevel: "low",
    });
    expect(byPath.get("stepUp.admin.policies.create")).toMatchObject({
      protectedByStepUp: true,
      declaredLevel: "high",
      auth: "admin",
    });
    expect(byPath.get("auth.signIn")).toMatchObject({
      protectedByStepUp: false,
      declaredLevel: "none",
      auth: "public",
    });
    expect(byPath.get("transfers.list")).toMatchObject({
      type: "query",
      protectedByStepUp: false,
      declaredLevel: "low",
      auth: "signed_in",
    });
    expect(rows.filter((r) => r.sensitiveButUnprotected)).toEqual([]);
  });

  it("a mutation a policy names but the code does not wrap is flagged sensitive and unprotected", async () => {
    const policy = await asAdminWithStepUp(admin, (api) =>
      api.stepUp.admin.policies.create(
        draft({ name: "Key revocation", rules: [{ kind: "procedure", pattern: "apiKeys.revoke", level: "medium" }] }),
      ),
    );
    const rows = await admin.call((api) => api.stepUp.admin.procedures());
    expect(rows.filter((r) => r.sensitiveButUnprotected).map((r) => r.path)).toEqual(["apiKeys.revoke"]);
    expect(rows.find((r) => r.path === "apiKeys.revoke")).toMatchObject({
      protectedByStepUp: false,
      policyLevel: "medium",
      effectiveLevel: "low",
    });
    await asAdminWithStepUp(admin, (api) => api.stepUp.admin.policies.delete({ id: policy.id }));
  });
});
