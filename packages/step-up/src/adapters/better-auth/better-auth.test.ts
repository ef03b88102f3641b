import { describe, expect, it } from "vitest";
import { endedSession, findPasswordHash, identityFromSession, UNEXPECTED_SESSION } from "./mapping";

describe("identityFromSession", () => {
  const createdAt = new Date("2026-12-07T11:00:00Z");
  const result = {
    session: { id: "s1", token: "secret-token", userId: "u1", createdAt, expiresAt: new Date("2026-12-14T11:00:00Z") },
    user: { id: "u1", email: "ada@example.test", name: "Ada" },
  };

  it("identifies the session by its id, never its token, and dates it from createdAt", () => {
    expect(identityFromSession(result)).toEqual({ userId: "u1", sessionId: "s1", authenticatedAt: createdAt });
  });

  it("reads a createdAt that arrives as a string (a JSON-cached session)", () => {
    const cached = { session: { ...result.session, createdAt: createdAt.toISOString() } };
    expect(identityFromSession(cached)?.authenticatedAt).toEqual(createdAt);
  });

  it("treats no session as signed out and fails loudly on a shape it does not know", () => {
    expect(identityFromSession(null)).toBeNull();
    expect(() => identityFromSession({ session: { userId: "u1" } })).toThrow(UNEXPECTED_SESSION);
  });
});

describe("findPasswordHash", () => {
  it("takes the hash of the credential account only", () => {
    expect(findPasswordHash([{ providerId: "github" }, { providerId: "credential", password: "h" }])).toBe("h");
    expect(findPasswordHash([{ providerId: "github", password: "not-a-credential" }])).toBeNull();
    expect(findPasswordHash([{ providerId: "credential", password: null }])).toBeNull();
    expect(findPasswordHash([])).toBeNull();
  });
});

describe("endedSession", () => {
  it("ends the deleted session row by its id", () => {
    expect(endedSession({ id: "s1", token: "t", userId: "u1" })).toEqual({ sessionId: "s1" });
    expect(endedSession({ token: "t" })).toBeNull();
    expect(endedSession(null)).toBeNull();
  });
});
