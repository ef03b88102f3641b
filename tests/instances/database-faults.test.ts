import { expect, test } from "@playwright/test";
import type { TrpcResult } from "../security/support/http";
import { signedIn, transfer, type Actor } from "../security/support/step-up";
import { controlPostgres, type PostgresControl } from "./support/postgres-control";

/**
 * The shared PostgreSQL stops, then hangs, under two running `next start` (ADR 026): every protected path
 * answers 503 UNAVAILABLE with Retry-After within 5 s, on both servers, and works again once the database is
 * back, without restarting either server. The database is always brought back (finally), so the suite's
 * other files run on after this one.
 */
test.describe.configure({ mode: "serial" });

const WITHIN_MS = 5_000;
let postgres: PostgresControl;
let actor: Actor;

test.beforeAll(async () => {
  postgres = await controlPostgres(process.env.INSTANCES_DATABASE_URL!);
  actor = await signedIn("databaseFaults");
});

const PATHS: Array<[string, (instance: number) => Promise<{ status: number; retryAfter: unknown; code: unknown }>]> = [
  ["transfers.create", (instance) => trpc(actor.mutation("transfers.create", transfer(5), { instance }))],
  ["profile.update", (instance) => trpc(actor.mutation("profile.update", { name: "Fault" }, { instance }))],
  ["POST /api/v1/transfers", (instance) => route(instance)],
];

async function trpc(call: Promise<TrpcResult>) {
  const result = await call;
  return {
    status: result.status,
    retryAfter: result.headers["retry-after"],
    code: result.ok ? "accepted" : (result.error.data.stepUp?.code ?? result.error.data.code),
  };
}

async function route(instance: number) {
  const response = await actor.client.raw("POST", "/api/v1/transfers", {
    body: JSON.stringify(transfer(5)),
    instance,
  });
  const body = JSON.parse(response.text) as { error?: { data?: { stepUp?: { code?: string } | null }; code?: string } };
  return {
    status: response.status,
    retryAfter: response.headers["retry-after"],
    code: body.error?.data?.stepUp?.code ?? body.error?.code ?? "accepted",
  };
}

/** Every path on both servers at once (a hung database costs each call its timeout: in turn, ~20 s). */
async function expectUnavailableOnEveryPath() {
  const calls = [0, 1].flatMap((instance) =>
    PATHS.map(async ([name, call]) => {
      const started = Date.now();
      const answer = await call(instance);
      return { name, instance, answer, tookMs: Date.now() - started };
    }),
  );
  for (const { name, instance, answer, tookMs } of await Promise.all(calls)) {
    expect({ name, instance, status: answer.status, code: answer.code }).toEqual({
      name,
      instance,
      status: 503,
      code: "UNAVAILABLE",
    });
    expect(Number(answer.retryAfter), `${name}: Retry-After`).toBeGreaterThan(0);
    expect(tookMs, `${name} on server ${instance}: answered in ${tookMs} ms`).toBeLessThan(WITHIN_MS);
  }
}

/** Back to normal on both servers: a profile change goes through, a transfer asks for step-up (no 5xx). */
async function expectWorkingAgain() {
  for (const instance of [0, 1]) {
    await expect
      .poll(async () => (await PATHS[1]![1](instance)).status, { timeout: 15_000, intervals: [250] })
      .toBe(200);
    expect((await PATHS[0]![1](instance)).code).toBe("STEP_UP_REQUIRED");
    expect((await PATHS[2]![1](instance)).status).toBe(401);
  }
}

test("PostgreSQL stopped: every protected path answers 503 UNAVAILABLE within 5 s; restarted, calls work again", async () => {
  await expectWorkingAgain();
  postgres.stop();
  try {
    await expectUnavailableOnEveryPath();
  } finally {
    postgres.start();
  }
  await expectWorkingAgain();
});

test("PostgreSQL hung (postmaster and backends stopped with SIGSTOP): the same within 5 s; resumed, calls work", async () => {
  await expectWorkingAgain();
  postgres.pause();
  try {
    await expectUnavailableOnEveryPath();
  } finally {
    postgres.resume();
  }
  await expectWorkingAgain();
});
