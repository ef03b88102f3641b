import "server-only";
import { TRPCError } from "@trpc/server";
import type { Database } from "./db";
import type { StepUpSession } from "./session";
import { DEVICE_COOKIE, readCookie } from "./cookies";
import { decideCall } from "./decide";
import type { StepUpServices } from "./services";

/** Would this call need step-up for me right now, and why? Reads only; creates and consumes nothing. */
export async function dryRun(options: {
  db: Database;
  services: StepUpServices;
  session: StepUpSession;
  request: { ip: string | null; userAgent: string | null; headers: Headers };
  procedure: string;
  input?: unknown;
}) {
  const info = options.services.catalog.get(options.procedure);
  if (!info) throw new TRPCError({ code: "NOT_FOUND", message: `${options.procedure} is not a step-up procedure` });
  const parsed = info.schema ? info.schema.safeParse(options.input) : { success: true as const, data: options.input };
  if (!parsed.success)
    throw new TRPCError({ code: "BAD_REQUEST", message: "Input does not match the procedure", cause: parsed.error });
  const { decision } = await decideCall({
    db: options.db,
    services: options.services,
    session: options.session,
    request: {
      ip: options.request.ip,
      userAgent: options.request.userAgent,
      deviceToken: readCookie(options.request.headers, DEVICE_COOKIE),
    },
    path: options.procedure,
    input: parsed.data,
    declaration: info.declaration,
  });
  return {
    required: decision.required,
    level: decision.level,
    currentLevel: decision.currentLevel,
    reason: decision.reason,
    methods: decision.methods,
    degraded: decision.degraded,
    matchedRules: decision.matchedRules,
    wouldRequire: decision.wouldRequire,
    satisfiedBy: decision.satisfiedBy?.kind ?? null,
  };
}
