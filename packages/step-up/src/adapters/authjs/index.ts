/**
 * `@step-up/next/adapters/authjs`: Auth.js v5 (NextAuth) as step-up's identity, users and sessions, so
 * a create-t3-app host writes no identity code. Database sessions (`@auth/prisma-adapter`, t3's
 * default) and JWT sessions; see ADR 033 for how each finds the session id and the sign-in time.
 *
 * @example
 * // src/server/auth/config.ts
 * export const authjs = createAuthjsAdapter({ db });
 * export const authConfig = { adapter: PrismaAdapter(db), events: authjs.events, … } satisfies NextAuthConfig;
 * // src/server/step-up.ts
 * export const stepUp = createStepUp<Context>(authjs.ports); // + stepUp.attach(appRouter) in root.ts
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
import { endedDatabaseSession, findDatabaseSession, type AuthjsSessionDelegate } from "./database-sessions";
import { endedJwtSession, exposeClaims, identityFromSession, stampSignIn } from "./jwt-sessions";
import { AUTHJS_SESSION_COOKIES, readSessionToken } from "./session-cookie";

/** The host's Prisma client: Auth.js's `User` and `Session` models and step-up's own. */
export type AuthjsPrismaClient = StepUpPrismaClient & {
  session: AuthjsSessionDelegate;
  user: {
    findUnique(args: { where: { id: string }; select: { email: true; name: true } }): PromiseLike<{
      email: string | null;
      name: string | null;
    } | null>;
  };
};

/** Passwords the host keeps itself (a Credentials provider): checked with its own hashing. */
export interface AuthjsPasswords {
  /** Whether this user has a password; users without one are never offered `password`. */
  has(userId: string): boolean | Promise<boolean>;
  verify(userId: string, password: string): Promise<boolean>;
}

export interface AuthjsAdapterOptions {
  db: AuthjsPrismaClient;
  /** Auth.js's `session.strategy`; "database" (the default with a database adapter, as t3 ships it) or "jwt". */
  strategy?: "database" | "jwt";
  /** Omit when users sign in only at an OAuth/OpenID provider: nobody is then offered a password. */
  passwords?: AuthjsPasswords;
  /** Sends step-up's email codes with your mailer; without it email codes are never offered. */
  sendMail?: (message: StepUpMailMessage) => Promise<void>;
  /** Database sessions: the session cookie names to read, in order (Auth.js's defaults otherwise). */
  cookieNames?: readonly string[];
  now?: () => Date;
}

/** What the adapter reads from your tRPC context: t3's `createTRPCContext` has these. */
export interface AuthjsContext {
  headers: Headers;
  /** Where step-up sets its device cookie and Retry-After: the fetch adapter's `resHeaders`. */
  resHeaders?: Headers;
  /** `await auth()`: read with JWT sessions only. */
  session?: unknown;
}

/** Maps Auth.js's sessions and users to step-up's ports, and gives the Auth.js hooks step-up needs. */
export function createAuthjsAdapter(options: AuthjsAdapterOptions) {
  const { db, passwords } = options;
  const strategy = options.strategy ?? "database";
  const now = options.now ?? (() => new Date());
  const cookieNames = options.cookieNames ?? AUTHJS_SESSION_COOKIES;

  const identity = async (ctx: AuthjsContext): Promise<StepUpIdentity | null> => {
    if (strategy === "jwt") return identityFromSession(ctx.session);
    const token = readSessionToken(ctx.headers, cookieNames);
    return token ? findDatabaseSession(db.session, token, now()) : null;
  };

  const users: StepUpUsers = {
    async find(userId) {
      const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
      if (!user) return null;
      return { email: user.email, name: user.name, hasPassword: passwords ? await passwords.has(userId) : false };
    },
    verifyPassword: async (userId, password) => (passwords ? passwords.verify(userId, password) : false),
  };

  // JWT sessions cannot be ended from the server: no `sessions` port, so removing a factor revokes grants only.
  const sessions: StepUpSessions | undefined =
    strategy === "database"
      ? {
          revokeOthers: async ({ userId, keepSessionId }) =>
            (await db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } })).count,
        }
      : undefined;

  // No client IP: behind a proxy only the host knows which X-Forwarded-For hop to trust.
  const http = (ctx: AuthjsContext): StepUpHttp => ({
    headers: ctx.headers,
    resHeaders: ctx.resHeaders ?? new Headers(),
  });

  const mailer: StepUpMailer | undefined = options.sendMail ? { send: options.sendMail } : undefined;

  return {
    /** Spread into `createStepUp({ ...authjs.ports, … })`: db, identity, http, users, sessions and mailer. */
    ports: { db, identity, http, users, sessions, mailer },
    /** Auth.js `events`: a sign-out revokes that session's step-up grants (no step-up instance needed). */
    events: {
      async signOut(message: object): Promise<void> {
        const ended = strategy === "jwt" ? endedJwtSession(message) : endedDatabaseSession(message);
        if (!ended) return;
        await checkDatabase(db).$transaction((tx) => endSessions(tx, ended, now()));
      },
    },
    /** Auth.js `callbacks` for JWT sessions: stamp a session id and the sign-in time into the token. */
    callbacks: {
      jwt: <T extends object>(params: { token: T; user?: unknown }) => stampSignIn(params, now()),
      session: <S extends object>(params: { session: S; token?: unknown }) => exposeClaims(params),
    },
  };
}

export type AuthjsAdapter = ReturnType<typeof createAuthjsAdapter>;
export { AUTHJS_SESSION_COOKIES } from "./session-cookie";
