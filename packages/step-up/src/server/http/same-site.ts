import "server-only";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a request may change state: refuses a browser request made by another site.
 * - `Sec-Fetch-Site`, when sent, must be "same-origin" (or "none": typed by the user); "same-site"
 *   is refused too, since a sibling subdomain is another origin.
 * - `Origin`, when sent, must be one of ours (STEP_UP_ORIGIN); "null" (sandboxed frames, some
 *   redirects) is not.
 * - Neither header: allowed. Every current browser sends at least one of them on a cross-origin
 *   POST, so their absence means a non-browser client (curl, server to server), which carries no
 *   ambient cookies of the victim's (ADR 012).
 */
export function isSameSiteRequest(
  request: { method: string; headers: Headers },
  allowedOrigins: readonly string[],
): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  return allowedOrigins.some((allowed) => normalizeOrigin(allowed) === normalizeOrigin(origin));
}

function normalizeOrigin(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}
