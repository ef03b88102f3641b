import "server-only";
import { auditCsvResponse } from "./admin/audit-csv";
import { createAuditTriggerCheck, type AuditTriggerMode } from "./audit-triggers";
import type { RouterLike } from "./catalog";
import { purgeExpired, scheduleCleanup, type CleanupResult } from "./cleanup";
import type { StepUpTransaction, Transaction } from "./db";
import { findStepUpPayload, StepUpError, stepUpFailure } from "./errors";
import type { StepUpHttp, StepUpIdentity } from "./ports";
import { stepUpRouter } from "./router";
import { createStepUpServices, type StepUpServiceOptions, type StepUpServices } from "./services";
import { buildSession, parseHttp, parseIdentity, requestOf, type StepUpContext } from "./session";
import { writeAudit, type AuditEventInput } from "./audit/audit";
import { endSessions, revokeUserGrantsAndDevices, type EndedSessions } from "./grants/grants";
import { createProcedures, type Declared } from "./trpc";
import { createWebhookWorker } from "./webhooks/worker";
import { isDatabaseUnavailable, reportOnce, trpcFailureHandling, UNAVAILABLE_RETRY_AFTER_SECONDS } from "./unavailable";
import { checkWiring } from "./wiring";
import { createServerAction, type ActionDeclaration, type ActionOptions } from "./http/action";
import { createRouteHandler, type HttpDeps, type RouteCall, type RouteDeclaration } from "./http/with-step-up";
import type { z } from "zod/v4";

export interface StepUpOptions<TContext> extends StepUpServiceOptions {
  /** Who is calling, from your tRPC context; null when nobody is signed in. */
  identity: (ctx: TContext) => StepUpIdentity | null | Promise<StepUpIdentity | null>;
  /** The call's request and response headers (and the client IP you trust), from your tRPC context. */
  http: (ctx: TContext) => StepUpHttp;
  /**
   * Your context for a request outside tRPC (a route handler or Server Action guarded by `withStepUp` /
   * `action`): usually your tRPC `createContext`. Needed only when you guard such endpoints (ADR 020).
   */
  requestContext?: (http: { headers: Headers; resHeaders: Headers }) => TContext | Promise<TContext>;
  /**
   * When the first call finds the audit log's append-only triggers missing: "refuse" (the default in
   * production) serves nothing until they exist; "log" (the default elsewhere) reports once through
   * `onError` and serves. ADR 032.
   */
  auditTriggers?: AuditTriggerMode;
}

/** What the host's tRPC errorFormatter returns, with `data.stepUp` added. */
type Shape = { message: string; data: object & { httpStatus?: number; code?: string } };

/**
 * Adds `data.stepUp` (the refusal the client's dialog reads) to your error shape; a
 * database that cannot answer — in your context, your procedure or the gate — 503 UNAVAILABLE (ADR 026).
 * Stateless: `errorFormatter: ({ shape, error }) => formatStepUpError(shape, error)` in your initTRPC.
 */
export function formatStepUpError<TShape extends Shape>(shape: TShape, error: unknown) {
  const stepUp = findStepUpPayload(error);
  if (!stepUp && isDatabaseUnavailable(error)) {
    const unavailable = stepUpFailure({ code: "UNAVAILABLE", retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS });
    const data = { ...shape.data, code: unavailable.code, httpStatus: 503, stepUp: unavailable.payload };
    // The driver's message (host names, SQL) never reaches the client.
    return { ...shape, message: unavailable.message, data };
  }
  // The status is already the error's own (LOCKED is TOO_MANY_REQUESTS: 429).
  return { ...shape, data: { ...shape.data, stepUp } };
}

/**
 * One step-up instance: everything it caches, counts and schedules lives here, never in module state.
 * Wire it once (see the README's "Add step-up to your app").
 */
