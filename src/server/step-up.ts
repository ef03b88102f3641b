import "server-only";
import { createStepUp, parseConfig, type StepUpConfig } from "@step-up/next/server";
import { verifyPassword } from "./auth/password";
import { demoSecret } from "./crypto";
import { DEMO_AUDIT_EVENTS } from "./audit-events";
import type { Database } from "./db";
import { selectMailer, type Mailer } from "./mail";
import type { Context } from "./trpc";

/**
 * The demo's step-up instance: every port the module needs, from the demo's own tables and helpers.
 * A host writes exactly this kind of file (README, "Add step-up to your app").
 */
export function createDemoStepUp(options: {
  db: Database;
  now?: () => Date;
  config?: Partial<StepUpConfig>;
  mailer?: Mailer | null;
  env?: Record<string, string | undefined>;
  /** The demo's context for a route handler or Server Action (ADR 020); the app passes `createContext`. */
  requestContext?: (http: { headers: Headers; resHeaders: Headers }) => Promise<Context>;
}) {
  const { db } = options;
  const env = options.env ?? process.env;
  const mailer = options.mailer === undefined ? selectMailer(env) : options.mailer;
  return createStepUp<Context>({
    db,
    identity: ({ session }) =>
      session && {
        userId: session.userId,
        sessionId: session.id,
        authenticatedAt: session.authenticatedAt,
        organizationId: session.activeOrganizationId,
        isAdmin: session.role === "admin",
        sessionState: session.stepUpState,
      },
    http: (ctx) => ({ headers: ctx.request.headers, resHeaders: ctx.resHeaders, ip: ctx.request.ip }),
    requestContext: options.requestContext,
    users: {
      async verifyPassword(userId, password) {
        const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
        return user ? verifyPassword(user.passwordHash, password) : false;
      },
      async find(userId) {
        const user = await db.user.findUnique({
          where: { id: userId },
          select: { email: true, name: true, deletedAt: true },
        });
        return user && !user.deletedAt ? { email: user.email, name: user.name } : null;
      },
      async members(organizationId) {
        const rows = await db.membership.findMany({
          where: { organizationId: organizationId ?? undefined, user: { deletedAt: null } },
          select: { role: true, user: { select: { id: true, email: true, name: true } } },
        });
        return rows.map(({ role, user }) => ({
          userId: user.id,
          email: user.email,
          name: user.name,
          role: role === "admin" ? ("admin" as const) : ("member" as const),
        }));
      },
    },
    sessions: {
      async revokeOthers({ userId, keepSessionId }) {
        const { count } = await db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
        return count;
      },
    },
    mailer: mailer && { send: (message) => mailer.send(message, { db }) },
    secret: env.STEP_UP_ENCRYPTION_KEY ?? demoSecret(),
    relyingParty: {
      id: env.STEP_UP_RP_ID || "localhost",
      name: env.STEP_UP_RP_NAME || "Step-up demo",
      origin: env.STEP_UP_ORIGIN ?? "http://localhost:3000",
    },
    // The library default is "refuse"; STEP_UP_CONFIG (JSON) overrides any field for a demo run.
    config: options.config ?? parseStepUpConfigEnv(env),
    now: options.now,
    // The demo's own audit events (sign-in failures, email changes): stepUp.recordEvent writes them.
    auditEvents: DEMO_AUDIT_EVENTS,
    // Loopback and private-network endpoints only when asked for (development, tests): ADR 021.
    webhooks: { allowPrivateNetworks: env.STEP_UP_WEBHOOKS_ALLOW_PRIVATE === "1" },
  });
}

/** STEP_UP_CONFIG, e.g. `{"onUnavailable":"degrade"}`; bad values stop start-up with a readable message. */
export function parseStepUpConfigEnv(env: Record<string, string | undefined> = process.env): StepUpConfig {
  return parseConfig(env.STEP_UP_CONFIG ? (JSON.parse(env.STEP_UP_CONFIG) as unknown) : {});
}
