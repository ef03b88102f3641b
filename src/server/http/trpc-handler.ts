import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { DemoApp } from "../app";
import { CrossSiteRequestError } from "../errors";
import { createContext } from "../trpc";
import { isSameSiteRequest } from "@step-up/next/server";
import { SHED_RETRY_AFTER_SECONDS, withLoadShedding, type LoadSheddingOptions } from "./load-shedding";

/**
 * The most calls one HTTP request may carry. The client's batch link splits at the same number
 * (src/trpc/providers.tsx); without a limit one request could carry hundreds of guesses.
 */
export const MAX_BATCH_SIZE = 10;

export interface TrpcHandlerOptions {
  /** Origins a state-changing request may come from; defaults to the relying party's (STEP_UP_ORIGIN). */
  allowedOrigins?: readonly string[];
  /** Defaults to the environment's (load-shedding.ts, ADR 027). */
  loadShedding?: LoadSheddingOptions;
}

/** The tRPC endpoint as a fetch handler; the route file only re-exports it (tests call it with a real Request). */
export function createTrpcHandler(app: DemoApp, options: TrpcHandlerOptions = {}): (req: Request) => Promise<Response> {
  const allowedOrigins = options.allowedOrigins ?? app.stepUp.services.relyingParty.origins;
  const handle = (req: Request) =>
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
  return withLoadShedding(handle, overloadedResponse, options.loadShedding);
}

/**
 * What a shed request gets, in tRPC's own error format (one entry per call of a batch): 503 with
 * `stepUp.code = "UNAVAILABLE"`, as for a database outage, and Retry-After. Nothing was read or run.
 */
function overloadedResponse(req: Request): Response {
  const url = new URL(req.url);
  const paths = decodeURIComponent(url.pathname.replace(/^\/api\/trpc\/?/, "")).split(",");
  const errorOf = (path: string) => ({
    error: {
      json: {
        message: "The server is busy. Try again in a moment.",
        code: -32603,
        data: {
          code: "SERVICE_UNAVAILABLE",
          httpStatus: 503,
          path,
          stepUp: { code: "UNAVAILABLE", retryAfter: SHED_RETRY_AFTER_SECONDS },
          refusal: null,
          zodError: null,
        },
      },
    },
  });
  const body = url.searchParams.get("batch") === "1" ? paths.map(errorOf) : errorOf(paths[0] ?? "");
  return Response.json(body, {
    status: 503,
    headers: { "Retry-After": String(SHED_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}
