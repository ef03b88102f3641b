import { describe, expect, it } from "vitest";
import { endedDatabaseSession, findDatabaseSession, MISSING_CREATED_AT } from "./database-sessions";
import { endedJwtSession, exposeClaims, identityFromSession, MISSING_CLAIMS, stampSignIn } from "./jwt-sessions";
import { AUTHJS_SESSION_COOKIES, readSessionToken } from "./session-cookie";

const NOW = new Date("2026-12-07T12:00:00Z");

describe("readSessionToken", () => {
  it.each([
    ["authjs.session-token=abc", "abc"],
    ["a=1; __Secure-authjs.session-token=sec; authjs.session-token=plain", "sec"],
    ["authjs.session-token=a%2Bb; x=y", "a+b"],
    ["next-auth.session-token=v4", null],
    ["authjs.session-token=", null],
    ["", null],
  ])("reads %j as %j", (cookie, expected) => {
    expect(readSessionToken(new Headers(cookie ? { cookie } : {}), AUTHJS_SESSION_COOKIES)).toBe(expected);
  });
});

describe("database sessions", () => {
  const row = {
    id: "s1",
    userId: "u1",
    expires: new Date("2026-12-30T00:00:00Z"),
    createdAt: new Date("2026-12-07T11:00:00Z"),
  };
  const delegate = (result: unknown) => ({
    findUnique: () => (result instanceof Error ? Promise.reject(result) : Promise.resolve(result)),
    deleteMany: () => Promise.resolve({ count: 0 }),
  });

  it("dates the session from Session.createdAt and identifies it by the row id, never the token", async () => {
    await expect(findDatabaseSession(delegate(row), "token", NOW)).resolves.toEqual({
      userId: "u1",
      sessionId: "s1",
      authenticatedAt: row.createdAt,
    });
  });

  it("treats an expired or unknown session as signed out", async () => {
    await expect(findDatabaseSession(delegate({ ...row, expires: NOW }), "token", NOW)).resolves.toBeNull();
    await expect(findDatabaseSession(delegate(null), "token", NOW)).resolves.toBeNull();
  });

  it("names the missing Session.createdAt column and keeps Prisma's error as the cause", async () => {
    const prismaError = new Error("Unknown field `createdAt` for select statement on model `Session`.");
    const failure = await findDatabaseSession(delegate(prismaError), "token", NOW).catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: MISSING_CREATED_AT, cause: prismaError });
    const { createdAt: _dropped, ...withoutCreatedAt } = row;
    await expect(findDatabaseSession(delegate(withoutCreatedAt), "token", NOW)).rejects.toThrow(MISSING_CREATED_AT);
  });

  it("ends the signed-out session by its row id, or every session of the user without one", () => {
    expect(endedDatabaseSession({ session: row })).toEqual({ sessionId: "s1" });
    expect(endedDatabaseSession({ session: { userId: "u1", sessionToken: "t" } })).toEqual({ userId: "u1" });
    expect(endedDatabaseSession({ session: null })).toBeNull();
    expect(endedDatabaseSession({ token: {} })).toBeNull();
  });
});

describe("JWT sessions", () => {
  it("stamps a session id and the sign-in time at sign-in only", () => {
    const signedIn = stampSignIn({ token: { sub: "u1" }, user: { id: "u1" } }, NOW);
    expect(signedIn).toMatchObject({ sub: "u1", stepUpAuthTime: NOW.getTime() / 1000 });
    expect(signedIn).toHaveProperty("stepUpSid", expect.any(String));
    // A later read re-encodes the token: the stamp must survive unchanged.
    expect(stampSignIn({ token: signedIn }, new Date(NOW.getTime() + 60_000))).toBe(signedIn);
  });

  it("gives the identity from auth()'s session and ends it on sign-out", () => {
    const token = stampSignIn({ token: { sub: "u1" }, user: {} }, NOW);
    const session = exposeClaims({ session: { user: { id: "u1" }, expires: "x" }, token });
    expect(identityFromSession(session)).toEqual({ userId: "u1", sessionId: token.stepUpSid, authenticatedAt: NOW });
    expect(endedJwtSession({ token })).toEqual({ sessionId: token.stepUpSid });
    expect(identityFromSession(null)).toBeNull();
  });

  it("fails loudly, naming the callbacks, for a session signed without them", () => {
    const session = exposeClaims({ session: { user: { id: "u1" } }, token: { sub: "u1" } });
    expect(() => identityFromSession(session)).toThrow(MISSING_CLAIMS);
  });
});
