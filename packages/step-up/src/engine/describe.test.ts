import { describe, expect, it } from "vitest";
import { describeRule } from "./describe";

describe("describeRule for auth-age rules", () => {
  const rule = (maxAgeSeconds: number) =>
    describeRule({ kind: "auth_age", pattern: "account.*", maxAgeSeconds, level: "medium" });

  it("says how recent the verification must be, never as 0 min", () => {
    expect(rule(30)).toBe("account.* needs a verification from the last 30 s");
    expect(rule(90)).toBe("account.* needs a verification from the last 1 min 30 s");
    expect(rule(300)).toBe("account.* needs a verification from the last 5 min");
    expect(rule(3600)).toBe("account.* needs a verification from the last 1 h");
    expect(rule(9000)).toBe("account.* needs a verification from the last 2 h 30 min");
  });
});
