import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { DemoApp } from "../app";
import { CrossSiteRequestError } from "../errors";
import { createContext } from "../trpc";
import { DEFAULT_TRPC_BODY_BYTES, isSameSiteRequest, limitRequestBody } from "@step-up/next/server";

/**
 * The most calls one HTTP request may carry. The client's batch link splits at the same number
 * (src/trpc/providers.tsx); without a limit one request could carry hundreds of guesses.
 */
export const MAX_BATCH_SIZE = 10;

/** The most bytes of body one tRPC request may carry (ADR 029); `STEP_UP_MAX_BODY_BYTES` overrides it. */
export const TRPC_MAX_BODY_BYTES = DEFAULT_TRPC_BODY_BYTES;

export interface TrpcHandlerOptions {
  /** Origins a state-changing request may come from; defaults to the relying party's (STEP_UP_ORIGIN). */
  allowedOrigins?: readonly string[];
  /** The body limit in bytes; default `STEP_UP_MAX_BODY_BYTES` or TRPC_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
}

/** The tRPC endpoint as a fetch handler; the route file only re-exports it (tests call it with a real Request). */
export function createTrpcHandler(app: DemoApp, options: TrpcHandlerOptions = {}): (req: Request) => Promise<Response> {
  const allowedOrigins = options.allowedOrigins ?? app.stepUp.services.relyingParty.origins;
  const maxBodyBytes = options.maxBodyBytes ?? parseMaxBodyBytes(process.env.STEP_UP_MAX_BODY_BYTES);
  return async (original) => {
    // Same site first (headers only); a cross-site body is never read: tRPC answers each call 403 from createContext.
    const sameSite = isSameSiteRequest(original, allowedOrigins);
    const limited = sameSite
      ? await limitRequestBody(original, maxBodyBytes)
      : { ok: true as const, request: withoutBody(original) };
    if (!limited.ok) return limited.response;
    const req = limited.request;
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: app.router,
      maxBatchSize: MAX_BATCH_SIZE,
      // Every 5xx logged once with its cause; Retry-After on 503 UNAVAILABLE (ADR 026).
      ...app.stepUp.trpcHandler,
      createContext: ({ resHeaders }) => {
        // Thrown here, before any procedure runs: tRPC answers every call of the batch with a 403.
        if (!sameSite) throw new CrossSiteRequestError();
        return createContext({ headers: req.headers, resHeaders, app });
      },
    });
  };
}

/** `STEP_UP_MAX_BODY_BYTES`: a whole number of bytes, at least 16 KiB (a passkey registration must fit). */
export function parseMaxBodyBytes(value: string | undefined): number {
  if (value === undefined || value === "") return TRPC_MAX_BODY_BYTES;
  const bytes = Number(value);
  if (!Number.isInteger(bytes) || bytes < 16 * 1024)
    throw new Error(`STEP_UP_MAX_BODY_BYTES must be a number of bytes of at least 16384, not "${value}"`);
  return bytes;
}

function withoutBody(req: Request): Request {
  if (req.method === "GET" || req.method === "HEAD") return req;
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  return new Request(req.url, { method: req.method, headers, body: "", signal: req.signal });
}
