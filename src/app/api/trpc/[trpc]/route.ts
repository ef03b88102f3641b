import { getDemoApp } from "@/server/app";
import { createTrpcHandler } from "@/server/http/trpc-handler";

let handler: ((req: Request) => Promise<Response>) | null = null;

/** Built on the first request: the app (and its step-up secret) is not needed at build time. */
function handle(req: Request): Promise<Response> {
  handler ??= createTrpcHandler(getDemoApp());
  return handler(req);
}

export { handle as GET, handle as POST };
