import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before every page (Next 16's Proxy, formerly Middleware): a per-request nonce-based CSP,
 * and HSTS over https. Next reads the nonce from the request's CSP header and puts it on its own
 * scripts, so pages must render per request (they read the session cookie, so they do).
 * The static headers (nosniff, X-Frame-Options, Referrer-Policy) are in next.config.mjs.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, isHttps(request));
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (isHttps(request)) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  // Pages only: API routes get a static no-content CSP (next.config.mjs); prefetches carry no HTML.
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

/**
 * Scripts: only ours, by nonce ('strict-dynamic' lets them load Next's chunks). Styles allow
 * inline because server-rendered style attributes (charts, meters) cannot carry a nonce; a style
 * injection cannot run code. `'unsafe-eval'` only under `next dev` (React's debug stacks).
 */
function contentSecurityPolicy(nonce: string, https: boolean): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** Over TLS here, or at the proxy in front (a forged header only adds HSTS, which browsers ignore over http). */
function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}
