/**
 * tRPC set-up in one place (t3 style): 1. context, 2. initialisation, 3. procedure kinds.
 * Every procedure kind says what it guarantees about `ctx`.
 */
import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Level } from "@/step-up/engine";
import type { StepUpDeclaration } from "@/step-up/server/call-context";
import type { StepUpProcedureInfo } from "@/step-up/server/catalog";
import { findStepUpPayload } from "@/step-up/server/errors";
import { enforceStepUp } from "@/step-up/server/middleware";
import { createStepUpServices, type StepUpServices } from "@/step-up/server/services";
import { DEVICE_COOKIE, SESSION_COOKIE, readCookie } from "./auth/cookies";
import { validateSessionToken, type AuthSession } from "./auth/session";
import { db as defaultDb, type Database } from "./db";
import { describeHttpError } from "./errors";
import { getClientIp, parseTrustedProxyHops } from "./http/client-ip";

/* ---------------------------------------------------------------- 1. Context */

export interface Context {
  db: Database;
  /** From the session cookie only; never from a header or the input. */
  session: AuthSession | null;
  request: { ip: string | null; userAgent: string | null; headers: Headers };
  /** Response headers: cookies and Retry-After are set here. */
  resHeaders: Headers;
  stepUp: StepUpServices;
}

export interface CreateContextOptions {
  headers: Headers;
  resHeaders: Headers;
  db?: Database;
  stepUp?: StepUpServices;
  /** Proxies trusted to append to X-Forwarded-For; defaults to STEP_UP_TRUST_PROXY (none when unset). */
  trustedProxyHops?: number;
}

export async function createContext(options: CreateContextOptions): Promise<Context> {
  const db = options.db ?? defaultDb;
  const stepUp = options.stepUp ?? defaultServices();
  const token = readCookie(options.headers, SESSION_COOKIE);
  const session = token ? await validateSessionToken(db, token, stepUp.now()) : null;
  return {
    db,
    session,
    request: {
      ip: getClientIp(options.headers, options.trustedProxyHops ?? defaultProxyHops()),
      userAgent: options.headers.get("user-agent"),
      headers: options.headers,
    },
    resHeaders: options.resHeaders,
    stepUp,
  };
}

let services: StepUpServices | null = null;
function defaultServices(): StepUpServices {
  services ??= createStepUpServices();
  return services;
}

let proxyHops: number | null = null;
function defaultProxyHops(): number {
  proxyHops ??= parseTrustedProxyHops(process.env.STEP_UP_TRUST_PROXY);
  return proxyHops;
}

/* ---------------------------------------------------------------- 2. Initialisation */

export interface Meta {
  /** Who may call: set by protectedProcedure and adminProcedure (read by the admin procedures page). */
  auth?: "signed_in" | "admin";
  /** Declared minimum level of a step-up procedure (read by the admin procedures page). */
  stepUp?: { level: Level; info: StepUpProcedureInfo };
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const stepUp = findStepUpPayload(error);
      if (stepUp?.code === "LOCKED") shape.data.httpStatus = 429;
      return {
        ...shape,
        // Internal errors never leak their message to the client.
        message: shape.data.code === "INTERNAL_SERVER_ERROR" ? "Something went wrong" : shape.message,
        data: {
          ...shape.data,
          stepUp,
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
 * Admins of the active organization, checked on the server for every call.
 * `ctx.session.activeOrganizationId` is non-null and the caller's role there is "admin".
 */
export const adminProcedure = protectedProcedure.meta({ auth: "admin" }).use(({ ctx, next }) => {
  const { activeOrganizationId, role } = ctx.session;
  if (!activeOrganizationId || role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Admins only" });
  return next({ ctx: { ...ctx, session: { ...ctx.session, activeOrganizationId } } });
});

/**
 * Sensitive operations: signed in, and verified recently enough for the level that the code's
 * minimum and the policies demand. Otherwise the call is refused with `error.data.stepUp`
 * (STEP_UP_REQUIRED) and succeeds when re-sent after verification. Usage:
 *   stepUpProcedure({ input: transferInput, amount: (i) => ({ value: i.amountMinor / 100, currency: i.currency }) })
 * `amount` and `resource` must read exactly the values the handler will act on.
 */
export function stepUpProcedure<TSchema extends z.ZodType = z.ZodVoid>(
  declaration: StepUpDeclaration<z.output<TSchema>> & { input?: TSchema } = {},
) {
  const { input: schema, ...rest } = declaration;
  return protectedProcedure
    .meta(stepUpMeta(rest, schema))
    .input((schema ?? z.void()) as TSchema)
    .use(async ({ ctx, path, input, next }) => {
      await enforceDeclaration(ctx, { path, input: input as z.output<TSchema>, declaration: rest });
      return next();
    });
}

/**
 * Admin changes (policies, devices, passkeys): the admin check of `adminProcedure` first, so a
 * member never gets a step-up prompt for an admin action, then the step-up gate (default "high",
 * and never satisfied by a remembered device: an admin change always asks).
 */
export function adminStepUpProcedure<TSchema extends z.ZodType = z.ZodVoid>(
  declaration: StepUpDeclaration<z.output<TSchema>> & { input?: TSchema } = {},
) {
  const { input: schema, ...declared } = declaration;
  const rest = { ...declared, level: declared.level ?? ("high" as const), remember: false };
  return adminProcedure
    .meta(stepUpMeta(rest, schema))
    .input((schema ?? z.void()) as TSchema)
    .use(async ({ ctx, path, input, next }) => {
      await enforceDeclaration(ctx, { path, input: input as z.output<TSchema>, declaration: rest });
      return next();
    });
}

function stepUpMeta<TInput>(declaration: StepUpDeclaration<TInput>, schema: z.ZodType | undefined): Meta {
  const level = declaration.level ?? "low";
  return {
    stepUp: { level, info: { level, schema: schema ?? null, declaration: declaration as StepUpDeclaration<unknown> } },
  };
}

function enforceDeclaration<TInput>(
  ctx: Context & { session: AuthSession },
  call: { path: string; input: TInput; declaration: StepUpDeclaration<TInput> },
): Promise<void> {
  return enforceStepUp({
    db: ctx.db,
    services: ctx.stepUp,
    session: ctx.session,
    request: {
      ip: ctx.request.ip,
      userAgent: ctx.request.userAgent,
      deviceToken: readCookie(ctx.request.headers, DEVICE_COOKIE),
    },
    path: call.path,
    input: call.input,
    declaration: call.declaration,
  });
}
