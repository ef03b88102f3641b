import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod/v4";
import type { StepUpDeclaration } from "./call-context";
import type { StepUpMeta } from "./catalog";
import { enforceInContext as enforce } from "./gate/enforce";
import type { StepUpContext } from "./session";

/**
 * The module's own tRPC instance, for building its procedures and their types. At run time its
 * routers are mounted in the host's router, so the host's transformer and errorFormatter apply
 * (`createStepUp` checks on first use that they fit: superjson-like Dates and `data.stepUp`).
 */
const t = initTRPC.context<object>().meta<StepUpMeta>().create({ transformer: superjson });

export const createTRPCRouter = t.router;

/** Maps the host's context to the module's (identity, headers, grants): one per instance. */
export type ContextResolver = (hostContext: unknown) => Promise<StepUpContext>;

export type Declared<TSchema extends z.ZodType, TContext = unknown> = StepUpDeclaration<z.output<TSchema>> & {
  input?: TSchema;
  /**
   * The procedure's own checks that need no step-up, run after input validation and before step-up is
   * decided: a call that would fail anyway (insufficient balance, a taken name) fails first, instead of
   * asking the user to verify for nothing. Throw a TRPCError to refuse; it must not change anything
   * (it runs again on the retry). `ctx` is the host's context.
   */
  precheck?: (args: { input: z.output<TSchema>; ctx: TContext }) => unknown;
};

/** The procedure kinds of the module's own routers, bound to one instance. */
export function createProcedures(resolve: ContextResolver) {
  const base = t.procedure.use(async ({ ctx, next }) => next({ ctx: await resolve(ctx) }));

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

  function stepUpProcedure<TSchema extends z.ZodType = z.ZodVoid>(declaration: Declared<TSchema> = {}) {
    const { input: schema, precheck, ...rest } = declaration;
    return protectedProcedure
      .meta(stepUpMeta(rest, schema))
      .input((schema ?? z.void()) as TSchema)
      .use(async ({ ctx, path, input, next }) => {
        await precheck?.({ input: input as z.output<TSchema>, ctx });
        await enforce(ctx, ctx.session, { path, input: input as z.output<TSchema>, declaration: rest });
        return next();
      });
  }

  /**
   * Admin changes: the admin check first, so a member never gets a step-up prompt for an admin action,
   * then step-up (default "high", never satisfied by a remembered device).
   */
  function adminStepUpProcedure<TSchema extends z.ZodType = z.ZodVoid>(declaration: Declared<TSchema> = {}) {
    const { input: schema, precheck, ...declared } = declaration;
    const rest = { ...declared, level: declared.level ?? ("high" as const), remember: false };
    return adminProcedure
      .meta(stepUpMeta(rest, schema))
      .input((schema ?? z.void()) as TSchema)
      .use(async ({ ctx, path, input, next }) => {
        await precheck?.({ input: input as z.output<TSchema>, ctx });
        await enforce(ctx, ctx.session, { path, input: input as z.output<TSchema>, declaration: rest });
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
    const { input: schema, precheck, ...rest } = declaration;
    return t.procedure
      .meta(stepUpMeta(rest, schema))
      .input((schema ?? z.void()) as TSchema)
      .use(async ({ ctx, path, input, next }) => {
        const context = await resolve(ctx);
        if (!context.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
        // After the sign-in check (a precheck may read the user's data), before step-up is decided.
        await precheck?.({ input: input as z.output<TSchema>, ctx: ctx as TContext });
        await enforce(context, context.session, { path, input: input as z.output<TSchema>, declaration: rest });
        return next();
      });
  }

  return { protectedProcedure, adminProcedure, stepUpProcedure, adminStepUpProcedure, hostProcedure };
}

export type Procedures = ReturnType<typeof createProcedures>;

export function stepUpMeta<TInput>(declaration: StepUpDeclaration<TInput>, schema: z.ZodType | undefined): StepUpMeta {
  const level = declaration.level ?? "low";
  return {
    stepUp: { level, info: { level, schema: schema ?? null, declaration: declaration as StepUpDeclaration<unknown> } },
  };
}
