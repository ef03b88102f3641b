import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "./config";
import { evaluate } from "./evaluate";
import type { Level } from "./levels";
import type { RememberedDeviceSnapshot } from "./types";
import { NOW, SECOND_MS, makeContext, makeGrant, makeInput } from "./test-fixtures";

// The `remember` flag of a declaration: credential and admin changes are never satisfied by a
// remembered device, and their verification never offers to remember one.
const MINUTE = 60 * SECOND_MS;
const device: RememberedDeviceSnapshot = { id: "device-high", level: "high", expiresAt: NOW + MINUTE };

function decide(minimumLevel: Level, remember: boolean | undefined, withDevice = true) {
  const input = makeInput({
    context: makeContext({ minimumLevel, remember }),
    device: withDevice ? device : null,
  });
  return evaluate(input, DEFAULT_CONFIG);
}

describe("a declaration that turns remembered devices off", () => {
  it.each<[string, Level, boolean | undefined, boolean, boolean]>([
    // title, level, remember, device satisfies, can remember
    ["an ordinary medium call (flag absent)", "medium", undefined, true, true],
    ["an ordinary high call (flag true)", "high", true, true, true],
    ["a credential change at medium", "medium", false, false, false],
    ["a credential change at high", "high", false, false, false],
    ["critical stays unremembered either way", "critical", true, false, false],
    ["critical with the flag off", "critical", false, false, false],
  ])("%s", (_title, level, remember, bypass, canRemember) => {
    const decision = decide(level, remember);
    expect(decision.satisfiedBy).toEqual(bypass ? { kind: "device", deviceId: device.id } : null);
    expect(decision.required).toBe(!bypass);
    expect(decision.canRemember).toBe(canRemember);
  });

  it("a fresh grant still satisfies a call that turns devices off: only the device is refused", () => {
    const input = makeInput({
      context: makeContext({ minimumLevel: "high", remember: false }),
      grants: [makeGrant("high", MINUTE)],
      device,
    });
    expect(evaluate(input, DEFAULT_CONFIG).satisfiedBy).toEqual({
      kind: "grant",
      grantId: "grant-high-60000",
      consume: false,
    });
  });

  it("without a device the refused call offers no remembering either", () => {
    expect(decide("high", false, false)).toMatchObject({ required: true, canRemember: false });
    expect(decide("high", undefined, false)).toMatchObject({ required: true, canRemember: true });
  });

  it("turning devices off never lowers the level", () => {
    for (const level of ["low", "medium", "high", "critical"] as const) {
      expect(decide(level, false).level).toBe(decide(level, undefined).level);
    }
  });
});
