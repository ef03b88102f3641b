import "server-only";
import { createStepUp } from "@step-up/next/server";
import { verifyPassword } from "./auth/password";
import type { Context } from "./api/trpc";
import { db } from "./db";

export const stepUp = createStepUp<Context>({
  db,
  identity: ({ account, loginSession }) =>
    account && loginSession
      ? { userId: account.id, sessionId: loginSession.id, authenticatedAt: loginSession.signedInAt }
      : null,
  http: ({ headers, resHeaders }) => ({ headers, resHeaders, ip: null }),
  users: {
    async verifyPassword(accountId, password) {
      const account = await db.account.findUnique({ where: { id: accountId } });
      return account ? verifyPassword(account.passwordDigest, password) : false;
    },
    async find(accountId) {
      const account = await db.account.findUnique({ where: { id: accountId } });
      return account && { email: account.emailAddress, name: account.displayName };
    },
  },
  sessions: {
    // Removing a factor signs the account out everywhere else.
    revokeOthers: async ({ userId, keepSessionId }) =>
      (await db.loginSession.deleteMany({ where: { accountId: userId, id: { not: keepSessionId } } })).count,
  },
  secret: process.env.STEP_UP_SECRET,
  relyingParty: { id: "localhost", name: "T3 Billing", origin: process.env.APP_ORIGIN ?? "http://localhost:3500" },
});
