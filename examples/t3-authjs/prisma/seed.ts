import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../src/generated/prisma/client";
import { hashPassword } from "../src/server/auth/password";
import { SEED_USERS } from "./seed-data";

// Run with `tsx --conditions=react-server` (the password module is server-only).
const db = new PrismaClient({
  adapter: new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./prisma/dev.db" }),
});

// Pat has a password of this app; Nora signs in by email link only (and has no name: Auth.js allows none).
await db.user.create({
  data: { email: SEED_USERS.pat.email, name: "Pat", passwordHash: await hashPassword(SEED_USERS.pat.password) },
});
await db.user.create({ data: { email: SEED_USERS.nora.email } });
await db.$disconnect();
