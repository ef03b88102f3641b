import { randomBytes, randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod/v4";
import { createStepUp, formatStepUpError } from "../server/create-step-up";
import type { StepUpErrorReporter, StepUpIdentity } from "../server/ports";
import type { TestClock } from "./clock";
import { elevate } from "./elevate";
import { totpCode } from "./totp";
import type { TestInstanceOptions } from "./options";

/** What the kit's identity port reads: the session a test client was made for (null: signed out). */
export interface TestContext {
  session: StepUpIdentity | null;
  headers: Headers;
  resHeaders: Headers;
  ip: string | null;
}

export interface ReportedError {
  error: unknown;
  event: { event: string; path?: string };
}

/**
 * The bare instance behind `createTestStepUp`: `createStepUp` over the kit's ports, mounted in a tRPC
 * root of its own (superjson, the module's errorFormatter) beside three probe procedures — one per
 * level — that stand in for a host's protected calls.
 */
export function buildTestInstance(options: TestInstanceOptions & { clock: TestClock }) {
  const errors: ReportedError[] = [];
  const onError: StepUpErrorReporter = (error, event) => {
    errors.push({ error, event });
    options.onError?.(error, event);
  };
  const stepUp = createStepUp<TestContext>({
    db: options.db,
    users: options.users,
    mailer: options.mailer,
    sessions: options.sessions,
    secret: options.secret ?? randomBytes(32).toString("hex"),
    relyingParty: options.relyingParty,
    config: options.config,
    webhooks: options.webhooks,
    now: options.clock.now,
    onError,
    production: false,
    identity: (ctx) => ctx.session,
    http: (ctx) => ({ headers: ctx.headers, resHeaders: ctx.resHeaders, ip: ctx.ip }),
  });

  const t = initTRPC.context<TestContext>().create({
    transformer: superjson,
    errorFormatter: ({ shape, error }) => formatStepUpError(shape, error),
  });
  const signedIn = t.procedure.use(({ ctx, next }) => {
    if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
    return next();
  });
  const done = () => ({ ok: true as const });
  const router = stepUp.attach(
    t.router({
      stepUp: stepUp.router,
      probe: t.router({
        /** Needs medium (15-minute window by default). */
        medium: signedIn.concat(stepUp.procedure({ level: "medium", action: "A medium test call" })).mutation(done),
        /** Needs high (5-minute window by default). */
        high: signedIn.concat(stepUp.procedure({ level: "high", action: "A high test call" })).mutation(done),
        /** Needs critical: a grant for this very input, used once. */
        critical: signedIn
          .concat(
            stepUp.procedure({
              input: z.object({ note: z.string().max(200) }),
              level: "critical",
              action: "A critical test call",
              summary: (input) => `Critical test call: ${input.note}`,
            }),
          )
          .mutation(done),
      }),
    }),
  );
  const createCaller = t.createCallerFactory(router);

  /**
   * A browser-like client for `session`: each call gets fresh response headers (read them with
   * `lastHeaders()`, e.g. Retry-After) and the cookies earlier calls set (the remembered device).
   */
  function client(session: StepUpIdentity | null, clientOptions: { ip?: string | null; userAgent?: string } = {}) {
    const cookies = new Map<string, string>();
    let last = new Headers();
    // Calls run one after another in a test: the previous call's Set-Cookie is read when the next starts.
    const keepCookies = () => {
      for (const cookie of last.getSetCookie()) {
        const [pair = "", ...attributes] = cookie.split(";");
        const [name = "", ...value] = pair.split("=");
        if (attributes.some((a) => a.trim() === "Max-Age=0")) cookies.delete(name);
        else cookies.set(name, value.join("="));
      }
    };
    const api = createCaller(() => {
      keepCookies();
      const headers = new Headers({ "user-agent": clientOptions.userAgent ?? DEFAULT_USER_AGENT });
      if (cookies.size > 0) headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
      last = new Headers();
      return {
        session,
        headers,
        resHeaders: last,
        ip: clientOptions.ip === undefined ? "203.0.113.7" : clientOptions.ip,
      };
    });
    return {
      api,
      session,
      /** The response headers of the newest call (Retry-After, Set-Cookie…). */
      lastHeaders: () => last,
      /** The cookies the client holds (the remembered-device cookie), including the newest call's. */
      cookies: () => (keepCookies(), new Map(cookies)),
    };
  }

  /** A signed-in session of `userId` as the identity port reports it; `authenticatedAt` defaults to now. */
  function signIn(
    userId: string,
    session: Partial<Omit<StepUpIdentity, "userId" | "sessionState">> = {},
  ): StepUpIdentity {
    return {
      userId,
      sessionId: session.sessionId ?? `test-session-${randomUUID()}`,
      authenticatedAt: session.authenticatedAt ?? options.clock.now(),
      organizationId: session.organizationId ?? null,
      isAdmin: session.isAdmin ?? false,
    };
  }

  /**
   * Enrols factors for `userId` through the module's own security API, in a set-up session of its own
   * that `elevate` lets through (the user's other sessions get no grant from it).
   */
  const enroll = {
    /** An authenticator app; returns its base32 secret. The confirming code's 30-s step is used up. */
    totp: async (userId: string): Promise<{ secret: string }> => {
      const { api } = await setUpSession(userId);
      const { secret } = await api.stepUp.security.totp.begin();
      await api.stepUp.security.totp.confirm({ code: await totpCode(secret, options.clock.now()) });
      return { secret };
    },
    /** Ten new backup codes (replacing any earlier ones), each usable once. */
    backupCodes: async (userId: string): Promise<string[]> => {
      const { api } = await setUpSession(userId);
      return (await api.stepUp.security.backupCodes.generate()).codes;
    },
  };
  async function setUpSession(userId: string) {
    const session = signIn(userId);
    await elevate(stepUp, { userId, sessionId: session.sessionId, level: "high" });
    return client(session);
  }

  return { stepUp, router, client, signIn, enroll, errors };
}

const DEFAULT_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

export type TestInstance = ReturnType<typeof buildTestInstance>;
