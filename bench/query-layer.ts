/**
 * What one indexed read costs through each layer on PostgreSQL: the demo's session lookup as it runs by
 * default (Prisma), its optional optimisation (`SESSION_LOOKUP=sql`: one joined query) on the `pg` pool
 * (ADR 025) and through Prisma's `$queryRaw`, a Prisma `findUnique`, and the same row through the `pg`
 * driver alone.
 * The README's benchmark targets ask a signed-in request to cost ≤ 1.25× a refused one; these figures say how much of a
 * request's budget one Prisma query takes, whatever the session code does.
 */
import pg from "pg";
import { createDatabase, type Database } from "@/server/db";
import { createSession, validateSessionToken } from "@/server/auth/session";

export interface QueryLayerFigures {
  sessionLookupDefaultUs: number;
  sessionLookupUs: number;
  sessionLookupPrismaUs: number;
  prismaReadUs: number;
  driverReadUs: number;
}

export async function benchQueryLayer(url: string, iterations = 2000): Promise<QueryLayerFigures> {
  const db = createDatabase(url);
  const driver = new pg.Client({ connectionString: url });
  await driver.connect();
  try {
    const user = await db.user.findFirstOrThrow({ select: { id: true } });
    const { token } = await createSession(db, {
      userId: user.id,
      organizationId: null,
      ip: null,
      userAgent: null,
      now: new Date(),
    });
    const select = { id: true, email: true, name: true, balanceMinor: true, currency: true } as const;
    const sessionLookupDefaultUs = await perCall(iterations, () => validateSessionToken(db, token, new Date()));
    const previous = process.env.SESSION_LOOKUP;
    process.env.SESSION_LOOKUP = "sql";
    try {
      return {
        sessionLookupDefaultUs,
        sessionLookupUs: await perCall(iterations, () => validateSessionToken(db, token, new Date())),
        // A wrapped client has no known pool, so the same lookup goes through Prisma (src/server/db.ts).
        sessionLookupPrismaUs: await perCall(iterations, () =>
          validateSessionToken(new Proxy(db, {}) as Database, token, new Date()),
        ),
        prismaReadUs: await perCall(iterations, () => db.user.findUniqueOrThrow({ where: { id: user.id }, select })),
        driverReadUs: await perCall(iterations, () =>
          driver.query('SELECT "id", "email", "name", "balanceMinor", "currency" FROM "User" WHERE "id" = $1', [
            user.id,
          ]),
        ),
      };
    } finally {
      if (previous === undefined) delete process.env.SESSION_LOOKUP;
      else process.env.SESSION_LOOKUP = previous;
    }
  } finally {
    await driver.end();
    await db.$disconnect();
  }
}

/** Sequential calls after a warm-up: latency per call in µs, database round trip included. */
async function perCall(iterations: number, call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(300, iterations); i++) await call();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await call();
  return ((performance.now() - started) / iterations) * 1000;
}
