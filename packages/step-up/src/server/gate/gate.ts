import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod/v4";
import type { StepUpDeclaration } from "../call-context";
import type { StepUpMeta, StepUpProcedureInfo } from "../catalog";
import type { StepUpContext, StepUpSession } from "../session";
import { enforceInContext } from "./enforce";

/** What a step-up procedure, route handler or Server Action declares: the policy words, input schema, precheck. */
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

/** One declaration, prepared once when its procedure, route or action is built. */
export interface Gate<TSchema extends z.ZodType, TContext> {
  /** The input schema (z.void() when none is declared). */
  schema: TSchema;
  /** The catalog entry the admin pages and the wiring read. */
  meta: StepUpMeta;
  info: StepUpProcedureInfo;
  /**
   * The gate for one call, whatever carried it (tRPC, a route handler, a Server Action): signed in →
   * precheck → step-up (enforce.ts). Returns the session it let through; throws a TRPCError to refuse
   * (UNAUTHORIZED, the precheck's own, StepUpError STEP_UP_REQUIRED or UNAVAILABLE with its cause).
   */
  pass(call: {
    context: StepUpContext;
    hostCtx: TContext;
    path: string;
    input: z.output<TSchema>;
  }): Promise<StepUpSession>;
}

export function createGate<TSchema extends z.ZodType, TContext>(
  declaration: Declared<TSchema, TContext>,
): Gate<TSchema, TContext> {
  const { input: schema, precheck, ...rest } = declaration;
  const meta = stepUpMeta(rest, schema);
  return {
    schema: (schema ?? z.void()) as TSchema,
    meta,
    info: meta.stepUp!.info,
    async pass({ context, hostCtx, path, input }) {
      const session = context.session;
      if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
      // After the sign-in check (a precheck may read the user's data), before step-up is decided.
      await precheck?.({ input, ctx: hostCtx });
      await enforceInContext(context, session, { path, input, declaration: rest });
      return session;
    },
  };
}

export function stepUpMeta<TInput>(declaration: StepUpDeclaration<TInput>, schema: z.ZodType | undefined): StepUpMeta {
  const level = declaration.level ?? "low";
  return {
    stepUp: { level, info: { level, schema: schema ?? null, declaration: declaration as StepUpDeclaration<unknown> } },
  };
}
