/**
 * `npm run bench:audit`: times the admin audit page's queries through the real `stepUp.admin.audit.list`
 * procedure on the database in DATABASE_URL (fill it with `npm run seed:audit`). Targets: pages < 300 ms,
 * the period metrics ≤ 100 ms (their figures are columns, not JSON), the funnel < 300 ms
 * (ADR 023), the whole CSV ≤ 5 s.
 */
import { createDatabase } from "@/server/db";
import { createDemoApp, type DemoApp } from "@/server/app";
import { createCallerFactory, createContext } from "@/server/trpc";
import { streamAuditCsv } from "@/step-up/server/admin/audit-csv";

const RUNS = 20;
const TARGET_MS = 300;
/** Cases with their own target (ms); the rest are pages, held to TARGET_MS. */
const TARGETS: Record<string, number | null> = {
  "chart, 30 days": null,
  "metrics, 30 days": 100,
  "CSV, first 1,000 rows": null,
  "CSV, every row of the organization": 5_000,
};

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
    const cold = await time(run);
    const warm: number[] = [];
    const runs = name.includes("every row") ? 3 : RUNS;
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

async function readAll(app: DemoApp, organizationId: string): Promise<void> {
  const { db, users } = app.stepUp.services;
  const reader = streamAuditCsv(db, { organizationId, filter: {}, users }).getReader();
  while (!(await reader.read()).done) {
    // Drain it as a download would.
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
