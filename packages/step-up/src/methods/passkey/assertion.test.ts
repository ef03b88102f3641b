import { describe, expect, it } from "vitest";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import {
  createSoftwareAuthenticator,
  TEST_ORIGIN,
  TEST_RP_ID,
  type CeremonyOverrides,
} from "../../../../../tests/integration/support/authenticator";
import { checkAssertion, isCounterRegression, parseAssertion } from "./assertion";

const options: PublicKeyCredentialRequestOptionsJSON = {
  challenge: "Y2hhbGxlbmdlLTE",
  rpId: TEST_RP_ID,
  userVerification: "required",
};
const expected = {
  challenge: options.challenge,
  origins: [TEST_ORIGIN, "https://bank.example"],
  rpId: TEST_RP_ID,
  requireUserVerification: true,
};
const authenticator = createSoftwareAuthenticator();
const assertion = (overrides: CeremonyOverrides = {}) => authenticator.authenticate(options, overrides);

describe("checkAssertion names the first thing wrong with a passkey response", () => {
  it("accepts a response for our challenge, origin and rp ID, with presence and verification", () => {
    expect(checkAssertion(assertion({ counter: 7 }), expected)).toMatchObject({
      facts: { counter: 7, userVerified: true },
    });
    expect(checkAssertion(assertion({ origin: "https://bank.example" }), expected)).toHaveProperty("facts");
  });

  it.each<[string, CeremonyOverrides, Partial<typeof expected>]>([
    ["wrong_origin", { origin: "https://evil.example" }, {}],
    ["wrong_origin", { origin: "http://localhost:3001" }, {}],
    ["wrong_rp_id", { rpId: "evil.example" }, {}],
    ["challenge_mismatch", { challenge: "b3RoZXI" }, {}],
    ["challenge_reused", {}, { challenge: null } as unknown as Partial<typeof expected>],
    ["user_verification_missing", { userVerified: false }, {}],
    ["user_presence_missing", { userPresent: false }, {}],
  ])("%s (%j)", (failure, overrides, expectation) => {
    expect(checkAssertion(assertion(overrides), { ...expected, ...expectation })).toEqual({ failure });
  });

  it("does not demand verification below critical", () => {
    expect(
      checkAssertion(assertion({ userVerified: false }), { ...expected, requireUserVerification: false }),
    ).toMatchObject({ facts: { userVerified: false } });
  });

  it("refuses a registration response offered as an assertion", () => {
    const registration = authenticator.register({
      challenge: options.challenge,
      rp: { id: TEST_RP_ID, name: "x" },
      user: { id: "dQ", name: "u", displayName: "u" },
      pubKeyCredParams: [{ type: "public-key", alg: -7 }],
    });
    const mixed = assertion();
    mixed.response.clientDataJSON = registration.response.clientDataJSON;
    expect(checkAssertion(mixed, expected)).toEqual({ failure: "wrong_type" });
  });
});

describe("parseAssertion", () => {
  it("accepts the JSON startAuthentication() produces and nothing else", () => {
    const json = JSON.stringify(assertion());
    expect(parseAssertion(json)?.id).toBe(authenticator.credentialId);
    expect(parseAssertion("{")).toBeNull();
    expect(parseAssertion(JSON.stringify({ ...JSON.parse(json), type: "password" }))).toBeNull();
    expect(parseAssertion(JSON.stringify({ ...JSON.parse(json), response: { signature: "AA" } }))).toBeNull();
  });
});

describe("isCounterRegression", () => {
  it.each([
    [0, 0, false], // authenticators that do not count (synced passkeys)
    [0, 1, false],
    [5, 6, false],
    [5, 5, true],
    [5, 4, true],
    [5, 0, true], // a counter that stops counting after counting
  ])("stored %i, received %i → %s", (stored, received, regression) => {
    expect(isCounterRegression(stored, received)).toBe(regression);
  });
});
