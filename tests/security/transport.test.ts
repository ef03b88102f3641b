import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { Client, dataOf, parseSingle } from "./support/http";
import { signedIn, stepUpOf, transfer } from "./support/step-up";

/**
 * SEC-17 to SEC-19 (docs/security.md): what the server believes about a request comes from the socket and the session
 * only.
 */

test("SEC-17 a spoofed X-Forwarded-For does not reach the audit log", async () => {
  const spoofed = "203.0.113.66";
  const client = new Client();
  const { userId } = dataOf(
    await client.signIn(ACCOUNTS.forwardedFor.email, "demo-password-1", {
      headers: { "x-forwarded-for": spoofed, "x-real-ip": spoofed },
    }),
  );
  const admin = await signedIn("acmeAdmin");
  const audit = dataOf(
    await admin.query<{ items: Array<{ ip: string | null }> }>("stepUp.admin.audit.list", {
      type: "auth.signed_in",
      userId,
    }),
  );
  expect(audit.items.length).toBeGreaterThan(0);
  for (const item of audit.items) expect(item.ip ?? "").not.toContain(spoofed);
});

test("SEC-18 a malformed session cookie is an absent cookie, not a 500", async () => {
  const client = new Client();
  const response = await client.raw("GET", "/api/trpc/auth.me", { headers: { cookie: "session=%E0%A4%A" } });
  expect(response.status).toBe(200);
  expect(dataOf(parseSingle(response))).toBeNull();
});

test("SEC-19 a malformed remembered-device cookie beside a valid session is not a 500", async () => {
  const actor = await signedIn("malformedDevice");
  const cookie = `session=${actor.client.cookies.get("session")}; stepup_device=%E0%A4%A`;
  const response = await actor.client.raw("POST", "/api/trpc/transfers.create", {
    headers: { cookie },
    body: JSON.stringify({ json: transfer(1) }),
  });
  expect(response.status).toBeLessThan(500);
  expect(stepUpOf(parseSingle(response)).level).toBe("medium");
});

test("SEC-20 a cross-site form POST (Origin https://evil.example) cannot sign the user out", async () => {
  const victim = await signedIn("crossSite");
  // What <form method="post" enctype="multipart/form-data"> on evil.example sends: no preflight, cookies attached.
  const boundary = "----catalogFormBoundary";
  const forged = await victim.client.raw("POST", "/api/trpc/auth.signOut", {
    origin: "https://evil.example",
    secFetchSite: "cross-site",
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: `--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--${boundary}--\r\n`,
  });
  expect(forged.status).toBe(403);
  expect(dataOf(await victim.query("auth.me"))).not.toBeNull();
});

test("SEC-21 a cross-site POST with Origin: null (sandboxed frame) cannot sign the user out", async () => {
  const victim = await signedIn("crossSiteFetch");
  const forged = await victim.client.raw("POST", "/api/trpc/auth.signOut", {
    origin: "null",
    secFetchSite: "cross-site",
    body: JSON.stringify({ json: null }),
  });
  expect(forged.status).toBe(403);
  expect(dataOf(await victim.query("auth.me"))).not.toBeNull();
});

test("R-10 a mutation sent as GET (image tag, link) is refused and changes nothing", async () => {
  const victim = await signedIn("getMutation");
  const forged = await victim.client.raw("GET", "/api/trpc/auth.signOut", { secFetchSite: "cross-site" });
  expect(forged.status).toBe(405);
  expect(dataOf(await victim.query("auth.me"))).not.toBeNull();
});

test("R-11 an anonymous call to a protected mutation is 401 and moves no money", async () => {
  const result = await new Client().mutation("transfers.create", transfer(1));
  expect(result.status).toBe(401);
  expect(result.ok ? "" : result.error.data.code).toBe("UNAUTHORIZED");
});

test("R-12 an unknown procedure is 404, not a 500", async () => {
  const client = new Client();
  const mutation = await client.mutation("stepUp.approveEverything", {});
  expect(mutation.status).toBe(404);
  const query = await client.query("stepUp.admin.secrets");
  expect(query.status).toBe(404);
});
