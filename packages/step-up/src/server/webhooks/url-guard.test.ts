import { describe, expect, it } from "vitest";
import { checkEndpointUrl, isPrivateAddress } from "./url-guard";

/** Teredo keeps the client's IPv4 in the last 32 bits, every bit inverted (RFC 4380 §4). */
function teredoClient(ipv4: string): string {
  const [a, b, c, d] = ipv4.split(".").map((part) => Number(part) ^ 0xff) as [number, number, number, number];
  const hex = (x: number, y: number) => ((x << 8) | y).toString(16);
  return `2001:0:4136:e378:8000:63bf:${hex(a, b)}:${hex(c, d)}`;
}

describe("isPrivateAddress: IPv6 forms that embed an IPv4 address", () => {
  it.each([
    // IPv4-mapped ::ffff:0:0/96, dotted and hex
    ["::ffff:127.0.0.1", true],
    ["::ffff:7f00:1", true],
    ["::FFFF:10.1.2.3", true],
    ["0:0:0:0:0:ffff:a9fe:a9fe", true],
    ["::ffff:93.184.215.14", false],
    // IPv4-translated ::ffff:0:0:0/96 (RFC 6145)
    ["::ffff:0:7f00:1", true],
    ["::ffff:0:c0a8:101", true],
    // IPv4-compatible ::/96 (deprecated, RFC 4291 §2.5.5.1): refused whatever it embeds
    ["::7f00:1", true],
    ["::127.0.0.1", true],
    ["::a00:1", true],
    ["::5db8:d70e", true],
    ["::", true],
    ["::1", true],
    // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052): the embedded address decides
    ["64:ff9b::7f00:1", true],
    ["64:ff9b::127.0.0.1", true],
    ["64:ff9b::a9fe:a9fe", true],
    ["64:ff9b::c0a8:1", true],
    ["64:ff9b::5db8:d70e", false],
    // NAT64 local-use 64:ff9b:1::/48 (RFC 8215): the operator's own network, refused whole
    ["64:ff9b:1::7f00:1", true],
    ["64:ff9b:1:abcd::1", true],
    // 6to4 2002::/16 (RFC 3056): the IPv4 sits in bits 16–47
    ["2002:7f00:1::1", true],
    ["2002:a00:1::", true],
    ["2002:c0a8:101:1::1", true],
    ["2002:5db8:d70e::1", false],
    // Teredo 2001::/32 (RFC 4380): client IPv4 inverted in the last 32 bits; the server's in bits 32–63
    [teredoClient("127.0.0.1"), true],
    [teredoClient("192.168.1.10"), true],
    [teredoClient("10.0.0.1"), true],
    ["2001:0:a00:1::1", true],
    [teredoClient("93.184.215.14"), false],
    // the rest of the IPv6 blocks, and public addresses
    ["fec0::1", true],
    ["fd12:3456::1", true],
    ["fe80::1", true],
    ["ff02::1", true],
    ["2606:4700::1111", false],
    ["2001:4860:4860::8888", false],
  ])("%s → %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe("checkEndpointUrl: IPv6 literals", () => {
  const policy = { production: true, allowPrivateNetworks: false, resolveHost: () => Promise.resolve([]) };

  it.each([
    "https://[::7f00:1]/hook",
    "https://[::ffff:127.0.0.1]/hook",
    "https://[64:ff9b::7f00:1]/hook",
    "https://[64:ff9b::127.0.0.1]/hook",
    "https://[64:ff9b:1::a00:1]/hook",
    "https://[2002:7f00:1::1]/hook",
    `https://[${teredoClient("127.0.0.1")}]/hook`,
    "https://[::]/hook",
  ])("refuses %s", async (url) => {
    expect(await checkEndpointUrl(url, policy)).toEqual({
      ok: false,
      reason: "resolves to a private or loopback address",
    });
  });

  it("accepts a public IPv6 literal", async () => {
    expect(await checkEndpointUrl("https://[2606:4700::1111]/hook", policy)).toMatchObject({ ok: true });
  });
});
