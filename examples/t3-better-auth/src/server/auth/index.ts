import "server-only";
import { createBetterAuthAdapter } from "@step-up/next/adapters/better-auth";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { magicLink } from "better-auth/plugins";

import { db } from "~/server/db";
import { sendDevMail } from "~/server/mail/dev-outbox";

/** Step-up's view of better-auth: identity, users, sessions, mailer, and the plugin that ends grants on sign-out. */
export const stepUpAuth = createBetterAuthAdapter({ db, auth: () => auth, sendMail: sendDevMail });

// Secret and URL from BETTER_AUTH_SECRET and BETTER_AUTH_URL.
export const auth = betterAuth({
  database: prismaAdapter(db, { provider: "sqlite" }),
  emailAndPassword: { enabled: true },
  telemetry: { enabled: false },
  plugins: [
    stepUpAuth.plugin,
    // Users without a password sign in by email link: step-up must never offer them a password.
    magicLink({ sendMagicLink: ({ email, url }) => sendDevMail({ to: email, subject: "Sign in", text: url }) }),
    nextCookies(),
  ],
});
