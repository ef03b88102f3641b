import "server-only";

/**
 * Auth.js v5's session cookie names: `__Secure-` prefixed when the site is served over https
 * (`useSecureCookies`), plain otherwise. With database sessions its value is `Session.sessionToken`.
 */
export const AUTHJS_SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** The session token from a request's Cookie header, trying `names` in order; null when absent. */
export function readSessionToken(headers: Headers, names: readonly string[]): string | null {
  const header = headers.get("cookie");
  if (!header) return null;
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(separator + 1).trim());
  }
  for (const name of names) {
    const value = cookies.get(name);
    if (value) return decodeURIComponent(value);
  }
  return null;
}
