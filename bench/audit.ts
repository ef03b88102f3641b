/**
 * `npm run bench:audit`: times the admin audit page's queries through the real `stepUp.admin.audit.list`
 * procedure on the database in DATABASE_URL (fill it with `npm run seed:audit`, for a million rows
 * `-- --rows=1000000 --one-organization` on PostgreSQL). Targets at a million rows (ADR 039): first page
 * ≤ 50 ms, other pages < 300 ms, metrics for 30 days ≤ 100 ms, the funnel ≤ 300 ms, the whole CSV ≤ 30 s
 * with the process's memory growing by at most 100 MB while it streams.
 */
import { createDatabase } from "@/server/db";
import { createDemoApp, type DemoApp } from "@/server/app";
import { createCallerFactory, createContext } from "@/server/trpc";
import { streamAuditCsv } from "@/step-up/server/admin/audit-csv";

const RUNS = Number(process.env.BENCH_AUDIT_RUNS ?? 20);
const TARGET_MS = 300;
/** Cases with their own target (ms); the rest are pages, held to TARGET_MS. */
const TARGETS: Record<string, number | null> = {
  "first page (50 rows, no filter)": 50,
  "chart, 30 days": null,
  "metrics, 30 days": 100,
  "funnel, 30 days": 300,
  "CSV, first 1,000 rows": null,
  "CSV, every row of the organization": 30_000,
};
const RSS_GROWTH_TARGET_MB = 100;

async function main(): Promise<void> {
  const db = createDatabase();
  const app = createDemoApp({ db, config: {} });
  const createCaller = createCallerFactory(app.router);
  let cookie = "";
  const api = async () => {
    const resHeaders = new Headers();
    const ctx = await createContext({
      headers: new Headers({ cookie, "user-agent": "bench", "x-forwarded-for": "127.0.0.1" }),
      resHeaders,
      app,
    });
    return { caller: createCaller(ctx), resHeaders };
  };
  const signIn = await api();
  await signIn.caller.auth.signIn({ email: "admin@example.com", password: "demo-password-1" });
  cookie = signIn.resHeaders.getSetCookie()[0]!.split(";")[0]!;
  const session = await db.session.findFirstOrThrow({
    orderBy: { createdAt: "desc" },
    select: { activeOrganizationId: true },
  });
  const alice = await db.user.findUniqueOrThrow({ where: { email: "alice@example.com" }, select: { id: true } });
  const rows = await db.stepUpAuditEvent.count({ where: { organizationId: session.activeOrganizationId } });
  process.stdout.write(
    `Audit rows in the admin's organization: ${rows.toLocaleString("en-US")} (of ${(await db.stepUpAuditEvent.count()).toLocaleString("en-US")})\n\n`,
  );

  const first = await (await api()).caller.stepUp.admin.audit.list({ limit: 50 });
  const cases: Array<[string, () => Promise<unknown>]> = [
    ["first page (50 rows, no filter)", async () => (await api()).caller.stepUp.admin.audit.list({ limit: 50 })],
    [
      "second page (cursor)",
      async () => (await api()).caller.stepUp.admin.audit.list({ limit: 50, cursor: first.nextCursor }),
    ],
    [
      "filtered: type stepup.failed",
      async () => (await api()).caller.stepUp.admin.audit.list({ limit: 50, type: "stepup.failed" }),
    ],
    [
      "filtered: alice + severity warning + last 7 days",
      async () =>
        (await api()).caller.stepUp.admin.audit.list({
          limit: 50,
          userId: alice.id,
          severity: "warning",
          from: new Date(Date.now() - 7 * 86_400_000),
          to: new Date(),
        }),
    ],
    [
      "filtered: stepup.locked (rare type)",
      async () => (await api()).caller.stepUp.admin.audit.list({ limit: 50, type: "stepup.locked" }),
    ],
    [
      "chart, 30 days",
      async () =>
        (await api()).caller.stepUp.admin.audit.chart({ from: new Date(Date.now() - 30 * 86_400_000), to: new Date() }),
    ],
    [
      "metrics, 30 days",
      async () =>
        (await api()).caller.stepUp.admin.audit.metrics({
          from: new Date(Date.now() - 30 * 86_400_000),
          to: new Date(),
        }),
    ],
    [
      // ADR 023: one join over the period's requirements; held to the page target (300 ms).
      "funnel, 30 days",
      async () =>
        (await api()).caller.stepUp.admin.audit.funnel({
          from: new Date(Date.now() - 30 * 86_400_000),
          to: new Date(),
        }),
    ],
    ["CSV, first 1,000 rows", () => readFirstChunk(app, session.activeOrganizationId!)],
    ["CSV, every row of the organization", () => readAll(app, session.activeOrganizationId!)],
  ];
  process.stdout.write(
    "Each: first (cold) run, then median and max of the next runs, through createCaller incl. session lookup\n",
  );
  for (const [name, run] of cases) {
    let cold: number;
    try {
      cold = await time(run);
    } catch (error) {
      // A query the database cancels (statement timeout) is a figure too: report it and go on.
      process.stdout.write(`  ${name.padEnd(50)} FAILED: ${firstLine(error)}\n`);
      continue;
    }
    const warm: number[] = [];
    const runs = name.includes("every row") ? 2 : RUNS;
    for (let i = 0; i < runs; i++) warm.push(await time(run));
    warm.sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)]!;
    const target = name in TARGETS ? TARGETS[name] : TARGET_MS;
    const verdict =
      target == null ? "" : median <= target ? `  ok (target ≤ ${target} ms)` : `  OVER TARGET (≤ ${target} ms)`;
    process.stdout.write(
      `  ${name.padEnd(50)} cold ${cold.toFixed(1).padStart(7)} ms   median ${median.toFixed(1).padStart(7)} ms   max ${warm.at(-1)!.toFixed(1).padStart(7)} ms${verdict}\n`,
    );
  }
  await db.$disconnect();
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split("\n").at(-1)!.slice(0, 160);
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function readFirstChunk(app: DemoApp, organizationId: string): Promise<void> {
  const { db, users } = app.stepUp.services;
  const reader = streamAuditCsv(db, { organizationId, filter: {}, users }).getReader();
  await reader.read(); // header
  await reader.read(); // first 1,000 rows
  await reader.cancel();
}

/** Drains the whole CSV as a download would, and prints how far the process's memory grew meanwhile. */
async function readAll(app: DemoApp, organizationId: string): Promise<void> {
  const { db, users } = app.stepUp.services;
  const reader = streamAuditCsv(db, { organizationId, filter: {}, users }).getReader();
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const growthMb = (peakRss - startRss) / 1e6;
  const verdict = growthMb <= RSS_GROWTH_TARGET_MB ? "ok" : "OVER TARGET";
  process.stdout.write(
    `    (${(bytes / 1e6).toFixed(0)} MB of CSV; RSS grew ${growthMb.toFixed(0)} MB at most, ${verdict}: target ≤ ${RSS_GROWTH_TARGET_MB} MB)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
