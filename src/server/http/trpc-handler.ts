import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { DemoApp } from "../app";
import { CrossSiteRequestError } from "../errors";
import { createContext } from "../trpc";
import { isSameSiteRequest } from "@step-up/next/server";

/**
 * The most calls one HTTP request may carry. The client's batch link splits at the same number
 * (src/trpc/providers.tsx); without a limit one request could carry hundreds of guesses.
 */
export const MAX_BATCH_SIZE = 10;

export interface TrpcHandlerOptions {
  /** Origins a state-changing request may come from; defaults to the relying party's (STEP_UP_ORIGIN). */
  allowedOrigins?: readonly string[];
}

/** The tRPC endpoint as a fetch handler; the route file only re-exports it (tests call it with a real Request). */
export function createTrpcHandler(app: DemoApp, options: TrpcHandlerOptions = {}): (req: Request) => Promise<Response> {
  const allowedOrigins = options.allowedOrigins ?? app.stepUp.services.relyingParty.origins;
  return (req) =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: app.router,
      maxBatchSize: MAX_BATCH_SIZE,
      // Every 5xx logged once with its cause; Retry-After on 503 UNAVAILABLE (ADR 026).
      ...app.stepUp.trpcHandler,
      createContext: ({ resHeaders }) => {
        // Thrown here, before any procedure runs: tRPC answers every call of the batch with a 403.
        if (!isSameSiteRequest(req, allowedOrigins)) throw new CrossSiteRequestError();
        return createContext({ headers: req.headers, resHeaders, app });
      },
    });
}
