/**
 * `npm run db:seed`: one account, dana@example.com with password "billing-password-1" on the Starter plan.
 * Idempotent: running it again resets her password and plan.
 */
import { hashPassword } from "../src/server/auth/password";
import { createDatabase } from "../src/server/db";
import { SEED_ACCOUNT } from "./seed-data";

const db = createDatabase();
try {
  const { password, ...account } = SEED_ACCOUNT;
  const passwordDigest = await hashPassword(password);
  await db.account.upsert({
    where: { emailAddress: account.emailAddress },
    update: { passwordDigest, plan: account.plan },
    create: { ...account, passwordDigest },
  });
  process.stdout.write(`Seeded ${account.emailAddress}\n`);
} finally {
  await db.$disconnect();
}
