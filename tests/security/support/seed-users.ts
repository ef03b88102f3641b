/**
 * Seeds the attack catalog's own accounts (accounts.ts) after `npm run db:seed`, into the database
 * playwright.security.config.ts gives the server. Run with the react-server condition, like the demo seed.
 * Uses the app's own hashing and encryption, so a change there (e.g. keyed backup-code hashes) follows.
 */
import { createDatabase } from "@/server/db";
import { hashPassword } from "@/server/auth/password";
import { demoSecret } from "@/server/crypto";
import { createCrypto, hashBackupCode } from "@step-up/next/testing/server";
import {
  ACCOUNTS,
  ACME_POLICY_ID,
  SECURITY_BACKUP_CODES,
  SECURITY_BALANCE_MINOR,
  SECURITY_PASSWORD,
  SECURITY_TOTP_SECRET,
} from "./accounts";

/** The demo's step-up secret: the same key the server's instance uses (src/server/step-up.ts). */
const crypto = createCrypto(demoSecret());

async function seedSecurityUsers(): Promise<void> {
  const db = createDatabase();
  try {
    const passwordHash = await hashPassword(SECURITY_PASSWORD);
    const orgs = new Map((await db.organization.findMany()).map((o) => [o.slug, o.id]));
    for (const spec of Object.values(ACCOUNTS)) {
      const organizationId = orgs.get(spec.org);
      if (!organizationId) throw new Error(`Organization ${spec.org} missing: run the demo seed first`);
      const user = await db.user.create({
        data: {
          email: spec.email,
          name: spec.email.split("@")[0]!,
          passwordHash,
          balanceMinor: SECURITY_BALANCE_MINOR,
        },
      });
      await db.membership.create({ data: { userId: user.id, organizationId, role: spec.role } });
      if (spec.factors !== "full") continue;
      await db.stepUpTotpCredential.create({
        data: { userId: user.id, secretEncrypted: crypto.encrypt(SECURITY_TOTP_SECRET), confirmedAt: new Date() },
      });
      const codeHashes = SECURITY_BACKUP_CODES.map((code) => hashBackupCode(crypto, user.id, code));
      await db.stepUpBackupCode.createMany({ data: codeHashes.map((codeHash) => ({ userId: user.id, codeHash })) });
    }
    await db.stepUpPolicy.create({
      data: {
        id: ACME_POLICY_ID,
        name: "Security catalog: acme-only policy",
        description: "Target of the cross-organization policy attacks; matches no procedure.",
        priority: 1,
        rules: [{ kind: "procedure", pattern: "securityCatalog.none", level: "medium" }],
        organizationId: orgs.get("acme")!,
        enabled: false,
        mode: "enforce",
      },
    });
  } finally {
    await db.$disconnect();
  }
}

seedSecurityUsers().then(
  () => process.stdout.write(`Seeded ${Object.keys(ACCOUNTS).length} security-catalog accounts\n`),
  (error: unknown) => {
    process.stderr.write(
      `Seeding the security accounts failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
