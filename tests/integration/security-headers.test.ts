import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import type { NextConfig } from "next";
import { proxy } from "@/proxy";

/** Every page gets a nonce-based CSP that forbids framing; every response the static hardening headers. */
function pageRequest(url: string, headers: Record<string, string> = {}) {
  return new NextRequest(new Request(url, { headers }));
}

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(" ")[0]!, d.slice(d.indexOf(" ") + 1)]),
  );
}

describe("content security policy", () => {
  it("a page response carries a CSP with a fresh nonce for scripts and frame-ancestors 'none'", () => {
    const first = proxy(pageRequest("http://localhost:3000/transfers")).headers.get("content-security-policy")!;
    const second = proxy(pageRequest("http://localhost:3000/transfers")).headers.get("content-security-policy")!;
    const policy = directives(first);
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("script-src")).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(first).not.toBe(second);
  });

  it("the nonce reaches Next's renderer through the request's own CSP header", () => {
    const response = proxy(pageRequest("http://localhost:3000/"));
    const csp = response.headers.get("content-security-policy")!;
    // NextResponse.next({ request: { headers } }) forwards overridden request headers like this.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("HSTS only when served over https", () => {
    expect(proxy(pageRequest("http://localhost:3000/")).headers.get("strict-transport-security")).toBeNull();
    const https = proxy(pageRequest("https://bank.example/"));
    expect(https.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const behindProxy = proxy(pageRequest("http://bank.internal/", { "x-forwarded-proto": "https" }));
    expect(behindProxy.headers.get("strict-transport-security")).toMatch(/^max-age=/);
  });
});

describe("static hardening headers", () => {
  it("every path gets nosniff, a referrer policy and X-Frame-Options DENY; API responses a no-content CSP", async () => {
    // @ts-expect-error next.config.mjs is plain JavaScript (typed by its JSDoc annotation only).
    const nextConfig = ((await import("../../next.config.mjs")) as { default: NextConfig }).default;
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/:path*")!;
    const byName = new Map(all.headers.map((h) => [h.key.toLowerCase(), h.value]));
    expect(byName.get("x-content-type-options")).toBe("nosniff");
    expect(byName.get("x-frame-options")).toBe("DENY");
    expect(byName.get("referrer-policy")).toBe("same-origin");
    const api = rules.find((r) => r.source === "/api/:path*")!;
    expect(api.headers.find((h) => h.key === "Content-Security-Policy")?.value).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });
});
