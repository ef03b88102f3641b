import { expect, test } from "@playwright/test";

/**
 * SEC-22 to SEC-24 (docs/security.md): security headers on pages and on the API. Uses Playwright's own request fixture:
 * anonymous GETs need no cookie jar or source address.
 */
const PAGES = ["/sign-in", "/", "/settings/security"];

test("SEC-22 every page sends a CSP with frame-ancestors 'none' (the step-up dialog cannot be framed)", async ({
  request,
}) => {
  for (const path of PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp, `${path} CSP`).toMatch(/frame-ancestors 'none'/);
  }
});

test("SEC-23 pages and API answers send X-Content-Type-Options: nosniff", async ({ request }) => {
  for (const path of [...PAGES, "/api/trpc/auth.me"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  }
});

test("SEC-24 pages send a Referrer-Policy that keeps paths on this origin", async ({ request }) => {
  for (const path of PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"], path).toContain(
      response.headers()["referrer-policy"],
    );
  }
});
