import "server-only";
import { isIP } from "node:net";

/**
 * How many proxies in front of the app append to `X-Forwarded-For` (STEP_UP_TRUST_PROXY): "1" (or
 * "true") for one load balancer, "2" for a CDN plus a load balancer. Unset or "0": none is trusted.
 */
export function parseTrustedProxyHops(value: string | undefined): number {
  if (value === undefined || value === "" || value === "0" || value === "false") return 0;
  if (value === "true") return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10)
    throw new Error(`STEP_UP_TRUST_PROXY must be a number of proxy hops (0-10) or "true", not "${value}"`);
  return hops;
}

/**
 * The client's address, for audit and risk only (never identity), or null when unknown.
 * Each trusted proxy appends the address it received the request from, so the entry `hops` from
 * the right is the last one a trusted party wrote; anything left of it came from the client.
 * With no trusted proxy the answer is null: a Next route handler is not given the socket address,
 * and Next itself copies the socket address into `X-Forwarded-For` only when the client sent none,
 * so the header cannot tell a real address from a forged one (docs/decisions/012-sign-in-throttling.md).
 */
export function getClientIp(headers: Headers, trustedHops: number): string | null {
  if (trustedHops <= 0) return null;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const entry = entries[entries.length - trustedHops];
  return entry && isIP(entry) !== 0 ? entry : null;
}
