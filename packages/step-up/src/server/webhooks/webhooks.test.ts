import { describe, expect, it } from "vitest";
import { backoffMs } from "./delivery";
import { securityEventOf, securityEventsOf } from "./events";
import { subscribes } from "./outbox";
import { isPrivateAddress } from "./url-guard";

const at = new Date("2026-12-04T18:00:00Z");

describe("isPrivateAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.0.0.8", true],
    ["172.31.255.255", true],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["::1", true],
    ["::", true],
    ["fd00::1", true],
    ["fe80::1", true],
    ["::ffff:127.0.0.1", true],
    ["not-an-ip", true],
    ["93.184.215.14", false],
    ["172.32.0.1", false],
    ["2606:4700::1111", false],
    ["::ffff:93.184.215.14", false],
  ])("%s → %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe("backoffMs", () => {
  it("doubles per attempt from the base, half of it jitter, capped", () => {
    const options = { baseBackoffMs: 1_000, maxBackoffMs: 5_000 };
    expect([1, 2, 3, 4].map((n) => backoffMs(n, options, () => 0))).toEqual([500, 1_000, 2_000, 2_500]);
    expect([1, 2, 3, 4].map((n) => backoffMs(n, options, () => 1))).toEqual([1_000, 2_000, 4_000, 5_000]);
  });
});

describe("securityEventOf", () => {
  const base = { organizationId: "org1", userId: "u1", at };

  it("maps step-up outcomes and factor changes to step_up.* and CAEP credential-change", () => {
    expect(
      securityEventOf({ ...base, type: "stepup.verified", data: { requirementId: "r1", level: "high", ip: "x" } }),
    ).toEqual({
      type: "step_up.verified",
      timestamp: at.toISOString(),
      data: {
        organization_id: "org1",
        user_id: "u1",
        event_timestamp: at.getTime() / 1000,
        requirementId: "r1",
        level: "high",
      },
    });
    expect(securityEventOf({ ...base, type: "credential.removed", data: { kind: "passkey" } })?.data).toMatchObject({
      credential_type: "fido2-platform",
      change_type: "delete",
    });
  });

  it("sends nothing for events without an organization, unmapped events, or grants revoked by a factor change", () => {
    expect(securityEventOf({ ...base, organizationId: null, type: "stepup.verified" })).toBeNull();
    expect(securityEventOf({ ...base, type: "stepup.required" })).toBeNull();
    expect(securityEventOf({ ...base, type: "auth.signed_in" })).toBeNull();
    expect(securityEventOf({ ...base, type: "stepup.grants_revoked", data: { reason: "factor_changed" } })).toBeNull();
  });
});

describe("securityEventsOf: CAEP assurance-level-change", () => {
  const base = { organizationId: "org1", userId: "u1", at };
  const typesOf = (event: Parameters<typeof securityEventsOf>[0]) => securityEventsOf(event).map((e) => e.type);

  it("a medium or high verification raises the session's level, beside its step_up.verified", () => {
    const events = securityEventsOf({ ...base, type: "stepup.verified", data: { requirementId: "r1", level: "high" } });
    expect(events.map((e) => e.type)).toEqual(["step_up.verified", "caep.assurance-level-change"]);
    expect(events[1]?.data).toEqual({
      organization_id: "org1",
      user_id: "u1",
      event_timestamp: at.getTime() / 1000,
      namespace: "Custom",
      current_level: "urn:step-up:level:high",
      change_direction: "increase",
      initiating_entity: "user",
      requirementId: "r1",
    });
  });

  it("a critical verification covers one call: no level change", () => {
    expect(typesOf({ ...base, type: "stepup.verified", data: { level: "critical" } })).toEqual(["step_up.verified"]);
  });

  it("revoking live grants lowers it to none, naming an admin when one acted; nothing when none was live", () => {
    const revoked = securityEventsOf({
      ...base,
      actorId: "admin1",
      type: "stepup.grants_revoked",
      data: { reason: "credential_removed", grants: 2, devices: 0 },
    });
    expect(revoked.map((e) => e.type)).toEqual(["caep.assurance-level-change"]);
    expect(revoked[0]?.data).toMatchObject({
      current_level: "urn:step-up:level:none",
      change_direction: "decrease",
      initiating_entity: "admin",
      reason: "credential_removed",
    });
    expect(typesOf({ ...base, type: "stepup.grants_revoked", data: { reason: "factor_changed", grants: 0 } })).toEqual(
      [],
    );
    expect(typesOf({ ...base, organizationId: null, type: "stepup.verified", data: { level: "high" } })).toEqual([]);
  });
});

describe("subscribes", () => {
  it("reads a JSON array filter; anything else subscribes to nothing", () => {
    expect(subscribes(["*"], "step_up.failed")).toBe(true);
    expect(subscribes(["step_up.failed"], "step_up.failed")).toBe(true);
    expect(subscribes(["step_up.failed"], "step_up.verified")).toBe(false);
    expect(subscribes("*", "step_up.verified")).toBe(false);
  });
});
