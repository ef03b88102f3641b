/**
 * tRPC set-up in one place (t3 style): 1. context, 2. initialisation, 3. procedure kinds.
 * Every procedure kind says what it guarantees about `ctx`.
 */
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import {
  formatStepUpError,
  readCookie,
  type StepUp,
  type StepUpMeta,
  type StepUpProcedureDeclaration,
} from "@step-up/next/server";
import { SESSION_COOKIE, validateSessionToken, type AuthSession } from "./auth/session";
import type { Database } from "./db";
import { describeHttpError } from "./errors";
import { getClientIp, parseTrustedProxyHops } from "./http/client-ip";
import type { Mailer } from "./mail";

/* ---------------------------------------------------------------- 1. Context */

export interface Context {
  db: Database;
  /** From the session cookie only; never from a header or the input. */
  session: AuthSession | null;
  request: { ip: string | null; userAgent: string | null; headers: Headers };
  /** Response headers: cookies and Retry-After are set here. */
  resHeaders: Headers;
  /** The app's clock (tests pass their own); the step-up instance is given the same one. */
  now: () => Date;
  /** Sends the email-change codes; null without SMTP in production. */
  mailer: Mailer | null;
  /** The step-up instance: audit events and credential changes go through it. */
  stepUp: StepUp;
}

/** What one app instance shares between its requests (src/server/app.ts). */
export interface AppServices {
  db: Database;
  now: () => Date;
  mailer: Mailer | null;
  stepUp: StepUp;
}

export interface CreateContextOptions {
  headers: Headers;
  resHeaders: Headers;
  app: AppServices;
  /** Proxies trusted to append to X-Forwarded-For; defaults to STEP_UP_TRUST_PROXY (none when unset). */
  trustedProxyHops?: number;
}

export async function createContext(options: CreateContextOptions): Promise<Context> {
  const { db, now, mailer, stepUp } = options.app;
  const token = readCookie(options.headers, SESSION_COOKIE);
  const session = token ? await validateSessionToken(db, token, now()) : null;
  return {
    db,
    session,
    request: {
      ip: getClientIp(options.headers, options.trustedProxyHops ?? defaultProxyHops()),
      userAgent: options.headers.get("user-agent"),
      headers: options.headers,
    },
    resHeaders: options.resHeaders,
    now,
    mailer,
    stepUp,
  };
}

let proxyHops: number | null = null;
function defaultProxyHops(): number {
  proxyHops ??= parseTrustedProxyHops(process.env.STEP_UP_TRUST_PROXY);
  return proxyHops;
}

/* ---------------------------------------------------------------- 2. Initialisation */

/** `auth` (who may call) and `stepUp` (set by stepUp.procedure): read by the admin procedures page. */
export type Meta = StepUpMeta;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      // `data.stepUp`: the refusal the step-up dialog reads (without it no dialog ever opens); a database
      // that cannot answer, here in createContext too, becomes 503 UNAVAILABLE (ADR 026).
      const withStepUp = formatStepUpError(shape, error);
      return {
        ...withStepUp,
        // Internal errors never leak their message to the client.
        message: withStepUp.data.code === "INTERNAL_SERVER_ERROR" ? "Something went wrong" : withStepUp.message,
        data: {
          ...withStepUp.data,
          /** SIGN_IN_THROTTLED (with retryAfter seconds) or CROSS_SITE; null otherwise. */
          refusal: describeHttpError(error),
          zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/* ---------------------------------------------------------------- 3. Procedures */

/** Anyone. `ctx.session` may be null. */
export const publicProcedure = t.procedure;

/** Signed-in users (level "low"). `ctx.session` is non-null. */
export const protectedProcedure = t.procedure.meta({ auth: "signed_in" }).use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

/**
 * Sensitive operations of one app instance: signed in, then step-up (the level the code's minimum and
 * the policies demand). Otherwise the call is refused with `error.data.stepUp` (STEP_UP_REQUIRED) and
 * succeeds when re-sent after verification. Usage:
 *   const stepUpProcedure = stepUpProcedures(stepUp);
 *   stepUpProcedure({ input: transferInput, amount: (i) => ({ value: i.amountMinor / 100, currency: i.currency }) })
 * `amount` and `resource` must read exactly the values the handler will act on.
 */
export function stepUpProcedures(stepUp: StepUp) {
  return <TSchema extends z.ZodType = z.ZodVoid>(
    declaration: StepUpProcedureDeclaration<TSchema, SignedInContext> = {},
  ) => protectedProcedure.concat(stepUp.procedure(declaration));
}

/** What a `precheck` sees: the context after the sign-in check. */
export type SignedInContext = Context & { session: AuthSession };
