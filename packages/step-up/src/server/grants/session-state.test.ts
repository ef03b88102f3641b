import { describe, expect, it } from "vitest";
import { parseIdentity } from "../session";
import { parseSessionState, sessionStateSql } from "./session-state";

const identity = { userId: "u1", sessionId: "s1", authenticatedAt: new Date(0) };
const grant = { id: "g1", level: "medium", verifiedAt: Date.UTC(2026, 11, 4, 10) };

describe("the session state a host reads in its own session query", () => {
  it("joins on the host's session id column, and refuses anything but a column reference", () => {
    expect(sessionStateSql(`s."id"`).joins).toContain(`step_up_session."sessionId" = s."id"`);
    expect(sessionStateSql("sessions.id").joins).toContain(`= sessions.id`);
    for (const bad of [`s."id" OR 1=1`, `s.id; DROP TABLE "User"`, `'x'`, ""])
      expect(() => sessionStateSql(bad)).toThrow(/not a column reference/);
  });

  it("reads the grant summary as the module's own query would, on either driver's types", () => {
    const fromSqlite = parseSessionState({ stepUpGrants: JSON.stringify([grant]), stepUpRevision: 3 }, "s1");
    const fromPostgres = parseSessionState({ stepUpGrants: [grant], stepUpRevision: 3n }, "s1");
    expect(fromSqlite).toEqual(fromPostgres);
    expect(fromSqlite.policyRevision).toBe(3);
    expect(fromSqlite.grants).toMatchObject([{ id: "g1", sessionId: "s1", level: "medium" }]);
    expect(parseSessionState({ stepUpGrants: null, stepUpRevision: null }, "s1")).toEqual({
      grants: [],
      policyRevision: 0,
    });
  });

  it("fails loudly when the host's mapping misspells a column, rather than reading it as no grants", () => {
    expect(() => parseIdentity({ ...identity, sessionState: { grants: [grant], stepUpRevision: 1 } })).toThrow(
      /sessionState.*stepUpGrants and stepUpRevision/,
    );
    expect(() => parseSessionState({ stepUpGrants: null, stepUpRevision: "3" }, "s1")).toThrow(/stepUpRevision/);
    expect(parseIdentity({ ...identity, sessionState: { stepUpGrants: null, stepUpRevision: null } })).toMatchObject({
      sessionState: { stepUpGrants: null, stepUpRevision: null },
    });
  });
});
