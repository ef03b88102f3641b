import { expect, test } from "@playwright/test";
import { countSignInFailures } from "./support/db";
import { Client } from "./support/http";
import { signedIn } from "./support/step-up";

/**
 * Bounded input, the route handler's order and webhook URLs that reach loopback through IPv6
 * (ADR 029, README "Step-up outside tRPC", ADR 021): each case was accepted or answered in the wrong order before.
 */
const MB = 1024 * 1024;
const AS_CURL = { origin: null, secFetchSite: null } as const;

test("L-01 a 5 MB sign-in body of unknown keys is a 413 before any password is checked or failure counted", async () => {
  const email = "sec-oversize-signin@example.test";
  const filler = "x".repeat(1000);
  const junk = Object.fromEntries(Array.from({ length: 5300 }, (_, i) => [`k${i}`, filler]));
  const body = JSON.stringify({ json: { email, password: "wrong-password", ...junk } });
  expect(body.length).toBeGreaterThan(5 * MB);
  const response = await new Client().raw("POST", "/api/trpc/auth.signIn", { body });
  expect(response.status).toBe(413);
  expect(JSON.parse(response.text)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE", data: { httpStatus: 413 } } });
  expect(countSignInFailures(email)).toBe(0);
  // The same address may still sign in normally: nothing was counted against it.
  expect((await new Client().signIn(email, "wrong-password")).status).toBe(401);
  expect(countSignInFailures(email)).toBe(1);
});

test("L-02 the route handler checks same site before the body: cross-site text/plain and bad JSON are 403", async () => {
  const actor = await signedIn("restCrossSite");
  for (const [contentType, body] of [
    ["text/plain", "amount=5000"],
    ["application/json", "{not json"],
  ] as const) {
    const response = await actor.client.raw("POST", "/api/v1/transfers", {
      origin: "https://evil.example",
      secFetchSite: "cross-site",
      contentType,
      body,
    });
    expect(response.status, `${contentType}: ${response.text}`).toBe(403);
    expect(response.text).toContain("CROSS_SITE");
  }
});

test("L-03 signed out, malformed JSON to the route handler is a 401 with WWW-Authenticate, not a 400", async () => {
  const response = await new Client().raw("POST", "/api/v1/transfers", { ...AS_CURL, body: "{not json" });
  expect(response.status).toBe(401);
  expect(response.headers["www-authenticate"]).toBe("Bearer");
});

test("L-04 a webhook URL that reaches loopback through an IPv6 form is refused", async () => {
  const admin = await signedIn("webhookAdmin");
  const first = await admin.withStepUp(
    "stepUp.admin.webhooks.create",
    { url: "https://[::7f00:1]/hook", events: ["*"] },
    ["password", "backup_code"],
  );
  expect(first.status).toBe(400);
  for (const url of [
    "https://[::ffff:127.0.0.1]/hook",
    "https://[64:ff9b::7f00:1]/hook",
    "https://[64:ff9b:1::a00:1]/hook",
    "https://[2002:7f00:1::1]/hook",
    "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook",
  ]) {
    const refused = await admin.mutation("stepUp.admin.webhooks.create", { url, events: ["*"] });
    expect(refused.status, url).toBe(400);
  }
});
