import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/api/root";
import { createTRPCContext } from "~/server/api/trpc";
import { stepUp } from "~/server/step-up";

function handler(req: Request): Promise<Response> {
  // The cookie is SameSite=Lax; refusing other origins' POSTs as well closes the rest of the CSRF door.
  const origin = req.headers.get("origin");
  if (req.method === "POST" && origin !== null && origin !== new URL(req.url).origin)
    return Promise.resolve(new Response("Cross-site request refused", { status: 403 }));
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createTRPCContext({ headers: req.headers, resHeaders }),
    // Every 5xx logged once; a database outage answers 503 with Retry-After (the module's ADR 026).
    ...stepUp.trpcHandler,
  });
}

export { handler as GET, handler as POST };
