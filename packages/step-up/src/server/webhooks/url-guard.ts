import "server-only";
import { BlockList, isIP } from "node:net";
import { resolveWithDns, type ResolveHost } from "./transport";

/** Who may be called: https only in production; private and loopback networks only when allowed. */
export interface UrlPolicy {
  production: boolean;
  /** Development and tests only: lets endpoints on loopback and private networks be registered. */
  allowPrivateNetworks: boolean;
  resolveHost?: ResolveHost;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv6");

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, "ipv4");
  const family = isIP(address);
  if (family === 0) return true; // not an address: refuse rather than guess
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Checks an endpoint URL before it is stored and again before every send (DNS may change): the
 * scheme, no credentials in the URL, and every address the host name resolves to. A DNS answer that
 * changes between this lookup and the connection is caught by the connect-time check (transport.ts).
 */
export async function checkEndpointUrl(raw: string, policy: UrlPolicy): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not a URL" };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && !policy.production))
    return { ok: false, reason: policy.production ? "must be https" : "must be http or https" };
  if (url.username || url.password) return { ok: false, reason: "must not contain credentials" };
  if (policy.allowPrivateNetworks) return { ok: true, url };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (policy.resolveHost ?? resolveWithDns)(host);
  } catch {
    return { ok: false, reason: "host name does not resolve" };
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress))
    return { ok: false, reason: "resolves to a private or loopback address" };
  return { ok: true, url };
}
