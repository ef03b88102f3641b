/**
 * tRPC set-up, t3 style: 1. context, 2. initialisation, 3. procedures.
 */
import "server-only";
import { formatStepUpError } from "@step-up/next/server";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { findLoginSession, readLoginCookie } from "../auth/login-session";
import { db } from "../db";

/* 1. Context: who is calling, from the login cookie only. */

export async function createTRPCContext(options: { headers: Headers; resHeaders: Headers }) {
  const signedIn = await findLoginSession(db, readLoginCookie(options.headers));
  return {
    db,
    account: signedIn?.account ?? null,
    loginSession: signedIn?.loginSession ?? null,
    headers: options.headers,
    /** Response headers: the sign-in and sign-out procedures set the cookie here. */
    resHeaders: options.resHeaders,
  };
}

export type Context = Awaited<ReturnType<typeof createTRPCContext>>;

/* 2. Initialisation */

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Adds `data.stepUp` to refusals: the client's stepUpLink opens the dialog from it.
  errorFormatter: ({ shape, error }) => formatStepUpError(shape, error),
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/* 3. Procedures */

/** Anyone; `ctx.account` may be null. */
export const publicProcedure = t.procedure;

/** Signed-in accounts; `ctx.account` and `ctx.loginSession` are non-null. */
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.account || !ctx.loginSession) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, account: ctx.account, loginSession: ctx.loginSession } });
});
