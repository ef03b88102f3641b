/**
 * `@step-up/next/adapters/better-auth`: better-auth as step-up's identity, users and sessions, so a
 * host writes no identity code. Sessions come from `auth.api.getSession`, passwords are checked with
 * better-auth's own hashing, and its session deletions end step-up's grants (ADR 035).
 *
 * @example
 * // src/server/auth.ts
 * export const stepUpAuth = createBetterAuthAdapter({ db, auth: () => auth });
 * export const auth = betterAuth({ database: prismaAdapter(db, { provider }), plugins: [stepUpAuth.plugin], … });
 * // src/server/step-up.ts
 * export const stepUp = createStepUp<Context>(stepUpAuth.ports); // + stepUp.attach(appRouter) in root.ts
 */
import "server-only";
import { checkDatabase, type StepUpPrismaClient } from "../../server/db";
import type {
  StepUpHttp,
  StepUpIdentity,
  StepUpMailMessage,
  StepUpMailer,
  StepUpSessions,
  StepUpUsers,
} from "../../server/ports";
import { endSessions } from "../../server/grants/grants";
import { endedSession, findPasswordHash, identityFromSession, type BetterAuthAccountRow } from "./mapping";

/** What the adapter uses of better-auth's `auth.$context` (better-auth 1.x's `AuthContext`). */
export interface BetterAuthContextLike {
  password: { verify(data: { password: string; hash: string }): Promise<boolean> };
  internalAdapter: {
    findUserById(userId: string): Promise<{ email: string; name: string } | null>;
    findAccounts(userId: string): Promise<BetterAuthAccountRow[]>;
    listSessions(userId: string): Promise<{ id: string; token: string }[]>;
    deleteSessions(sessionTokens: string[]): Promise<void>;
  };
}

/** What the adapter uses of the object `betterAuth({ … })` returns. */
export interface BetterAuthLike {
  api: {
    getSession(input: {
      headers: Headers;
      query: { disableCookieCache: true; disableRefresh: true };
    }): Promise<unknown>;
  };
  $context: Promise<BetterAuthContextLike>;
}

export interface BetterAuthAdapterOptions {
  /** Your Prisma client with step-up's models: the sign-out hook ends grants with it. */
  db: StepUpPrismaClient;
  /** Your better-auth instance, as a function: it is declared after the adapter, whose plugin it takes. */
  auth: () => BetterAuthLike;
  /** Sends step-up's email codes with your mailer; without it email codes are never offered. */
  sendMail?: (message: StepUpMailMessage) => Promise<void>;
  now?: () => Date;
}

/** What the adapter reads from your tRPC context. */
export interface BetterAuthContext {
  headers: Headers;
  /** Where step-up sets its device cookie and Retry-After: the fetch adapter's `resHeaders`. */
  resHeaders?: Headers;
}

/** Maps better-auth's sessions and users to step-up's ports, and gives the plugin that ends grants on sign-out. */
export function createBetterAuthAdapter(options: BetterAuthAdapterOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const internals = async () => (await options.auth().$context).internalAdapter;

  const identity = async (ctx: BetterAuthContext): Promise<StepUpIdentity | null> =>
    // A fresh read: a cached session cookie would still name a session revoked minutes ago. No refresh:
    // it would move the row's expiry and set a cookie this call cannot send; the host's own read does it (ADR 035).
    identityFromSession(
      await options.auth().api.getSession({
        headers: ctx.headers,
        query: { disableCookieCache: true, disableRefresh: true },
      }),
    );

  const users: StepUpUsers = {
    async find(userId) {
      const adapter = await internals();
      const user = await adapter.findUserById(userId);
      if (!user) return null;
      const hasPassword = findPasswordHash(await adapter.findAccounts(userId)) !== null;
      return { email: user.email, name: user.name, hasPassword };
    },
    async verifyPassword(userId, password) {
      const context = await options.auth().$context;
      const hash = findPasswordHash(await context.internalAdapter.findAccounts(userId));
      return hash === null ? false : context.password.verify({ hash, password });
    },
  };

  // Through better-auth's own deletion, so its secondary storage and its delete hooks (ours included) run.
  const sessions: StepUpSessions = {
    async revokeOthers({ userId, keepSessionId }) {
      const adapter = await internals();
      const others = (await adapter.listSessions(userId)).filter((session) => session.id !== keepSessionId);
      if (others.length > 0) await adapter.deleteSessions(others.map((session) => session.token));
      return others.length;
    },
  };

  // No client IP: behind a proxy only the host knows which X-Forwarded-For hop to trust.
  const http = (ctx: BetterAuthContext): StepUpHttp => ({
    headers: ctx.headers,
    resHeaders: ctx.resHeaders ?? new Headers(),
  });

  const mailer: StepUpMailer | undefined = options.sendMail ? { send: options.sendMail } : undefined;

  const onSessionDeleted = async (row: unknown): Promise<void> => {
    const ended = endedSession(row);
    if (!ended) return;
    await checkDatabase(db).$transaction((tx) => endSessions(tx, ended, now()));
  };

  return {
    /** Spread into `createStepUp({ ...stepUpAuth.ports, … })`: db, identity, http, users, sessions and mailer. */
    ports: { db, identity, http, users, sessions, mailer },
    /**
     * Put into better-auth's `plugins`: each deleted session (sign-out, revocation, expiry clean-up)
     * ends its step-up grants, with your Prisma client (no step-up instance, so no import cycle).
     */
    plugin: {
      id: "step-up",
      init: () => ({ options: { databaseHooks: { session: { delete: { after: onSessionDeleted } } } } }),
    },
  };
}

export type BetterAuthAdapter = ReturnType<typeof createBetterAuthAdapter>;
export { CREDENTIAL_PROVIDER } from "./mapping";
