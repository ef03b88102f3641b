// The Auth.js adapter against this app's real schema and @auth/prisma-adapter (the code Auth.js
// runs on sign-in and sign-out), on a fresh SQLite database. Run with `npm run test:adapter`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { createAuthjsAdapter } from "@step-up/next/adapters/authjs";
import { PrismaClient } from "../src/generated/prisma/client";

const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "t3-authjs-")), "app.db")}`;
execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
const authAdapter = PrismaAdapter(db);
const authjs = createAuthjsAdapter({ db });
const IN_A_MONTH = new Date(Date.now() + 30 * 24 * 3600_000);

async function signIn(userId: string, sessionToken: string) {
  await authAdapter.createSession!({ sessionToken, userId, expires: IN_A_MONTH });
  return db.session.findUniqueOrThrow({ where: { sessionToken } });
}

const cookie = (name: string, value: string) => ({ headers: new Headers({ cookie: `${name}=${value}` }) });

test("the session cookie (plain or __Secure-) names the Session row Auth.js created, dated by its createdAt", async () => {
  const user = await authAdapter.createUser!({ id: "", email: "nora@example.com", emailVerified: null });
  const row = await signIn(user.id, "token-laptop");
  const expected = { userId: user.id, sessionId: row.id, authenticatedAt: row.createdAt };
  assert.deepEqual(await authjs.ports.identity(cookie("authjs.session-token", "token-laptop")), expected);
  assert.deepEqual(await authjs.ports.identity(cookie("__Secure-authjs.session-token", "token-laptop")), expected);
  assert.equal(await authjs.ports.identity(cookie("authjs.session-token", "unknown")), null);
  // Auth.js's name is optional: the user is still found, and has no password to be offered.
  assert.deepEqual(await authjs.ports.users.find(user.id), {
    email: "nora@example.com",
    name: null,
    hasPassword: false,
  });
});

test("removing a factor ends the user's other Auth.js sessions and keeps the current one", async () => {
  const user = await authAdapter.createUser!({ id: "", email: "olga@example.com", emailVerified: null });
  const current = await signIn(user.id, "token-current");
  await signIn(user.id, "token-phone");
  await signIn(user.id, "token-tablet");
  const revokeOthers = authjs.ports.sessions!.revokeOthers;
  assert.equal(await revokeOthers({ userId: user.id, keepSessionId: current.id, reason: "factor_removed" }), 2);
  const left = await db.session.findMany({ where: { userId: user.id } });
  assert.deepEqual(
    left.map((session) => session.id),
    [current.id],
  );
});

test("Auth.js's sign-out event revokes that session's step-up grants, and only that session's", async () => {
  const user = await authAdapter.createUser!({ id: "", email: "pia@example.com", emailVerified: null });
  const ending = await signIn(user.id, "token-ending");
  const staying = await signIn(user.id, "token-staying");
  const now = new Date();
  for (const session of [ending, staying])
    await db.stepUpGrant.create({
      data: {
        userId: user.id,
        sessionId: session.id,
        level: "medium",
        methods: ["email_code"],
        verifiedAt: now,
        expiresAt: IN_A_MONTH,
      },
    });
  // What Auth.js does on sign-out with database sessions: delete the row, then emit the event with it.
  await authjs.events.signOut({ session: await authAdapter.deleteSession!("token-ending") });
  const live = await db.stepUpGrant.findMany({ where: { userId: user.id, revokedAt: null } });
  assert.deepEqual(
    live.map((grant) => grant.sessionId),
    [staying.id],
  );
});
