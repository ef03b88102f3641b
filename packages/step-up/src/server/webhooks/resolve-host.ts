import "server-only";
import { lookup as dnsLookup } from "node:dns";

/** Every address a host name resolves to (the seam tests use to play a rebinding DNS server). */
export type ResolveHost = (host: string) => Promise<string[]>;

export const resolveWithDns: ResolveHost = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, entries) =>
      error ? reject(error) : resolve(entries.map((entry) => entry.address)),
    ),
  );
