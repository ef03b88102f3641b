import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "~/env";
import { PrismaClient } from "~/generated/prisma/client";

// Prisma's JavaScript engine over better-sqlite3: no engine download (prisma.config.ts).
const createPrismaClient = () =>
  new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: env.DATABASE_URL }),
    log: env.NODE_ENV === "development" ? ["query", "error", "warn"] : ["error"],
  });

const globalForPrisma = globalThis as unknown as {
  prisma: ReturnType<typeof createPrismaClient> | undefined;
};

export const db = globalForPrisma.prisma ?? createPrismaClient();

if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
