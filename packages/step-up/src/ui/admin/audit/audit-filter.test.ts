import { describe, expect, it } from "vitest";
import { defaultFilter, isValidRange, toCsvHref, toListInput, toRange } from "./audit-filter";

const NOW = new Date("2026-11-23T15:30:00Z");

describe("audit filter", () => {
  it("defaults to the last seven UTC days, today included", () => {
    expect(defaultFilter(NOW)).toMatchObject({ from: "2026-11-17", to: "2026-11-23" });
  });

  it("covers whole days: the start of the first and the end of the last", () => {
    const range = toRange({ ...defaultFilter(NOW), from: "2026-11-20", to: "2026-11-20" });
    expect(range.from.toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(range.to.toISOString()).toBe("2026-11-20T23:59:59.999Z");
  });

  it.each([
    ["2026-11-21", "2026-11-20", false],
    ["", "2026-11-20", false],
    ["2026-11-20", "2026-11-20", true],
  ])("from %s to %s is valid: %s", (from, to, valid) => {
    expect(isValidRange({ ...defaultFilter(NOW), from, to })).toBe(valid);
  });

  it("sends only the filters that are set to the list", () => {
    const input = toListInput({ ...defaultFilter(NOW), type: "stepup.locked" });
    expect(input).toMatchObject({ type: "stepup.locked", userId: undefined, severity: undefined, limit: 50 });
  });

  it("exports the same filter the table shows", () => {
    const href = toCsvHref(
      { userId: "u1", type: "stepup.verified", severity: "", from: "2026-11-20", to: "2026-11-21" },
      "/api/admin/audit.csv",
    );
    const url = new URL(href, "http://localhost");
    expect(url.pathname).toBe("/api/admin/audit.csv");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: "2026-11-20T00:00:00.000Z",
      to: "2026-11-21T23:59:59.999Z",
      userId: "u1",
      type: "stepup.verified",
    });
  });

  it("keeps a query the host's export address already has", () => {
    const url = new URL(toCsvHref(defaultFilter(NOW), "/export?format=csv"), "http://localhost");
    expect(url.pathname).toBe("/export");
    expect(url.searchParams.get("format")).toBe("csv");
    expect(url.searchParams.get("from")).toBe("2026-11-17T00:00:00.000Z");
  });
});
