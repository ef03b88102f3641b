/** The one seeded account (prisma/seed.ts); the e2e tests sign in with it. */
export const SEED_ACCOUNT = {
  emailAddress: "dana@example.com",
  displayName: "Dana Whitfield",
  password: "billing-password-1",
  plan: "starter",
};
