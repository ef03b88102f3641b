import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBetterAuthAdapter } from "@step-up/next/adapters/better-auth";
import {
  catchStepUp,
  createTestDatabase,
  createTestStepUp,
  elevate,
  expectStepUpRequired,
  type TestDatabase,
  type TestStepUp,
} from "@step-up/next/testing";

/** The better-auth adapter against a real better-auth 1.x on SQLite, with email and password sign-in. */
describe("better-auth adapter", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "step-up-better-auth-"));
  let database: TestDatabase;
  let t: TestStepUp;
  let sqlite: Sqlite.Database;
  let stepUpAuth: ReturnType<typeof createBetterAuthAdapter>;
  let auth: ReturnType<typeof createAuth>;

  function createAuth() {
    return betterAuth({
      database: sqlite,
      secret: "better-auth-test-secret-0123456789abcdef",
      baseURL: "http://localhost:3000",
      // No session at sign-up: each test signs in exactly the sessions it counts.
      emailAndPassword: { enabled: true, autoSignIn: false },
      // On, so the test proves the adapter reads past it (a revoked session stays in its cookie for 5 minutes).
      // updateAge 0: every read is due a refresh, so the test sees whether the adapter's read refreshes.
      session: { cookieCache: { enabled: true, maxAge: 300 }, updateAge: 0 },
      telemetry: { enabled: false },
      plugins: [stepUpAuth.plugin],
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    sqlite = new Sqlite(path.join(dir, "auth.db"));
    stepUpAuth = createBetterAuthAdapter({ db: database.db, auth: () => auth });
    auth = createAuth();
    await (await getMigrations(auth.options)).runMigrations();
    // A bare instance on the adapter's users and sessions: the kit's in-memory users are not used.
    t = await createTestStepUp({ db: database.db, ports: stepUpAuth.ports });
  });
  afterAll(async () => {
    await t.close();
    await database.close();
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Signs in through better-auth's own endpoint and returns the request headers a browser would send. */
  async function signIn(email: string, password = "correct horse battery") {
    const { headers } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
    const cookie = headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    return new Headers({ cookie });
  }

  async function signUp(email: string) {
    const { user } = await auth.api.signUpEmail({ body: { email, password: "correct horse battery", name: "Ada" } });
    return user;
  }

  const sessionRow = (headers: Headers) =>
    auth.api.getSession({ headers, query: { disableCookieCache: true, disableRefresh: true } });

  it("identifies the signed-in session by its id and dates it from its createdAt", async () => {
    const user = await signUp("ada@example.test");
    const headers = await signIn("ada@example.test");
    const row = await sessionRow(headers);
    const identity = await stepUpAuth.ports.identity({ headers });
    expect(identity).toEqual({ userId: user.id, sessionId: row!.session.id, authenticatedAt: row!.session.createdAt });
    expect(identity!.sessionId).not.toBe(row!.session.token);
    await expect(stepUpAuth.ports.identity({ headers: new Headers() })).resolves.toBeNull();
  });

  it("reads the session without refreshing it (a refresh's cookie could not reach the browser)", async () => {
    await signUp("alan@example.test");
    const headers = await signIn("alan@example.test");
    const { internalAdapter } = await auth.$context;
    const token = (await sessionRow(headers))!.session.token;
    const before = (await internalAdapter.findSession(token))!.session.expiresAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await stepUpAuth.ports.identity({ headers });
    expect((await internalAdapter.findSession(token))!.session.expiresAt).toEqual(before);
  });

  it("finds the user and checks the password with better-auth's own hashing", async () => {
    const user = await signUp("grace@example.test");
    await expect(stepUpAuth.ports.users.find(user.id)).resolves.toEqual({
      email: "grace@example.test",
      name: "Ada",
      hasPassword: true,
    });
    await expect(stepUpAuth.ports.users.verifyPassword(user.id, "correct horse battery")).resolves.toBe(true);
    await expect(stepUpAuth.ports.users.verifyPassword(user.id, "wrong horse battery")).resolves.toBe(false);
    await expect(stepUpAuth.ports.users.find("no-such-user")).resolves.toBeNull();
  });

  it("gives a user without a credential account no password, so it is never offered", async () => {
    const { internalAdapter } = await auth.$context;
    const user = await internalAdapter.createUser(
      { email: "oidc@example.test", name: "Oidc", emailVerified: true },
      { method: "admin" },
    );
    await internalAdapter.createAccount({ userId: user.id, providerId: "github", accountId: "gh-1" });
    await expect(stepUpAuth.ports.users.find(user.id)).resolves.toMatchObject({ hasPassword: false });
    await expect(stepUpAuth.ports.users.verifyPassword(user.id, "")).resolves.toBe(false);
  });

  it("revokes the user's other sessions only, past better-auth's cookie cache, ending their grants", async () => {
    const user = await signUp("linus@example.test");
    const kept = await signIn("linus@example.test");
    const other = await signIn("linus@example.test");
    const bystander = (await signUp("bystander@example.test")) && (await signIn("bystander@example.test"));
    const keep = (await stepUpAuth.ports.identity({ headers: kept }))!;
    const revoked = (await stepUpAuth.ports.identity({ headers: other }))!;
    await elevate(t.stepUp, { userId: user.id, sessionId: revoked.sessionId, level: "medium" });

    const count = await stepUpAuth.ports.sessions.revokeOthers({
      userId: user.id,
      keepSessionId: keep.sessionId,
      reason: "factor_removed",
    });

    expect(count).toBe(1);
    await expect(stepUpAuth.ports.identity({ headers: other })).resolves.toBeNull();
    await expect(stepUpAuth.ports.identity({ headers: kept })).resolves.toEqual(keep);
    await expect(stepUpAuth.ports.identity({ headers: bystander })).resolves.not.toBeNull();
    const grants = await t.db.stepUpGrant.findMany({ where: { sessionId: revoked.sessionId } });
    expect(grants.map((grant) => grant.revokedAt)).toEqual([expect.any(Date)]);
  });

  it("ends the session's grants when the user signs out", async () => {
    const user = await signUp("barbara@example.test");
    const headers = await signIn("barbara@example.test");
    const stayingIn = await signIn("barbara@example.test");
    const session = (await stepUpAuth.ports.identity({ headers }))!;
    const other = (await stepUpAuth.ports.identity({ headers: stayingIn }))!;
    await elevate(t.stepUp, { userId: user.id, sessionId: session.sessionId, level: "high" });
    await elevate(t.stepUp, { userId: user.id, sessionId: other.sessionId, level: "medium" });

    await auth.api.signOut({ headers });

    const grants = await t.db.stepUpGrant.findMany({ where: { userId: user.id }, orderBy: { sessionId: "asc" } });
    const revokedBySession = Object.fromEntries(grants.map((grant) => [grant.sessionId, grant.revokedAt !== null]));
    expect(revokedBySession).toEqual({ [session.sessionId]: true, [other.sessionId]: false });
    await expect(t.db.stepUpSession.findUnique({ where: { sessionId: session.sessionId } })).resolves.toBeNull();
  });

  it("steps up with the better-auth password, and offers a user without one only what they can complete", async () => {
    const user = await signUp("katherine@example.test");
    const session = (await stepUpAuth.ports.identity({ headers: await signIn("katherine@example.test") }))!;
    const { api } = t.client(t.signIn(user.id, session));
    const { requirementId } = await expectStepUpRequired(api.probe.medium());
    const wrong = await catchStepUp(api.stepUp.verify({ requirementId, method: "password", credential: "nope" }));
    expect(wrong.stepUp).toMatchObject({ code: "INVALID_CREDENTIAL" });
    const right = await api.stepUp.verify({ requirementId, method: "password", credential: "correct horse battery" });
    expect(right).toMatchObject({ status: "fulfilled" });

    const { internalAdapter } = await auth.$context;
    const oidc = await internalAdapter.createUser({ email: "sso@example.test", name: "Sso" }, { method: "oauth" });
    const refused = await expectStepUpRequired(t.client(t.signIn(oidc.id)).api.probe.medium());
    expect(refused.methods).toEqual([["email_code"]]);
  });
});
