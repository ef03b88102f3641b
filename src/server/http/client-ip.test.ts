import { describe, expect, it } from "vitest";
import { getClientIp, parseTrustedProxyHops } from "./client-ip";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

describe("client IP", () => {
  it("without a trusted proxy, X-Forwarded-For is ignored: the address is unknown", () => {
    expect(getClientIp(forwarded("198.51.100.9"), 0)).toBeNull();
  });

  it("behind one trusted proxy, the address that proxy appended counts, not what the client wrote before it", () => {
    expect(getClientIp(forwarded("10.6.6.6, 198.51.100.9"), 1)).toBe("198.51.100.9");
    expect(getClientIp(forwarded("198.51.100.9"), 1)).toBe("198.51.100.9");
    expect(getClientIp(forwarded("10.6.6.6, 198.51.100.9, 192.0.2.1"), 2)).toBe("198.51.100.9");
    expect(getClientIp(forwarded("2001:db8::1"), 1)).toBe("2001:db8::1");
  });

  it("a missing, short or malformed header gives null", () => {
    expect(getClientIp(new Headers(), 1)).toBeNull();
    expect(getClientIp(forwarded("198.51.100.9"), 2)).toBeNull();
    expect(getClientIp(forwarded("not-an-ip"), 1)).toBeNull();
  });

  it("STEP_UP_TRUST_PROXY is a hop count; anything else stops start-up", () => {
    expect(parseTrustedProxyHops(undefined)).toBe(0);
    expect(parseTrustedProxyHops("0")).toBe(0);
    expect(parseTrustedProxyHops("1")).toBe(1);
    expect(parseTrustedProxyHops("true")).toBe(1);
    expect(parseTrustedProxyHops("2")).toBe(2);
    expect(() => parseTrustedProxyHops("yes please")).toThrow(/STEP_UP_TRUST_PROXY/);
  });
});
