import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { DEFAULT_CONFIG } from "../../engine";
import { stepUpFailure } from "../errors";
import { describeRefusal } from "./responses";
import {
  acrValuesFor,
  formatStepUpChallenge,
  levelOfUri,
  LEVEL_URIS,
  parseBearerChallenge,
  toDescription,
} from "./www-authenticate";

describe("RFC 9470 challenges", () => {
  it.each([
    ["medium", "urn:step-up:level:medium urn:step-up:level:high urn:step-up:level:critical"],
    ["high", "urn:step-up:level:high urn:step-up:level:critical"],
    ["critical", "urn:step-up:level:critical"],
  ] as const)("acr_values for %s list it and every level above it", (level, expected) => {
    expect(acrValuesFor(level)).toBe(expected);
  });

  it("maps every level URI back to its level, and nothing else", () => {
    for (const [level, uri] of Object.entries(LEVEL_URIS)) expect(levelOfUri(uri)).toBe(level);
    expect(levelOfUri("urn:step-up:level:root")).toBeNull();
  });

  it("keeps error_description inside RFC 6750's character set: no quote, backslash or non-ASCII", () => {
    const description = toDescription('Say "yes" \\ now — 5 000 €\r\nInjected: x="1"');
    expect(description).toBe("Say yes now 5 000 Injected: x= 1");
    expect(description).toMatch(/^[\x20\x21\x23-\x5B\x5D-\x7E]*$/);
  });

  it("a crafted reason cannot add or end a parameter", () => {
    const header = formatStepUpChallenge({
      level: "high",
      description: 'x", acr_values="urn:evil',
      maxAgeSeconds: 300,
    });
    expect(parseBearerChallenge(header)).toEqual({
      error: "insufficient_user_authentication",
      error_description: "x , acr_values= urn:evil",
      acr_values: "urn:step-up:level:high urn:step-up:level:critical",
      max_age: "300",
    });
  });

  it("parses quoted and token values, and refuses what is not one Bearer challenge", () => {
    expect(parseBearerChallenge('Bearer max_age="5", error=insufficient_user_authentication')).toEqual({
      max_age: "5",
      error: "insufficient_user_authentication",
    });
    expect(parseBearerChallenge("Bearer")).toEqual({});
    expect(parseBearerChallenge('Basic realm="x"')).toBeNull();
    expect(parseBearerChallenge('Bearer error="unterminated')).toBeNull();
  });
});

describe("refusals outside tRPC", () => {
  it("LOCKED is 429 with Retry-After, as on the tRPC route", () => {
    const error = stepUpFailure({ code: "LOCKED", scope: "user", retryAfter: 900 });
    const refusal = describeRefusal({ kind: "step_up", error, payload: error.payload }, DEFAULT_CONFIG);
    expect(refusal).toMatchObject({ status: 429, headers: { "Retry-After": "900" } });
    expect(refusal.body.error.data.stepUp).toEqual({ code: "LOCKED", scope: "user", retryAfter: 900 });
  });

  it("an unavailable gate is 503 and an internal error never shows its message", () => {
    const unavailable = stepUpFailure({ code: "UNAVAILABLE" });
    expect(
      describeRefusal({ kind: "step_up", error: unavailable, payload: unavailable.payload }, DEFAULT_CONFIG).status,
    ).toBe(503);
    const internal = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "db password is hunter2" });
    const refusal = describeRefusal({ kind: "refused", error: internal }, DEFAULT_CONFIG);
    expect(refusal.status).toBe(500);
    expect(JSON.stringify(refusal.body)).not.toContain("hunter2");
  });
});
