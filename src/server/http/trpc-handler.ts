import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { StepUpServices } from "@/step-up/server/services";
import type { Database } from "../db";
import { appRouter } from "../routers/_app";
import { createContext } from "../trpc";

/**
 * The most calls one HTTP request may carry. The client's batch link splits at the same number
 * (src/trpc/providers.tsx); without a limit one request could carry hundreds of guesses.
 */
export const MAX_BATCH_SIZE = 10;

export interface TrpcHandlerOptions {
  db?: Database;
  stepUp?: StepUpServices;
}

/** The tRPC endpoint as a fetch handler; the route file only re-exports it (tests call it with a real Request). */
export function createTrpcHandler(options: TrpcHandlerOptions = {}): (req: Request) => Promise<Response> {
  return (req) =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ resHeaders }) =>
        createContext({ headers: req.headers, resHeaders, db: options.db, stepUp: options.stepUp }),
    });
}
