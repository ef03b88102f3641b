import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod/v4";
import type { StepUpMeta } from "./catalog";
import { createGate, type Declared } from "./gate/gate";
import type { StepUpContext } from "./session";
import { setRetryAfter } from "./unavailable";

/**
 * The module's own tRPC instance, for building its procedures and their types. At run time its
 * routers are mounted in the host's router, so the host's transformer and errorFormatter apply
 * (`createStepUp` checks on first use that they fit: superjson-like Dates and `data.stepUp`).
 */
const t = initTRPC.context<object>().meta<StepUpMeta>().create({ transformer: superjson });

export const createTRPCRouter = t.router;

/** Maps the host's context to the module's (identity, headers, grants): one per instance. */
export type ContextResolver = (hostContext: unknown) => Promise<StepUpContext>;

export type { Declared };

/** The procedure kinds of the module's own routers, bound to one instance. */
export function createProcedures(resolve: ContextResolver) {
  const base = t.procedure
    .use(async ({ ctx, next }) => next({ ctx: await resolve(ctx) }))
    // The one place a refusal's Retry-After reaches the response (LOCKED, RESEND_THROTTLED, UNAVAILABLE);
    // `stepUp.trpcHandler` adds it from the same function where no context exists (ADR 026).
    .use(async ({ ctx, next }) => {
      const result = await next();
      if (!result.ok) setRetryAfter(ctx.resHeaders, result.error);
      return result;
    });

  /** Signed-in callers. `ctx.session` is non-null. */
  const protectedProcedure = base.meta({ auth: "signed_in" }).use(({ ctx, next }) => {
    if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
    return next({ ctx: { ...ctx, session: ctx.session } });
  });

  /** Admins (identity's `isAdmin`) of their active organization, checked on every call. */
  const adminProcedure = protectedProcedure.meta({ auth: "admin" }).use(({ ctx, next }) => {
    const { activeOrganizationId, role } = ctx.session;
    if (!activeOrganizationId || role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Admins only" });
    return next({ ctx: { ...ctx, session: { ...ctx.session, activeOrganizationId } } });
  });

  /** The module's own step-up procedures; `precheck` receives the module's context. */
  function stepUpProcedure<TSchema extends z.ZodType = z.ZodVoid>(declaration: Declared<TSchema, StepUpContext> = {}) {
    const gate = createGate(declaration);
    return protectedProcedure
      .meta(gate.meta)
      .input(gate.schema)
      .use(async ({ ctx, path, input, next }) => {
        await gate.pass({ context: ctx, hostCtx: ctx, path, input: input as z.output<TSchema> });
        return next();
      });
  }

  /**
   * Admin changes: the admin check first, so a member never gets a step-up prompt for an admin action,
   * then step-up (default "high", never satisfied by a remembered device).
   */
  function adminStepUpProcedure<TSchema extends z.ZodType = z.ZodVoid>(
    declaration: Declared<TSchema, StepUpContext> = {},
  ) {
    const gate = createGate({ ...declaration, level: declaration.level ?? ("high" as const), remember: false });
    return adminProcedure
      .meta(gate.meta)
      .input(gate.schema)
      .use(async ({ ctx, path, input, next }) => {
        await gate.pass({ context: ctx, hostCtx: ctx, path, input: input as z.output<TSchema> });
        return next();
      });
  }

  /**
   * For the host: a builder to `.concat()` onto its own signed-in procedure. It leaves the host's
   * `ctx` untouched; it only refuses (STEP_UP_REQUIRED) or lets the call through.
   */
  function hostProcedure<TSchema extends z.ZodType = z.ZodVoid, TContext = unknown>(
    declaration: Declared<TSchema, TContext> = {},
  ) {
    const gate = createGate(declaration);
    return t.procedure
      .meta(gate.meta)
      .input(gate.schema)
      .use(async ({ ctx, path, input, next }) => {
        await gate.pass({
          context: await resolve(ctx),
          hostCtx: ctx as TContext,
          path,
          input: input as z.output<TSchema>,
        });
        return next();
      });
  }

  return { protectedProcedure, adminProcedure, stepUpProcedure, adminStepUpProcedure, hostProcedure };
}

export type Procedures = ReturnType<typeof createProcedures>;