export function createStepUp<TContext extends object = object>(options: StepUpOptions<TContext>) {
  if (typeof options.identity !== "function") throw new Error("createStepUp: missing identity: (ctx) => …");
  if (typeof options.http !== "function") throw new Error("createStepUp: missing http: (ctx) => ({ headers, … })");
  // The host's root router mounts `stepUp.router`, so it is handed over afterwards (`attach`): the host's
  // step-up file never imports its root router, and no import cycle joins them.
  let appRouter: RouterLike | null = null;
  const services = createStepUpServices(options, () => {
    if (!appRouter)
      throw new Error(
        "createStepUp: call stepUp.attach(appRouter) where your app router is built (it mounts stepUp.router)",
      );
    return appRouter;
  });
  const webhookWorker = createWebhookWorker(
    { db: services.db, crypto: services.crypto, now: services.now, ...services.webhooks },
    (error) => services.onError(error, { event: "webhooks.delivery_failed" }),
  );
  const checkAuditTriggers = createAuditTriggerCheck({
    db: services.db,
    mode: options.auditTriggers ?? (services.webhooks.production ? "refuse" : "log"),
    onError: services.onError,
  });
  let wired = false;

  // Fails closed: whatever stops the caller's context from resolving (the identity or http port, the
  // wiring or audit-trigger check) is reported before it refuses the call (test "fail-closed").
  const resolve = async (hostContext: unknown): Promise<StepUpContext> => {
    try {
      return await resolveContext(hostContext);
    } catch (error) {
      if (!(error instanceof StepUpError)) reportOnce(services.onError, error, { event: "context.failed" });
      throw error;
    }
  };
  const resolveContext = async (hostContext: unknown): Promise<StepUpContext> => {
    if (!wired) {
      services.crypto.check();
      void services.relyingParty; // throws in production without relyingParty or STEP_UP_ORIGIN
      checkWiring(services.catalog.router());
      await checkAuditTriggers();
      wired = true;
    }
    const context = hostContext as TContext;
    const http = parseHttp(options.http(context));
    const identity = parseIdentity(await options.identity(context));
    return {
      db: services.db,
      stepUp: services,
      session: identity ? await buildSessionOrRefuse(services, identity) : null,
      request: requestOf(http),
      resHeaders: http.resHeaders,
    };
  };
  const procedures = createProcedures(resolve);
  const httpDeps: HttpDeps<TContext> = {
    services,
    hostContext: async (http) => {
      if (!options.requestContext)
        throw new Error("createStepUp: withStepUp/action need requestContext: ({ headers, resHeaders }) => ctx");
      return options.requestContext(http);
    },
    resolve,
  };

  return {
    /** Mount as `stepUp` in your app router: verify, challenge, status…, `security.*` and `admin.*`. */
    router: stepUpRouter(procedures),
    /**
     * Hands the instance your app router, once it exists (its procedures are the admin catalog; its
     * initTRPC is checked on the first call): `export const appRouter = createTRPCRouter({ …, stepUp:
     * stepUp.router }); stepUp.attach(appRouter);`. Returns the router.
     */
    attach<TRouter extends RouterLike>(router: TRouter): TRouter {
      appRouter = router;
      return router;
    },
    /**
     * A procedure builder to `.concat()` onto your signed-in procedure:
     * `protectedProcedure.concat(stepUp.procedure({ input, level: "medium", action: "Changing your plan" }))`.
     * `amount` and `resource` must read exactly the values the handler acts on.
     */
    procedure: <TSchema extends z.ZodType = z.ZodVoid, TContext = unknown>(
      declaration: Declared<TSchema, TContext> = {},
    ) => procedures.hostProcedure(declaration),
    /**
     * A Next route handler behind the same gate as `procedure`: `export const POST = stepUp.withStepUp(
     * ({ input }) => Response.json(…), { endpoint: "POST /api/v1/transfers", input, level: "high" })`.
     * Refusals answer 401 with an RFC 9470 `WWW-Authenticate` challenge (ADR 020).
     */
    withStepUp: <TSchema extends z.ZodType = z.ZodVoid>(
      handler: (call: RouteCall<z.output<TSchema>, TContext>) => Response | Promise<Response>,
      declaration: RouteDeclaration<TSchema, TContext>,
    ) => createRouteHandler(httpDeps, handler, declaration),
    /**
     * A Server Action behind the same gate: returns `{ ok: true, data }` or `{ ok: false, error }` whose
     * `error.data.stepUp` the client's `useStepUpAction` turns into the dialog and a retry.
     */
    action: <TSchema extends z.ZodType, TResult>(
      declaration: ActionDeclaration<TSchema, TContext>,
      fn: (call: Omit<RouteCall<z.output<TSchema>, TContext>, "request">) => TResult | Promise<TResult>,
      actionOptions?: ActionOptions,
    ) => createServerAction(httpDeps, declaration, fn, actionOptions),
    /**
     * For your tRPC route's handler, one line: `fetchRequestHandler({ …, ...stepUp.trpcHandler })`. Logs every
     * 5xx once through `onError` (with its cause) and adds Retry-After to a 503 UNAVAILABLE (ADR 026).
     */
    trpcHandler: trpcFailureHandling(services.onError),

    /**
     * Call after a password (or other credential you own) changes, in the same transaction when it is
     * on this database: the user's grants and remembered devices were earned with the old one.
     */
    async credentialChanged(input: {
      userId: string;
      organizationId?: string | null;
      request?: { ip: string | null; userAgent: string | null };
      reason?: string;
      /** Your transaction, when the credential changed in one on this database. */
      tx?: StepUpTransaction;
    }): Promise<{ grants: number; devices: number }> {
      const run = async (tx: Transaction) => {
        const now = services.now();
        const revoked = await revokeUserGrantsAndDevices(tx, input.userId, now);
        await writeAudit(tx, {
          type: "stepup.grants_revoked",
          userId: input.userId,
          organizationId: input.organizationId ?? null,
          ip: input.request?.ip ?? null,
          userAgent: input.request?.userAgent ?? null,
          at: now,
          data: { reason: input.reason ?? "password_changed", ...revoked },
        });
        return revoked;
      };
      return input.tx ? run(input.tx as Transaction) : services.db.$transaction(run);
    },

    /**
     * Call when sessions end (sign-out, sessions revoked, account deleted) — the module cannot see your
     * session table: their grants are revoked at once, so no admin page shows them live.
     */
    async sessionEnded(input: EndedSessions, options: { tx?: StepUpTransaction } = {}): Promise<void> {
      const run = (db: Transaction) => endSessions(db, input, services.now());
      await (options.tx ? run(options.tx as Transaction) : services.db.$transaction(run));
    },

    /**
     * Appends a security event to the step-up audit log (and its webhooks), in your transaction when `tx`
     * is given. Your own event names are declared in `auditEvents`; the risk score reads `auth.signed_in`.
     */
    async recordEvent(event: AuditEventInput, options: { tx?: StepUpTransaction } = {}): Promise<void> {
      const { types, host } = services.auditEvents;
      if (!types.includes(event.type))
        throw new Error(`stepUp.recordEvent: "${event.type}" is not declared; add it to createStepUp({ auditEvents })`);
      const severity = event.severity ?? host[event.type as keyof typeof host];
      await writeAudit((options.tx as Transaction | undefined) ?? services.db, { ...event, severity });
    },

    /** A route handler's response for the admin audit CSV, for the identity you resolved from the request. */
    auditCsv: (request: Request, identity: StepUpIdentity | null): Promise<Response> =>
      auditCsvResponse({ db: services.db, users: services.users, request, identity, now: services.now() }),

    /** Deletes expired step-up state once. Idempotent: safe on every instance at once. */
    cleanup: (): Promise<CleanupResult> => purgeExpired(services.db, services.now()),
    /** Runs `cleanup` every 10 minutes (e.g. from instrumentation.ts); returns a function that stops it. */
    scheduleCleanup: (intervalMs?: number) =>
      scheduleCleanup(services.db, {
        intervalMs,
        now: services.now,
        onError: (error) => services.onError(error, { event: "cleanup.failed" }),
      }),
    /**
     * Security-event webhooks (ADR 021): `start()` polls the outbox every 2 s (e.g. from
     * instrumentation.ts, next to scheduleCleanup) and returns a stop function; `deliverDue()` runs one pass.
     */
    webhooks: {
      start: (intervalMs?: number) => webhookWorker.start(intervalMs),
      deliverDue: () => webhookWorker.runOnce(),
    },
    /** Writes the protected-call counts held in memory and stops the timers it owns (tests, shutdown). */
    async close(): Promise<void> {
      await webhookWorker.stop();
      services.callStats.stop();
      await services.callStats.flush();
    },
    /** The instance's services, for tests and benchmarks. @internal */
    services: services as StepUpServices,
  };
}

/**
 * The session's step-up state, or UNAVAILABLE when it cannot be read: fail closed like the gate
 * (gate/enforce.ts), reporting the cause first (test "fail-closed" in packages/step-up/test).
 */
async function buildSessionOrRefuse(services: StepUpServices, identity: StepUpIdentity) {
  try {
    return await buildSession(services, identity);
  } catch (error) {
    reportOnce(services.onError, error, { event: "session_state.unavailable" });
    throw stepUpFailure({ code: "UNAVAILABLE", retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS }, { cause: error });
  }
}

/** One instance; `TContext` is your context type (what route handlers and actions receive as `ctx`). */
export type StepUp<TContext extends object = object> = ReturnType<typeof createStepUp<TContext>>;
export type StepUpRouter = StepUp["router"];
export type { RouterLike };
