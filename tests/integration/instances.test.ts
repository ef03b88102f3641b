import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, asAdminWithStepUp, draft, signedIn } from "./admin-helpers";
import { allowDegrade } from "./support/degrade";
import {
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  stepUpCodesOf,
  verify,
  verifyAliceHigh,
  type Client,
} from "./harness";

/**
 * Several step-up instances on one database, as several servers behind a load balancer would be: each
 * client below is its own `createStepUp` (own policy cache, own call counters, no shared queue). Every
 * limit and every change must hold through the database alone.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const small = { amount: 100, currency: "USD" as const, to: "Carol" }; // medium: any one factor
const WRONG = "zzzzz-zzzzz"; // a well-formed backup code alice does not have

describe("many instances on one database", () => {
  const clock = createClock();
  let instances: Client[];

  beforeAll(async () => {
    const first = createClient(db, clock);
    await signIn(first, "alice@example.com");
    // The same browser session, served by three instances in turn.
    instances = [first, createClient(db, clock), createClient(db, clock)].map(allowDegrade);
    for (const other of instances.slice(1)) other.cookies.set("session", first.cookies.get("session")!);
  });

  const on = (i: number) => instances[i % instances.length]!;
  const newRequirement = async (i = 0) =>
    (await expectStepUp(on(i).call((api) => api.transfers.create(small)))).requirementId;

  it("30 parallel wrong guesses at one requirement, spread over the instances: at most 5 are evaluated", async () => {
    const requirementId = await newRequirement();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => verify(on(i), requirementId, "backup_code", WRONG)),
    );
    const codes = await stepUpCodesOf(results);
    expect(codes.filter((c) => c === "INVALID_CREDENTIAL")).toHaveLength(4);
    expect(codes.filter((c) => c === "LOCKED")).toHaveLength(26);
    expect(await db.stepUpAttempt.count({ where: { requirementId } })).toBe(5);
  });

  it("30 parallel wrong guesses over six requirements of one user: the user is locked, at most 10 evaluated", async () => {
    clock.advance(16 * MIN); // the first test's failures are out of the user's window
    const requirements = await Promise.all(Array.from({ length: 6 }, (_, i) => newRequirement(i)));
    const before = await db.stepUpAttempt.count();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => verify(on(i), requirements[i % 6]!, "backup_code", WRONG)),
    );
    const codes = await stepUpCodesOf(results);
    expect((await db.stepUpAttempt.count()) - before).toBe(10);
    expect(codes.filter((c) => c === "accepted")).toHaveLength(0);
    // Even the right password, on any instance, now meets the user's lock.
    for (const i of [0, 1, 2]) {
      const locked = await catchError(verify(on(i), requirements[0]!, "password", "demo-password-1"));
      expect(locked.stepUp).toMatchObject({ code: "LOCKED", scope: "user" });
    }
  });

  it("a grant earned on one instance is honoured on another", async () => {
    clock.advance(16 * MIN); // the user's lock is over
    const requirementId = await newRequirement(0);
    await verify(on(0), requirementId, "password", "demo-password-1");
    const transfer = await on(1).call((api) => api.transfers.create(small));
    expect(transfer.amountMinor).toBe(10_000);
  });

  it("20 retries of one critical call racing over the instances: exactly one runs", async () => {
    clock.advance(MIN); // a fresh TOTP step
    const critical = { amount: 10_000, currency: "USD" as const, to: "Dave" };
    const stepUp = await expectStepUp(on(0).call((api) => api.transfers.create(critical)));
    expect(stepUp.level).toBe("critical");
    await verifyAliceHigh(on(0), clock, stepUp.requirementId);
    const before = await db.transfer.count();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => on(i).call((api) => api.transfers.create(critical))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.transfer.count()).toBe(before + 1);
  });

  it("a policy changed through one instance is enforced by the others on their very next call", async () => {
    // Every instance has the current policies cached.
    for (const i of [0, 1, 2]) await on(i).call((api) => api.profile.update({ name: `Alice ${i}` }));
    const admin = await signedIn(db, clock, ADMIN);
    await asAdminWithStepUp(admin, (api) => api.stepUp.admin.policies.create(draft()));
    for (const i of [0, 1, 2]) {
      const stepUp = await expectStepUp(on(i).call((api) => api.profile.update({ name: "Changed" })));
      expect(stepUp.level).toBe("high");
    }
    expect((await db.user.findFirstOrThrow({ where: { email: "alice@example.com" } })).name).toBe("Alice 2");
  });
});
