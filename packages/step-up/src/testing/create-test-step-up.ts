import type { StepUpConfig } from "../engine";
import type { Database, StepUpPrismaClient } from "../server/db";
import type { StepUpErrorReporter, StepUpMailer, StepUpSessions, StepUpUsers } from "../server/ports";
import type { RelyingPartyOption } from "../server/relying-party";
import type { WebhookOptions } from "../server/webhooks/delivery";
import { createTestClock, type TestClock } from "./clock";
import { createTestMailbox, createTestUsers, type TestMailbox, type TestUser, type TestUsers } from "./ports";
import type { TestInstance } from "./test-instance";

/** The user a kit instance has when given none (password `TEST_PASSWORD`). */
export const TEST_USER: TestUser = { id: "test-user-1", email: "test-user-1@example.test", name: "Test User" };

export interface CreateTestStepUpOptions {
  /** Your Prisma client (e.g. on a PostgreSQL test database); default a fresh SQLite file, deleted by `close`. */
  db?: StepUpPrismaClient;
  /** Users of the in-memory `users` port; default [TEST_USER]. */
  users?: readonly TestUser[];
  /** Your own ports instead of the kit's in-memory ones (`users`, `mail` in the result are then unused). */
  ports?: { users?: StepUpUsers; mailer?: StepUpMailer | null; sessions?: StepUpSessions };
  /** Default a test clock at TEST_CLOCK_START. */
  clock?: TestClock;
  config?: Partial<StepUpConfig>;
  /** Default a random key per instance. */
  secret?: string;
  /** Default `localhost` with the origin http://localhost:3000, as in development. */
  relyingParty?: RelyingPartyOption;
  webhooks?: WebhookOptions;
  /** Called besides the kit's own record of reported errors (`errors` in the result). */
  onError?: StepUpErrorReporter;
}

export type TestStepUp = Omit<TestInstance, "errors"> & {
  /** The module's tables through the module's own Prisma client (your client, typed so, when you passed one). */
  db: Database;
  clock: TestClock;
  users: TestUsers;
  mail: TestMailbox;
  /** Everything the instance reported through `onError`, oldest first (a fail-closed refusal logs first). */
  errors: TestInstance["errors"];
  /** Stops the instance's timers and, when the kit made the database, deletes it. */
  close(): Promise<void>;
};

/**
 * A bare step-up instance for tests: a fresh SQLite database with the module's tables and audit
 * triggers, in-memory users (known passwords) and a mailbox, a test clock, and a client per session.
 *
 * @example
 * const t = await createTestStepUp();
 * const session = t.signIn(TEST_USER.id);
 * await expect(t.client(session).api.probe.medium()).rejects.toMatchObject({ code: "FORBIDDEN" });
 * await elevate(t.stepUp, { userId: session.userId, sessionId: session.sessionId, level: "medium" });
 * await t.close();
 */
export async function createTestStepUp(options: CreateTestStepUpOptions = {}): Promise<TestStepUp> {
  const clock = options.clock ?? createTestClock();
  const users = createTestUsers(options.users ?? [TEST_USER]);
  const mail = createTestMailbox();
  const [{ createTestDatabase }, { buildTestInstance }] = await Promise.all([
    import("./database"),
    import("./test-instance"),
  ]);
  const owned = options.db ? null : await createTestDatabase();
  const db = options.db ?? owned!.db;
  try {
    const instance = buildTestInstance({
      db,
      users: options.ports?.users ?? users,
      mailer: options.ports?.mailer === undefined ? mail : options.ports.mailer,
      sessions: options.ports?.sessions,
      secret: options.secret,
      relyingParty: options.relyingParty,
      config: options.config,
      webhooks: options.webhooks,
      onError: options.onError,
      clock,
    });
    return {
      ...instance,
      db: db as Database,
      clock,
      users,
      mail,
      close: async () => {
        await instance.stepUp.close();
        await owned?.close();
      },
    };
  } catch (error) {
    await owned?.close();
    throw error;
  }
}
