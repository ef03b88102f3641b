import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { createStepUp, formatStepUpError, type StepUpOptions } from "@step-up/next/server";
import { AUDIT_TRIGGERS, auditTriggersSql } from "@step-up/next/server";
import { createClock, createTestDatabase, testDialect } from "./harness";

/**
 * The running module checks on its first call that the audit log's append-only triggers exist
 * (ADR 032): in production it refuses to serve without them, elsewhere it reports once through
 * `onError` and serves; either way the report names the fix. A bare host: the module alone.
 */
const provider = testDialect() === "sqlite" ? "sqlite" : "postgresql";
const clock = createClock();
const SECRET = "a".repeat(64);
const databases: ReturnType<typeof createTestDatabase>[] = [];
afterAll(() => Promise.all(databases.map((db) => db.$disconnect())));

/** A fresh copy of the migrated database, without the triggers (as `prisma db push` leaves it). */
async function databaseWithoutTriggers() {
  const db = createTestDatabase();
  databases.push(db);
  for (const name of AUDIT_TRIGGERS[provider])
    await db.$executeRawUnsafe(
      provider === "sqlite" ? `DROP TRIGGER "${name}"` : `DROP TRIGGER "${name}" ON "StepUpAuditEvent"`,
    );
  return db;
}

function bareHost(db: object, options: Pick<StepUpOptions<object>, "production" | "auditTriggers"> = {}) {
  const reports: { error: unknown; event: string }[] = [];
  const t = initTRPC.create({
    transformer: superjson,
    errorFormatter: ({ shape, error }) => formatStepUpError(shape, error),
  });
  const stepUp = createStepUp({
    db: db as StepUpOptions<object>["db"],
    identity: () => ({ userId: "user-1", sessionId: "session-1", authenticatedAt: clock.now() }),
    http: () => ({ headers: new Headers(), resHeaders: new Headers() }),
    users: { verifyPassword: async () => false, find: async () => ({ email: null, name: "User" }) },
    secret: SECRET,
    relyingParty: { id: "app.example", name: "App", origin: "https://app.example" },
    now: clock.now,
    onError: (error, event) => reports.push({ error, event: event.event }),
    ...options,
  });
  const router = stepUp.attach(t.router({ stepUp: stepUp.router }));
  const caller = t.createCallerFactory(router)({});
  return { status: () => caller.stepUp.status(), reports };
}

describe("the start-up check of the audit triggers", () => {
  it("in production, a database without the triggers is refused on every call, reported first, naming the fix", async () => {
    const db = await databaseWithoutTriggers();
    const host = bareHost(db, { production: true });
    await expect(host.status()).rejects.toThrow(/no append-only triggers .*npx step-up init/);
    await expect(host.status()).rejects.toThrow(/append-only/);
    expect(host.reports.map((r) => r.event)).toEqual(["audit.triggers_missing", "audit.triggers_missing"]);
    expect(String(host.reports[0]!.error)).toContain(AUDIT_TRIGGERS[provider].join(", "));
  });

  it("once the triggers are created, the same instance serves without a restart", async () => {
    const db = await databaseWithoutTriggers();
    const host = bareHost(db, { production: true });
    await expect(host.status()).rejects.toThrow(/append-only/);
    for (const statement of splitStatements(auditTriggersSql(provider))) await db.$executeRawUnsafe(statement);
    await expect(host.status()).resolves.toBeDefined();
    expect(host.reports).toHaveLength(1);
  });

  it("outside production (a test database made with db push), it serves and reports once through onError", async () => {
    const db = await databaseWithoutTriggers();
    const host = bareHost(db, { production: false });
    await expect(host.status()).resolves.toBeDefined();
    await expect(host.status()).resolves.toBeDefined();
    expect(host.reports.map((r) => r.event)).toEqual(["audit.triggers_missing"]);
  });

  it('a production host that keeps the log append-only another way opts out with auditTriggers: "log"', async () => {
    const db = await databaseWithoutTriggers();
    const host = bareHost(db, { production: true, auditTriggers: "log" });
    await expect(host.status()).resolves.toBeDefined();
    expect(host.reports.map((r) => r.event)).toEqual(["audit.triggers_missing"]);
  });

  it("a migrated database with its triggers reports nothing, in production too", async () => {
    const db = createTestDatabase();
    databases.push(db);
    const host = bareHost(db, { production: true });
    await expect(host.status()).resolves.toBeDefined();
    expect(host.reports).toEqual([]);
  });

  it("a disabled trigger counts as missing (PostgreSQL)", async ({ skip }) => {
    if (provider !== "postgresql") return skip();
    const db = createTestDatabase();
    databases.push(db);
    await db.$executeRawUnsafe(`ALTER TABLE "StepUpAuditEvent" DISABLE TRIGGER "StepUpAuditEvent_no_delete"`);
    const host = bareHost(db, { production: true });
    await expect(host.status()).rejects.toThrow(/StepUpAuditEvent_no_delete/);
  });
});

/** Prisma runs one statement per call: the trigger SQL split at its statement ends (not inside $$ or BEGIN…END). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\n(?=\n|CREATE)/)
    .map((part) => part.replace(/^(--[^\n]*\n)+/, "").trim())
    .filter((part) => part.length > 0)
    .map((part) => (part.endsWith(";") || part.endsWith("$$") ? part : `${part};`));
}
