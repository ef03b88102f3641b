import "server-only";

export const SESSION_COOKIE = "session";

/** The named cookie's value, or null when absent or not valid percent-encoding (a broken cookie is no cookie). */
export function readCookie(headers: Headers, name: string): string | null {
  const header = headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeCookieValue(rest.join("="));
  }
  return null;
}

function decodeCookieValue(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    // URIError on malformed escapes such as "%E0%A4%A": treated as absent rather than failing the request.
    return null;
  }
}

/** httpOnly, SameSite=Lax, Secure in production. `maxAgeSeconds: 0` deletes the cookie. */
export function serializeCookie(name: string, value: string, maxAgeSeconds: number): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (process.env.NODE_ENV === "production") parts.push("Secure");
  return parts.join("; ");
}
