import { describe, expect, it } from "vitest";
import { createCrypto } from "../../server/crypto";

const crypto = createCrypto("ab".repeat(32));
import {
  EMAIL_CODE_MAX_SENDS,
  EMAIL_CODE_MAX_SENDS_PER_USER,
  EMAIL_CODE_RESEND_INTERVAL_MS,
  EMAIL_CODE_TTL_MS,
  EMAIL_CODE_USER_WINDOW_MS,
  generateEmailCode,
  hashEmailCode,
  maskEmail,
} from "./verify";

describe("email codes", () => {
  it("are six digits, leading zeros kept, and vary", () => {
    const codes = Array.from({ length: 2000 }, generateEmailCode);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    // Uniform over 000000–999999: about 10% start with 0 (a Number() somewhere would drop them).
    const leadingZero = codes.filter((c) => c.startsWith("0")).length / codes.length;
    expect(leadingZero).toBeGreaterThan(0.06);
    expect(leadingZero).toBeLessThan(0.14);
  });

  it("are stored as a keyed hash bound to the requirement", () => {
    const hash = hashEmailCode(crypto, "req-1", "123456");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEmailCode(crypto, "req-1", "123456")).toBe(hash);
    expect(hashEmailCode(crypto, "req-2", "123456")).not.toBe(hash);
    expect(hashEmailCode(crypto, "req-1", "123457")).not.toBe(hash);
  });

  it.each([
    ["alice@example.com", "a***@example.com"],
    ["b@example.org", "b***@example.org"],
    ["weird@name@example.com", "w***@example.com"],
    ["not-an-address", "***"],
  ])("mask %s as %s", (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it("expire after 10 minutes, resend after 30 seconds, at most 5 sends, 20 an hour per user (pinned)", () => {
    expect(EMAIL_CODE_TTL_MS).toBe(600_000);
    expect(EMAIL_CODE_RESEND_INTERVAL_MS).toBe(30_000);
    expect(EMAIL_CODE_MAX_SENDS).toBe(5);
    expect(EMAIL_CODE_MAX_SENDS_PER_USER).toBe(20);
    expect(EMAIL_CODE_USER_WINDOW_MS).toBe(3_600_000);
  });
});
