import { expect, test } from "@playwright/test";
import { getStepUpPayload, type StepUpRequiredPayload } from "@step-up/next/client";
import { balanceMinorOf, countTransfers } from "./support/db";
import { Client, dataOf, type RawResponse } from "./support/http";
import { signedIn, transfer, type Actor } from "./support/step-up";

/**
 * POST /api/v1/transfers over a real socket to `next start`, sent as the README's curl lines send it
 * (no Origin, no Sec-Fetch-Site, a session cookie): refused in RFC 9470's words, verified through the
 * `stepUp` tRPC router, then the identical request goes through (ADR 020).
 */
const PATH = "/api/v1/transfers";
const AS_CURL = { origin: null, secFetchSite: null } as const;

function postTransfer(client: Client, body: unknown, options: { origin?: string | null } = {}): Promise<RawResponse> {
  return client.raw("POST", PATH, { ...AS_CURL, ...options, body: JSON.stringify(body) });
}

/** The `auth-param`s of a `Bearer` challenge: `error="…", max_age=300` → { error, max_age }. */
function challengeParams(header: string | undefined): Record<string, string> {
  expect(header, "WWW-Authenticate").toMatch(/^Bearer /);
  const params: Record<string, string> = {};
  for (const [, name, quoted, token] of header!.matchAll(/([a-z_]+)=(?:"([^"]*)"|([^,\s]+))/g))
    params[name!] = quoted ?? token!;
  return params;
}

function stepUpOfBody(response: RawResponse): StepUpRequiredPayload {
  expect(response.status, response.text).toBe(401);
  const payload = getStepUpPayload((JSON.parse(response.text) as { error: unknown }).error);
  if (payload?.code !== "STEP_UP_REQUIRED") throw new Error(`no step-up payload in ${response.text}`);
  return payload;
}

async function verifyAsCurl(
  actor: Actor,
  payload: StepUpRequiredPayload,
  combination: Parameters<Actor["satisfy"]>[1],
) {
  expect(dataOf(await actor.satisfy(payload.requirementId, combination), "stepUp.verify").status).toBe("fulfilled");
}

test("H-01 signed out, the route answers 401 with a plain Bearer challenge and moves nothing", async () => {
  const response = await postTransfer(new Client(), transfer(5_000));
  expect(response.status).toBe(401);
  expect(response.headers["www-authenticate"]).toBe("Bearer");
  expect(getStepUpPayload((JSON.parse(response.text) as { error: unknown }).error)).toBeNull();
});

test("H-02 a 5,000 USD transfer: 401 with the RFC 9470 challenge; after stepUp.verify the identical request is a 201, once", async () => {
  const actor = await signedIn("restHigh");
  const before = balanceMinorOf(actor.email);
  const refused = await postTransfer(actor.client, transfer(5_000));
  expect(challengeParams(refused.headers["www-authenticate"])).toEqual({
    error: "insufficient_user_authentication",
    error_description: "Transferring 5,000.00 USD needs a strong check that it's you",
    acr_values: "urn:step-up:level:high urn:step-up:level:critical",
    max_age: "300",
  });
  expect(refused.headers["cache-control"]).toBe("no-store");
  const payload = stepUpOfBody(refused);
  expect(payload.level).toBe("high");
  expect(countTransfers(actor.email)).toBe(0);

  await verifyAsCurl(actor, payload, ["password", "totp"]);
  const done = await postTransfer(actor.client, transfer(5_000));
  expect(done.status, done.text).toBe(201);
  expect(JSON.parse(done.text)).toMatchObject({ transfer: { amountMinor: 500_000, currency: "USD" } });
  expect(countTransfers(actor.email)).toBe(1);
  expect(before - balanceMinorOf(actor.email)).toBe(500_000);
});

test("H-03 a critical transfer: its passkey grant runs that one body once; a replay or a changed body asks again (max_age=0)", async () => {
  const actor = await signedIn("restCritical");
  await actor.registerPasskey();
  const refused = await postTransfer(actor.client, transfer(10_000, "landlord"));
  expect(challengeParams(refused.headers["www-authenticate"])).toMatchObject({
    acr_values: "urn:step-up:level:critical",
    max_age: "0",
  });
  await verifyAsCurl(actor, stepUpOfBody(refused), ["passkey"]);
  expect(stepUpOfBody(await postTransfer(actor.client, transfer(10_000, "attacker"))).level).toBe("critical");
  expect((await postTransfer(actor.client, transfer(10_000, "landlord"))).status).toBe(201);
  expect(stepUpOfBody(await postTransfer(actor.client, transfer(10_000, "landlord"))).level).toBe("critical");
  expect(countTransfers(actor.email)).toBe(1);
});

test("H-04 a cross-site POST carrying the session cookie is a 403 before any requirement or transfer", async () => {
  const actor = await signedIn("restCrossSite");
  const response = await postTransfer(actor.client, transfer(5_000), { origin: "https://evil.example" });
  expect(response.status).toBe(403);
  expect(response.text).toContain("CROSS_SITE");
  expect(countTransfers(actor.email)).toBe(0);
});
