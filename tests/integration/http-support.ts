import { createTrpcHandler } from "@/server/http/trpc-handler";
import type { Database } from "@/server/db";
import { createTestApp, type Clock } from "./harness";

export const APP_ORIGIN = "http://localhost:3000";

/**
 * The real tRPC fetch handler (what /api/trpc/[trpc]/route.ts serves) over a test database:
 * for what lives at the HTTP layer (cookies, origin checks, batch limits, status codes, headers).
 */
export function createHttpApi(db: Database, clock: Clock) {
  const handler = createTrpcHandler(createTestApp(db, clock), { allowedOrigins: [APP_ORIGIN] });
  return {
    /** GET a query; `input` is superjson-wrapped. */
    query(path: string, options: { input?: unknown; headers?: Record<string, string> } = {}) {
      const url = new URL(`/api/trpc/${path}`, APP_ORIGIN);
      if (options.input !== undefined) url.searchParams.set("input", JSON.stringify({ json: options.input }));
      return handler(new Request(url, { headers: options.headers }));
    },
    /** POST one mutation, or a batch when `path` lists several comma-separated calls. */
    mutate(path: string, input: unknown, options: { headers?: Record<string, string>; batch?: number } = {}) {
      const batch = options.batch;
      const url = new URL(
        `/api/trpc/${batch ? Array.from({ length: batch }, () => path).join(",") : path}`,
        APP_ORIGIN,
      );
      if (batch) url.searchParams.set("batch", "1");
      const body = batch
        ? Object.fromEntries(Array.from({ length: batch }, (_, i) => [String(i), { json: input }]))
        : { json: input };
      return handler(
        new Request(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...options.headers },
          body: JSON.stringify(body),
        }),
      );
    },
  };
}
