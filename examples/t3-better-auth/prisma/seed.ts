import { randomUUID } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { hashPassword } from "better-auth/crypto";
import { PrismaClient } from "../src/generated/prisma/client";
import { SEED_USERS } from "./seed-data";

const db = new PrismaClient({
  adapter: new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./prisma/dev.db" }),
});

// Pat has a password (better-auth keeps it on a `credential` account); Nora signs in by email link only.
const pat = await db.user.create({ data: { id: randomUUID(), email: SEED_USERS.pat.email, name: "Pat" } });
await db.account.create({
  data: {
    id: randomUUID(),
    userId: pat.id,
    providerId: "credential",
    accountId: pat.id,
    password: await hashPassword(SEED_USERS.pat.password),
  },
});
await db.user.create({ data: { id: randomUUID(), email: SEED_USERS.nora.email, name: "Nora" } });
await db.$disconnect();
