import "server-only";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { resolveWithDns, type ResolveHost } from "./resolve-host";
import { isPrivateAddress } from "./url-guard";

export interface SendRequest {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface TransportOptions {
  /** false: the socket may only connect to public addresses, checked when it connects. */
  allowPrivateNetworks: boolean;
  resolveHost?: ResolveHost;
  /** A fetch to send through instead (tests, proxies): it bypasses the connect-time check. */
  fetch?: typeof fetch;
}

export class RefusedAddressError extends Error {
  override readonly name = "RefusedAddressError";
}

/**
 * POSTs one delivery and answers the HTTP status. The address check runs inside the socket's own
 * DNS lookup, so the address it approves is the address connected to: a name that resolved to a
 * public address for the pre-check and to 127.0.0.1 a moment later (DNS rebinding) is refused here.
 * No redirects are followed (a 3xx is a failed attempt): one could point at the private network.
 */
export async function sendDelivery(url: URL, request: SendRequest, options: TransportOptions): Promise<number> {
  if (options.fetch) {
    const response = await options.fetch(url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    await response.body?.cancel();
    return response.status;
  }
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const lookup = options.allowPrivateNetworks ? undefined : guardedLookup(options.resolveHost ?? resolveWithDns);
  return new Promise((resolve, reject) => {
    const outgoing = send(url, {
      method: "POST",
      headers: { ...request.headers, "content-length": Buffer.byteLength(request.body).toString() },
      lookup,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    outgoing.on("response", (response) => {
      response.resume(); // the body is not read; drain it so the socket is freed
      resolve(response.statusCode ?? 0);
    });
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

/** A `net` lookup that answers only public addresses and fails the connection on any other. */
function guardedLookup(resolveHost: ResolveHost): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname).then(
      (addresses) => {
        if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
          callback(new RefusedAddressError(`${hostname} resolves to a private or loopback address`), "", 0);
          return;
        }
        const entries = addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
        if (options.all) callback(null, entries);
        else callback(null, entries[0]!.address, entries[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}
