/**
 * Idempotent demo seed: `npm run db:seed`. Run with the react-server condition so server modules load.
 * Safe to run again: users, orgs and policies are upserted; alice's factors are reset to the documented ones.
 */
import { rulesSchema } from "@/step-up/engine";
import { createDatabase } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { demoSecret } from "@/server/crypto";
import { createCrypto } from "@/step-up/server/crypto";
import { hashBackupCode, legacyBackupCodeHash } from "@/step-up/methods/backup-code";
import {
  ADMIN_TOTP_SECRETS,
  ALICE_BACKUP_CODES,
  ALICE_TOTP_SECRET,
  DEFAULT_POLICIES,
  DEMO_ORGS,
  DEMO_PASSWORD,
  DEMO_USERS,
} from "./seed-data";

/** The demo's step-up secret: the same key the server's instance uses (src/server/step-up.ts). */
const crypto = createCrypto(demoSecret());

export async function seed(url?: string): Promise<void> {
  const db = createDatabase(url);
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const orgIds = new Map<string, string>();
    for (const org of DEMO_ORGS) {
      const row = await db.organization.upsert({ where: { slug: org.slug }, update: { name: org.name }, create: org });
      orgIds.set(org.slug, row.id);
    }
    for (const demo of DEMO_USERS) {
      const user = await db.user.upsert({
        where: { email: demo.email },
        update: {},
        create: { email: demo.email, name: demo.name, passwordHash, balanceMinor: demo.balanceMinor },
      });
      const organizationId = orgIds.get(demo.org)!;
      await db.membership.upsert({
        where: { userId_organizationId: { userId: user.id, organizationId } },
        update: { role: demo.role },
        create: { userId: user.id, organizationId, role: demo.role },
      });
      if (demo.email === "alice@example.com") await seedAliceFactors(db, user.id);
      if (demo.email in ADMIN_TOTP_SECRETS)
        await seedTotp(db, user.id, ADMIN_TOTP_SECRETS[demo.email as keyof typeof ADMIN_TOTP_SECRETS]);
    }
    for (const policy of DEFAULT_POLICIES) {
      const rules = rulesSchema.parse(policy.rules);
      const data = {
        name: policy.name,
        description: policy.description,
        priority: policy.priority,
        rules,
        organizationId: null,
        enabled: true,
        mode: "enforce",
      };
      await db.stepUpPolicy.upsert({ where: { id: policy.id }, update: {}, create: { id: policy.id, ...data } });
    }
  } finally {
    await db.$disconnect();
  }
}

type Db = ReturnType<typeof createDatabase>;

async function seedTotp(db: Db, userId: string, secret: string): Promise<void> {
  const existing = await db.stepUpTotpCredential.findUnique({ where: { userId } });
  if (!existing) {
    await db.stepUpTotpCredential.create({
      data: { userId, secretEncrypted: crypto.encrypt(secret), confirmedAt: new Date() },
    });
  }
}

async function seedAliceFactors(db: Db, userId: string): Promise<void> {
  await seedTotp(db, userId, ALICE_TOTP_SECRET);
  // Rows from before keyed hashing are rewritten in place (used ones stay used).
  for (const code of ALICE_BACKUP_CODES) {
    await db.stepUpBackupCode.updateMany({
      where: { userId, codeHash: legacyBackupCodeHash(code) },
      data: { codeHash: hashBackupCode(crypto, userId, code) },
    });
  }
  const codes = await db.stepUpBackupCode.count({ where: { userId } });
  if (codes === 0) {
    await db.stepUpBackupCode.createMany({
      data: ALICE_BACKUP_CODES.map((code) => ({ userId, codeHash: hashBackupCode(crypto, userId, code) })),
    });
  }
}

if (process.argv[1]?.endsWith("seed.ts")) {
  seed().then(
    () => process.stdout.write(`Seeded demo data. Sign in as alice@example.com / ${DEMO_PASSWORD}\n`),
    (error: unknown) => {
      process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
