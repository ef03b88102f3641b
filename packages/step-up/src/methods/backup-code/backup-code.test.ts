import { describe, expect, it } from "vitest";
import { createCrypto, sha256Hex } from "../../server/crypto";
import { hashBackupCode, legacyBackupCodeHash, normalizeBackupCode } from "./verify";
import { generateBackupCode } from "./enrol";

const crypto = createCrypto("ab".repeat(32));

describe("generated backup codes", () => {
  it("look like xxxxx-xxxxx without look-alike characters, and what we print is what we accept", () => {
    for (let i = 0; i < 500; i++) {
      const code = generateBackupCode();
      expect(code).toMatch(/^[a-hjkmnp-tv-z2-9]{5}-[a-hjkmnp-tv-z2-9]{5}$/);
      expect(normalizeBackupCode(code.toUpperCase())).toMatch(/^[a-z0-9]{10}$/);
      expect(hashBackupCode(crypto, "user-1", code.toUpperCase().replace("-", " "))).toBe(
        hashBackupCode(crypto, "user-1", code),
      );
    }
  });

  it("do not repeat", () => {
    const codes = Array.from({ length: 5000 }, generateBackupCode);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("stored backup codes", () => {
  it("are a keyed hash bound to the user, never the plain sha256 of the code", () => {
    const code = generateBackupCode();
    const stored = hashBackupCode(crypto, "user-1", code);
    expect(stored).toMatch(/^k1:[0-9a-f]{64}$/);
    expect(stored).not.toContain(sha256Hex(normalizeBackupCode(code)));
    expect(stored).not.toBe(hashBackupCode(crypto, "user-2", code));
    expect(legacyBackupCodeHash(code)).toBe(sha256Hex(normalizeBackupCode(code)));
  });
});
