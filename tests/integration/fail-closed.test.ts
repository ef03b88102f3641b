import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db";
import { invalidatePolicies } from "./harness";
import {
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  userIdOf,
  verify,
  verifyAliceHigh,
  type Client,
} from "./harness";
import { allowDegrade } from "./support/degrade";

/**
 * An error while evaluating or storing refuses the call (SERVICE_UNAVAILABLE / UNAVAILABLE); it never lets it
 * through.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const small = { amount: 100, currency: "USD" as const, to: "Carol" }; // medium
const critical = { amount: 10_000, currency: "USD" as const, to: "Dave" };

/**
 * The test database, except that `db[model][method]` (or `db[model]` itself when a function) fails like a broken
 * disk.
 */
function breaking(model: string, method?: string): Database {
  const fail = () => Promise.reject(new Error("SQLITE_IOERR: disk I/O error (injected)"));
  const bindTo = (target: object, value: unknown) => (typeof value === "function" ? value.bind(target) : value);
  return new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop !== model) return bindTo(target, value);
      if (!method) return fail;
      return new Proxy(value as object, {
        get: (delegate, p) => (p === method ? fail : bindTo(delegate, Reflect.get(delegate, p, delegate))),
      });
    },
  });
}

describe("a broken store refuses the call", () => {
  const clock = createClock();
  let aliceId: string;
  let alice: Client;

  /** Another tab of alice's browser (same session cookie) whose server sees a broken database. */
  function brokenTab(dbOverride: Database): Client {
    const tab = allowDegrade(createClient(db, clock, { dbOverride }));
    tab.cookies.set("session", alice.cookies.get("session")!);
    return tab;
  }
  const state = async () => ({
    transfers: await db.transfer.count({ where: { userId: aliceId } }),
    balance: (await db.user.findUniqueOrThrow({ where: { id: aliceId } })).balanceMinor,
    requirements: await db.stepUpRequirement.count({ where: { userId: aliceId } }),
  });
  async function expectUnavailable(promise: Promise<unknown>) {
    const error = await catchError(promise);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", stepUp: { code: "UNAVAILABLE" } });
    expect(error.message).not.toMatch(/SQLITE|injected/); // no internals in the message
  }

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = allowDegrade(createClient(db, clock));
    await signIn(alice, "alice@example.com");
  });
  afterEach(async () => {
    await invalidatePolicies(db);
    clock.advance(60_000);
  });

  it("when policies cannot be read, a transfer is refused and no money moves", async () => {
    await invalidatePolicies(db); // force a read
    const tab = brokenTab(breaking("stepUpPolicy", "findMany"));
    const before = await state();
    await expectUnavailable(tab.call((api) => api.transfers.create(small)));
    // Even an action that normally needs no step-up: the gate cannot tell, so it says no.
    await expectUnavailable(tab.call((api) => api.profile.update({ name: "Should not change" })));
    expect(await state()).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: aliceId } })).name).toBe("Alice Anders");
  });

  it("a policy whose stored rules no longer parse refuses calls instead of being skipped", async () => {
    await db.stepUpPolicy.create({
      data: { id: "broken-policy", name: "Broken", rules: [{ kind: "teleport", level: "none" }] },
    });
    await invalidatePolicies(db);
    const before = await state();
    await expectUnavailable(alice.call((api) => api.transfers.create(small)));
    await expectUnavailable(alice.call((api) => api.profile.update({ name: "Should not change" })));
    expect(await state()).toEqual(before);
    await db.stepUpPolicy.delete({ where: { id: "broken-policy" } });
    await invalidatePolicies(db);
    expect((await alice.call((api) => api.profile.update({ name: "Alice A." }))).name).toBe("Alice A.");
  });

  it("when grants cannot be read, a critical transfer is refused", async () => {
    const tab = brokenTab(breaking("stepUpGrant", "findMany"));
    const before = await state();
    await expectUnavailable(tab.call((api) => api.transfers.create(critical)));
    expect(await state()).toEqual(before);
  });

  it("when the requirement cannot be stored, the call is refused rather than let through", async () => {
    const tab = brokenTab(breaking("$transaction"));
    const before = await state();
    await expectUnavailable(tab.call((api) => api.transfers.create(small)));
    expect(await state()).toEqual(before);
  });

  it("when a verified critical grant cannot be consumed, the transfer is refused and the grant stays usable", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    await verifyAliceHigh(alice, clock, stepUp.requirementId);
    const tab = brokenTab(breaking("stepUpGrant", "updateMany"));
    const before = await state();
    await expectUnavailable(tab.call((api) => api.transfers.create(critical)));
    expect(await state()).toEqual(before);
    expect(await db.stepUpGrant.findFirstOrThrow({ where: { requirementId: stepUp.requirementId } })).toMatchObject({
      consumedAt: null,
    });
    // With the store back, the retry runs (once).
    expect((await alice.call((api) => api.transfers.create(critical))).amountMinor).toBe(1_000_000);
  });

  it("when a verification cannot be recorded or the lockout cannot be checked, no grant is created", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(small)));
    const cannotRecord = brokenTab(breaking("$transaction"));
    await expect(verify(cannotRecord, stepUp.requirementId, "password", "demo-password-1")).rejects.toThrow();
    const cannotCheckLockout = brokenTab(breaking("stepUpLimit", "findUnique"));
    await expect(verify(cannotCheckLockout, stepUp.requirementId, "password", "demo-password-1")).rejects.toThrow();
    expect(await db.stepUpGrant.count({ where: { requirementId: stepUp.requirementId } })).toBe(0);
    expect((await db.stepUpRequirement.findUniqueOrThrow({ where: { id: stepUp.requirementId } })).status).toBe(
      "pending",
    );
    const before = await state();
    await expectStepUp(alice.call((api) => api.transfers.create(small)));
    expect((await state()).transfers).toBe(before.transfers);
  });
});
