import "server-only";
import { TRPCError } from "@trpc/server";
import type { z } from "zod/v4";
import type { StepUpPayload } from "../../shared/payload";
import { StepUpError } from "../errors";
import type { StepUpContext, StepUpSession } from "../session";
import { isSameSiteRequest } from "../http/same-site";
import type { Declared, Gate } from "./gate";

/** The words of `stepUp.procedure` (input, level, action, amount, resource, precheck), for a call outside tRPC. */
export type EndpointDeclaration<TSchema extends z.ZodType, TContext> = Declared<TSchema, TContext>;

/** Why a call outside tRPC was refused before its handler ran: each maps to one HTTP status (with-step-up.ts). */
export type GuardRefusal =
  | { kind: "cross_site" }
  | { kind: "unauthenticated" }
  /** The body was too large (413), not JSON (415) or not parseable (400): checked after sign-in, before zod. */
  | { kind: "unreadable_body"; status: 400 | 413 | 415; code: string; message: string }
  | { kind: "invalid_input"; error: z.ZodError }
  /** The precheck (or step-up) threw a TRPCError of its own, e.g. "Insufficient balance". */
  | { kind: "refused"; error: TRPCError }
  | { kind: "step_up"; error: StepUpError; payload: StepUpPayload };

export type GuardResult<TInput, TContext> =
  { ok: true; input: TInput; ctx: TContext; session: StepUpSession } | { ok: false; refusal: GuardRefusal };

/** Where the call's input comes from: a route's body (read only once the caller is known) or an action's argument. */
export interface GuardInput {
  /** Checks on headers alone, after the same-site check and before the session is looked up (Content-Length). */
  checkHeaders?: () => GuardRefusal | null;
  read: () => Promise<{ ok: true; value: unknown } | { ok: false; refusal: GuardRefusal }>;
}

export interface GuardOptions<TSchema extends z.ZodType, TContext> {
  /** The catalog name the policies match and the call hash binds: `http:POST /api/v1/transfers`. */
  name: string;
  method: string;
  headers: Headers;
  allowedOrigins: readonly string[];
  input: GuardInput;
  gate: Gate<TSchema, TContext>;
  hostContext: () => Promise<TContext>;
  resolve: (hostContext: TContext) => Promise<StepUpContext>;
}

/**
 * The tRPC route's checks in the same order, for a route handler or a Server Action: same site → declared
 * body size → signed in → body (size as read, media type, JSON) → zod input → precheck → step-up (the one
 * gate, `Gate.pass`). Nothing reads the body before the caller is known (ADR 029). Unexpected errors
 * propagate: the caller answers 500 and the handler never runs (fail closed).
 */
export async function guardCall<TSchema extends z.ZodType, TContext>(
  options: GuardOptions<TSchema, TContext>,
): Promise<GuardResult<z.output<TSchema>, TContext>> {
  if (!isSameSiteRequest(options, options.allowedOrigins)) return refused({ kind: "cross_site" });
  const oversize = options.input.checkHeaders?.();
  if (oversize) return refused(oversize);
  const ctx = await options.hostContext();
  const context = await options.resolve(ctx);
  if (!context.session) return refused({ kind: "unauthenticated" });
  const raw = await options.input.read();
  if (!raw.ok) return refused(raw.refusal);
  const parsed = options.gate.schema.safeParse(raw.value);
  if (!parsed.success) return refused({ kind: "invalid_input", error: parsed.error });
  const input = parsed.data as z.output<TSchema>;
  try {
    await options.gate.pass({ context, hostCtx: ctx, path: options.name, input });
  } catch (error) {
    if (error instanceof StepUpError) return refused({ kind: "step_up", error, payload: error.payload });
    if (error instanceof TRPCError) return refused({ kind: "refused", error });
    throw error;
  }
  return { ok: true, input, ctx, session: context.session };
}

function refused(refusal: GuardRefusal): { ok: false; refusal: GuardRefusal } {
  return { ok: false, refusal };
}
