import { describe, expect, it } from "vitest";
import { hashBackupCode, normalizeBackupCode } from "../../methods/backup-code";
import { generateBackupCode } from "./backup-codes";

describe("generated backup codes", () => {
  it("look like xxxxx-xxxxx without look-alike characters, and what we print is what we accept", () => {
    for (let i = 0; i < 500; i++) {
      const code = generateBackupCode();
      expect(code).toMatch(/^[a-hjkmnp-tv-z2-9]{5}-[a-hjkmnp-tv-z2-9]{5}$/);
      expect(normalizeBackupCode(code.toUpperCase())).toMatch(/^[a-z0-9]{10}$/);
      expect(hashBackupCode(code.toUpperCase().replace("-", " "))).toBe(hashBackupCode(code));
    }
  });

  it("do not repeat", () => {
    const codes = Array.from({ length: 5000 }, generateBackupCode);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
