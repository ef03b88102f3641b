/**
 * Read-only looks into the multi-instance suite's PostgreSQL database (INSTANCES_DATABASE_URL, set by
 * playwright.instances.config.ts): what the two servers together actually did.
 */
import pg from "pg";

let pool: pg.Pool | null = null;

function db(): pg.Pool {
  const url = process.env.INSTANCES_DATABASE_URL;
  if (!url) throw new Error("INSTANCES_DATABASE_URL is not set: run through playwright.instances.config.ts");
  pool ??= new pg.Pool({ connectionString: url, max: 2 });
  return pool;
}

async function count(sql: string, ...params: unknown[]): Promise<number> {
  const { rows } = await db().query<{ n: number }>(sql, params);
  return rows[0]!.n;
}

export function countAttempts(requirementId: string): Promise<number> {
  return count(`SELECT count(*)::int AS n FROM "StepUpAttempt" WHERE "requirementId" = $1`, requirementId);
}

export function countUserAttempts(userId: string): Promise<number> {
  return count(`SELECT count(*)::int AS n FROM "StepUpAttempt" WHERE "userId" = $1`, userId);
}

export function countTransfers(email: string): Promise<number> {
  return count(
    `SELECT count(*)::int AS n FROM "Transfer" t JOIN "User" u ON u."id" = t."userId" WHERE u."email" = $1`,
    email,
  );
}

export async function nameOf(email: string): Promise<string> {
  const { rows } = await db().query<{ name: string }>(`SELECT "name" FROM "User" WHERE "email" = $1`, [email]);
  return rows[0]!.name;
}

/** Every protected call counted so far, by both servers (StepUpCallStat). */
export function sumCallStats(): Promise<number> {
  return count(`SELECT coalesce(sum("count"), 0)::int AS n FROM "StepUpCallStat"`);
}

export function grantsOf(requirementId: string): Promise<number> {
  return count(`SELECT count(*)::int AS n FROM "StepUpGrant" WHERE "requirementId" = $1`, requirementId);
}

export function countUsedBackupCodes(userId: string): Promise<number> {
  return count(
    `SELECT count(*)::int AS n FROM "StepUpBackupCode" WHERE "userId" = $1 AND "usedAt" IS NOT NULL`,
    userId,
  );
}

export async function verifiedMethodsOf(requirementId: string): Promise<string[]> {
  const { rows } = await db().query<{ methods: string[] }>(
    `SELECT "verifiedMethods" AS methods FROM "StepUpRequirement" WHERE "id" = $1`,
    [requirementId],
  );
  return rows[0]!.methods;
}

export async function closeDb(): Promise<void> {
  await pool?.end();
  pool = null;
}
