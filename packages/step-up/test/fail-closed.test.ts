import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  catchStepUp,
  createTestDatabase,
  createTestStepUp,
  elevate,
  TEST_USER,
  type TestDatabase,
  type TestStepUp,
} from "@step-up/next/testing";

type TestIdentity = Parameters<TestStepUp["client"]>[0];

const injected = () => Promise.reject(new Error("SQLITE_IOERR: disk I/O error (injected)"));

/** `db`, except that one method (e.g. `$queryRaw`, the per-call session state read) fails like a broken disk. */
function breaking<T extends object>(db: T, broken: string): T {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === broken) return injected;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * An error while reading or storing step-up state refuses the call (UNAVAILABLE) and is reported first;
 * it never lets the call through.
 */
describe("fail-closed", () => {
  let database: TestDatabase;
  let healthy: TestStepUp;
  let broken: TestStepUp;
  let unwritable: TestStepUp;
  beforeAll(async () => {
    database = await createTestDatabase();
    healthy = await createTestStepUp({ db: database.db });
    // `$queryRawUnsafe` (the start-up audit-trigger check) keeps working in both.
    broken = await createTestStepUp({ db: breaking(database.db, "$queryRaw"), clock: healthy.clock });
    unwritable = await createTestStepUp({ db: breaking(database.db, "$transaction"), clock: healthy.clock });
  });
  afterAll(async () => {
    await healthy.close();
    await broken.close();
    // Its close() flushes the call counts through the broken `$transaction`: that failure is expected.
    await unwritable.close().catch(() => undefined);
    await database.close();
  });

  it("a session holding a grant is refused with UNAVAILABLE when its state cannot be read, and the cause is reported", async () => {
    const session = healthy.signIn(TEST_USER.id);
    await elevate(healthy.stepUp, { userId: TEST_USER.id, sessionId: session.sessionId, level: "medium" });
    await expect(healthy.client(session).api.probe.medium()).resolves.toEqual({ ok: true });

    const refused = await catchStepUp(broken.client(session).api.probe.medium());
    expect(refused).toMatchObject({ code: "SERVICE_UNAVAILABLE", stepUp: { code: "UNAVAILABLE" } });
    expect(JSON.stringify(refused.stepUp)).not.toContain("SQLITE_IOERR");
    expect(broken.errors.map(({ error }) => String((error as Error).message) + String((error as Error).cause))).toEqual(
      [expect.stringContaining("SQLITE_IOERR")],
    );
  });

  it("a call that needs a requirement is refused with UNAVAILABLE when the requirement cannot be stored", async () => {
    const session = unwritable.signIn(TEST_USER.id);
    const before = await database.db.stepUpRequirement.count();
    const refused = await catchStepUp(unwritable.client(session).api.probe.high());
    expect(refused).toMatchObject({ code: "SERVICE_UNAVAILABLE", stepUp: { code: "UNAVAILABLE" } });
    expect(await database.db.stepUpRequirement.count()).toBe(before);
    // The gate reports the cause before it refuses (ADR 026); the counts' flush may report its own failure.
    expect(unwritable.errors).toContainEqual({
      error: expect.objectContaining({ message: expect.stringContaining("SQLITE_IOERR") }),
      event: { event: "gate.failed", path: "probe.high" },
    });
  });

  it("a caller whose identity cannot be read is refused, and the cause is reported before the refusal", async () => {
    const failure = new Error("the host's session store is down (injected)");
    const unreadable = {
      get userId(): string {
        throw failure;
      },
    } as unknown as TestIdentity;
    const before = healthy.errors.length;
    await expect(healthy.client(unreadable).api.probe.medium()).rejects.toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
    });
    expect(healthy.errors.slice(before)).toEqual([{ error: failure, event: { event: "context.failed" } }]);
  });
});
