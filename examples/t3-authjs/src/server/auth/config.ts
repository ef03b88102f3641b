import { PrismaAdapter } from "@auth/prisma-adapter";
import { createAuthjsAdapter } from "@step-up/next/adapters/authjs";
import { type DefaultSession, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { env } from "~/env";
import { db } from "~/server/db";
import { sendDevMail } from "~/server/mail/dev-outbox";
import { verifyPasswordHash } from "./password";

/**
 * Module augmentation for `next-auth` types. Allows us to add custom properties to the `session`
 * object and keep type safety.
 *
 * @see https://next-auth.js.org/getting-started/typescript#module-augmentation
 */
declare module "next-auth" {
  interface Session extends DefaultSession {
    user: {
      id: string;
      // ...other properties
      // role: UserRole;
    } & DefaultSession["user"];
  }
}

const strategy = env.AUTH_SESSION_STRATEGY;

/** Step-up's view of Auth.js: identity, users, sessions, mailer, and the sign-out hook. */
export const authjs = createAuthjsAdapter({
  db,
  strategy,
  passwords: {
    has: async (id) => !!(await db.user.findUnique({ where: { id } }))?.passwordHash,
    verify: async (id, password) =>
      verifyPasswordHash((await db.user.findUnique({ where: { id } }))?.passwordHash ?? null, password),
  },
  sendMail: sendDevMail,
});

/** Users with a password of this app (JWT sessions only: Auth.js refuses Credentials with database sessions). */
const passwordSignIn = Credentials({
  credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
  async authorize(credentials) {
    if (typeof credentials.email !== "string" || typeof credentials.password !== "string") return null;
    const user = await db.user.findUnique({ where: { email: credentials.email } });
    return user && (await verifyPasswordHash(user.passwordHash, credentials.password)) ? user : null;
  },
});

/**
 * Options for NextAuth.js used to configure adapters, providers, callbacks, etc.
 *
 * @see https://next-auth.js.org/configuration/options
 */
export const authConfig = {
  providers: [
    // Sign-in links by email (no password in the app), sent by the development mailer.
    {
      id: "email",
      type: "email",
      name: "Email",
      maxAge: 10 * 60,
      sendVerificationRequest: ({ identifier, url }) => sendDevMail({ to: identifier, subject: "Sign in", text: url }),
    },
    ...(strategy === "jwt" ? [passwordSignIn] : []),
  ],
  adapter: PrismaAdapter(db),
  session: { strategy },
  events: authjs.events,
  callbacks: {
    jwt: authjs.callbacks.jwt,
    session: ({ session, user, token }) =>
      authjs.callbacks.session({
        session: { ...session, user: { ...session.user, id: user?.id ?? token?.sub ?? "" } },
        token,
      }),
  },
} satisfies NextAuthConfig;
