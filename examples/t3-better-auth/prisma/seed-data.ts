/** The seeded users, shared by the seed and the browser tests. */
export const SEED_USERS = {
  pat: { email: "pat@example.com", password: "pat-password-1" },
  nora: { email: "nora@example.com" },
} as const;
