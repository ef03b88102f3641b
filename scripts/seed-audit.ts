/**
 * `npm run seed:audit`: appends 100,000 realistic audit rows (30 days, Acme's members) plus some for
 * Globex, and matching protected-call counters, so the admin audit page can be measured
 * (`npm run bench:audit`). Run `npm run db:seed` first. `--rows=N` changes the count; `--one-organization`
 * writes every row to Acme. On PostgreSQL rows go in through the `pg` driver, 5,000 per INSERT
 * (a million in about a minute); elsewhere through Prisma's createMany.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createDatabase } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";

const DAY_MS = 86_400_000;
const DAYS = 30;
const BATCH = 2_000;
const PG_BATCH = 5_000;
const IPS = ["203.0.113.7", "198.51.100.23", "192.0.2.66", "203.0.113.90"];

// The metric columns (day, requirementId, procedure) are derived when a batch is written, as writeAudit derives them.
type Row = Omit<Prisma.StepUpAuditEventCreateManyInput, "day" | "requirementId" | "procedure">;

function withMetricColumns(row: Row): Prisma.StepUpAuditEventCreateManyInput {
  const data = row.data as { requirementId?: string; procedure?: string };
  return {
    ...row,
    day: new Date(row.createdAt!).toISOString().slice(0, 10),
    requirementId: data.requirementId ?? null,
    procedure: row.type === "stepup.required" ? (data.procedure ?? null) : null,
  };
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

/** One refused call and what followed it: verification (usually), failures, sometimes a lockout. */
function requirementStory(base: Omit<Row, "type" | "data" | "createdAt" | "severity">, at: number): Row[] {
  const requirementId = randomUUID();
  const level = pick(["medium", "medium", "high", "critical"]);
  const procedure = pick(["transfers.create", "account.changeEmail", "account.changePassword", "apiKeys.create"]);
  const rows: Row[] = [
    {
      ...base,
      type: "stepup.required",
      severity: "info",
      createdAt: new Date(at),
      data: { requirementId, procedure, level },
    },
  ];
  let t = at + 3_000 + Math.random() * 20_000;
  const failures = Math.random() < 0.2 ? 1 + Math.floor(Math.random() * 5) : 0;
  for (let i = 0; i < failures; i++, t += 4_000 + Math.random() * 10_000) {
    rows.push({
      ...base,
      type: "stepup.failed",
      severity: "warning",
      createdAt: new Date(t),
      data: { requirementId, method: "totp", failure: "invalid", attempt: i + 1 },
    });
  }
  if (failures === 5)
    return [
      ...rows,
      {
        ...base,
        type: "stepup.locked",
        severity: "critical",
        createdAt: new Date(t),
        data: { requirementId, scope: "requirement" },
      },
    ];
  if (Math.random() < 0.15)
    return [
      ...rows,
      {
        ...base,
        type: "stepup.cancelled",
        severity: "info",
        createdAt: new Date(t),
        data: { requirementId, procedure },
      },
    ];
  rows.push({
    ...base,
    type: "stepup.initiated",
    severity: "info",
    createdAt: new Date(t),
    data: { requirementId, method: "password" },
  });
  t += 5_000 + Math.random() * 60_000;
  rows.push({
    ...base,
    type: "stepup.verified",
    severity: "info",
    createdAt: new Date(t),
    secondsToVerify: (t - at) / 1000,
    data: { requirementId, level, methods: ["password", "totp"], procedure },
  });
  return rows;
}

function singleEvent(base: Omit<Row, "type" | "data" | "createdAt" | "severity">, at: number): Row {
  const type = pick([
    "auth.signed_in",
    "auth.signed_in",
    "stepup.bypassed",
    "stepup.bypassed",
    "stepup.would_require",
    "stepup.device_remembered",
    "auth.sign_in_failed",
    "auth.signed_out",
  ] as const);
  const severity = type === "auth.sign_in_failed" ? "warning" : "info";
  return { ...base, type, severity, createdAt: new Date(at), data: { procedure: "transfers.create", note: "seeded" } };
}

