import { describe, expect, it } from "vitest";
import { defaultFilter } from "./audit-filter";
import { filterFromQuery, queryFromFilter } from "./audit-url";

const NOW = new Date("2026-11-23T15:30:00Z");

describe("the audit filter in the URL", () => {
  it("round-trips every filter", () => {
    const filter = { userId: "u1", type: "stepup.locked", severity: "warning", from: "2026-11-01", to: "2026-11-20" };
    const query = queryFromFilter(filter, NOW);
    expect(query).toBe("user=u1&type=stepup.locked&severity=warning&from=2026-11-01&to=2026-11-20");
    expect(filterFromQuery(new URLSearchParams(query), NOW)).toEqual(filter);
  });

  it("the default filter is the bare page", () => {
    expect(queryFromFilter(defaultFilter(NOW), NOW)).toBe("");
    expect(filterFromQuery(new URLSearchParams(""), NOW)).toEqual(defaultFilter(NOW));
  });

  it.each([
    ["severity=loud", { severity: "" }],
    ["from=yesterday", { from: "2026-11-17" }],
    ["to=2026-13", { to: "2026-11-23" }],
    ["type=made.up", { type: "" }],
  ])("a malformed %s falls back to the default", (query, expected) => {
    const filter = filterFromQuery(new URLSearchParams(query), NOW, ["stepup.locked"]);
    expect(filter).toEqual({ ...defaultFilter(NOW), ...expected });
  });

  it("keeps a named type until the server's list has loaded", () => {
    expect(filterFromQuery(new URLSearchParams("type=stepup.locked"), NOW).type).toBe("stepup.locked");
  });
});
