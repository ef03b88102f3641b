import "server-only";
import { BlockList, isIP } from "node:net";
import { resolveWithDns, type ResolveHost } from "./resolve-host";

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
  // Unspecified, loopback and IPv4-compatible (deprecated, RFC 4291 §2.5.5.1): refused whatever they embed.
  ["::", 96],
  // NAT64 local-use (RFC 8215): the operator's own translator, so the operator's own network.
  ["64:ff9b:1::", 48],
  ["fc00::", 7],
  ["fe80::", 10],
  // Site-local (deprecated, RFC 3879), still routed inside some networks.
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv6");

/**
 * Whether an address is loopback, private, link-local, multicast or reserved, including the IPv6 forms
 * that carry an IPv4 address a translator or tunnel would reach. `net.BlockList` reads IPv4-mapped only;
 * ipaddr.js (not a dependency) names 6to4 and Teredo but extracts no IPv4 from them.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address: refuse rather than guess
  if (family === 4) return PRIVATE.check(address, "ipv4");
  if (PRIVATE.check(address, "ipv6")) return true;
  return embeddedIPv4(ipv6Groups(address)).some((ipv4) => PRIVATE.check(ipv4, "ipv4"));
}

/** The eight 16-bit groups of a valid IPv6 address (a dotted IPv4 tail becomes two groups; a zone id is dropped). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const [head = "", tail] = text.split("::");
  if (tail === undefined) return parse(head);
  const first = parse(head);
  const last = parse(tail);
  return [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
}

/** The IPv4 addresses an IPv6 address stands for, by the translation and tunnelling prefixes that embed one. */
function embeddedIPv4(groups: number[]): string[] {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const ipv4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  // IPv4-mapped ::ffff:0:0/96, and IPv4-translated ::ffff:0:0:0/96 (RFC 6145)
  if (zeros(0, 5) && g5 === 0xffff) return [ipv4(g6, g7)];
  if (zeros(0, 4) && g4 === 0xffff && g5 === 0) return [ipv4(g6, g7)];
  // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052)
  if (g0 === 0x64 && g1 === 0xff9b && zeros(2, 6)) return [ipv4(g6, g7)];
  // 6to4 2002::/16 (RFC 3056): bits 16–47
  if (g0 === 0x2002) return [ipv4(g1, g2)];
  // Teredo 2001::/32 (RFC 4380): the server's address, and the client's with every bit inverted
  if (g0 === 0x2001 && g1 === 0) return [ipv4(g2, g3), ipv4(g6 ^ 0xffff, g7 ^ 0xffff)];
  return [];
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