async function main(): Promise<void> {
  const total = Number(process.argv.find((a) => a.startsWith("--rows="))?.slice(7) ?? 100_000);
  const oneOrganization = process.argv.includes("--one-organization");
  const db = createDatabase();
  const url = process.env.DATABASE_URL ?? "";
  const pool = /^postgres(ql)?:/.test(url) ? new pg.Pool({ connectionString: url, max: 1 }) : null;
  try {
    const orgs = await db.organization.findMany({ include: { memberships: { select: { userId: true } } } });
    const acme = orgs.find((o) => o.slug === "acme");
    const globex = orgs.find((o) => o.slug === "globex");
    if (!acme || !globex) throw new Error("Run `npm run db:seed` first (organizations acme and globex)");
    const end = Date.now();
    let written = 0;
    let batch: Row[] = [];
    const flush = async () => {
      const rows = batch.map(withMetricColumns);
      if (pool) await insertWithDriver(pool, rows);
      else await db.stepUpAuditEvent.createMany({ data: rows });
      written += batch.length;
      batch = [];
      if (written % 100_000 < (pool ? PG_BATCH : BATCH)) process.stdout.write(`  ${written.toLocaleString("en-US")}\n`);
    };
    while (written + batch.length < total) {
      // About one row in fifty goes to Globex, so cross-organization filtering is exercised too.
      const org = !oneOrganization && Math.random() < 0.02 ? globex : acme;
      const userId = pick(org.memberships).userId;
      const base = { organizationId: org.id, userId, actorId: userId, ip: pick(IPS), userAgent: "seed-audit" };
      const at = end - Math.random() * DAYS * DAY_MS;
      batch.push(...(Math.random() < 0.45 ? requirementStory(base, at) : [singleEvent(base, at)]));
      if (batch.length >= (pool ? PG_BATCH : BATCH)) await flush();
    }
    batch = batch.slice(0, total - written);
    await flush();
    await seedCallCounters(db, acme.id, end);
    process.stdout.write(
      `Appended ${written.toLocaleString("en-US")} audit rows (${(await db.stepUpAuditEvent.count()).toLocaleString("en-US")} in total).\n`,
    );
  } finally {
    await pool?.end();
    await db.$disconnect();
  }
}

const COLUMNS = [
  ["id", "text"],
  ["type", "text"],
  ["severity", "text"],
  ["userId", "text"],
  ["organizationId", "text"],
  ["actorId", "text"],
  ["ip", "text"],
  ["userAgent", "text"],
  ["data", "jsonb"],
  ["createdAt", "timestamptz"],
  ["day", "text"],
  ["requirementId", "text"],
  ["secondsToVerify", "float8"],
  ["procedure", "text"],
] as const;

/** One INSERT … SELECT FROM unnest(arrays) per batch: one round trip and one plan for thousands of rows. */
async function insertWithDriver(pool: pg.Pool, rows: Prisma.StepUpAuditEventCreateManyInput[]): Promise<void> {
  const values = COLUMNS.map(([column]) =>
    rows.map((row) => {
      if (column === "id") return row.id ?? randomUUID();
      if (column === "data") return JSON.stringify(row.data);
      if (column === "createdAt") return new Date(row.createdAt!).toISOString();
      return row[column] ?? null;
    }),
  );
  const names = COLUMNS.map(([column]) => `"${column}"`).join(", ");
  // createdAt is a UTC timestamp without a zone, as Prisma writes it.
  const selected = COLUMNS.map(([column], i) =>
    column === "createdAt" ? `(c${i} AT TIME ZONE 'UTC')` : column === "data" ? `c${i}::jsonb` : `c${i}`,
  ).join(", ");
  const arrays = COLUMNS.map(([, type], i) => `$${i + 1}::${type === "jsonb" ? "text" : type}[]`).join(", ");
  const aliases = COLUMNS.map((_, i) => `c${i}`).join(", ");
  await pool.query(
    `INSERT INTO "StepUpAuditEvent" (${names}) SELECT ${selected} FROM unnest(${arrays}) AS t(${aliases})`,
    values,
  );
}

/** Protected-call counts per day, roughly six calls per step-up, as a real app would see. */
async function seedCallCounters(
  db: ReturnType<typeof createDatabase>,
  organizationId: string,
  end: number,
): Promise<void> {
  for (let d = 0; d <= DAYS; d++) {
    const day = new Date(end - d * DAY_MS).toISOString().slice(0, 10);
    for (const [outcome, count] of [
      ["allowed", 4_000],
      ["required", 700],
      ["bypassed", 250],
      ["refused", 3],
    ] as const) {
      await db.stepUpCallStat.upsert({
        where: { day_organizationId_outcome: { day, organizationId, outcome } },
        create: { day, organizationId, outcome, count },
        update: { count: { increment: count } },
      });
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Seeding audit rows failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
