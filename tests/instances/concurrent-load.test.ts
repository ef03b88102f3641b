import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import type { TrpcResult } from "../security/support/http";
import { signedIn, stepUpOf, transfer, type Actor } from "../security/support/step-up";
import { SECURITY_BACKUP_CODES, SECURITY_PASSWORD, type AccountKey } from "../security/support/accounts";
import { closeDb, countUsedBackupCodes, grantsOf, sumCallStats, verifiedMethodsOf } from "./support/db";

/**
 * Both servers under concurrent load on one PostgreSQL (playwright.instances.config.ts): the database must
 * never see a deadlock (ADR 028). POSTGRES_LOG is the throwaway server's log (scripts/with-postgres.mjs).
 */
test.afterAll(closeDb);

const LOAD_MS = 6_000;
const LOOPS_PER_ACTOR = 3;
// Two organizations and two outcomes each: every flush of call counts writes several rows that the other
// server's flush writes too, in whatever order the calls arrived.
const LOADED: AccountKey[] = ["crossSite", "crossSiteFetch", "globexAdminPolicies", "globexAdminDevices"];

function postgresLog(): string {
  const file = process.env.POSTGRES_LOG;
  if (!file) throw new Error("POSTGRES_LOG is not set: run `npm run test:instances` (scripts/with-postgres.mjs)");
  return readFileSync(file, "utf8");
}

const deadlocksIn = (log: string) => log.split("\n").filter((line) => line.includes("deadlock detected"));

test("several seconds of protected calls over both servers: no deadlock, no server error, every call counted", async () => {
  const actors = await Promise.all(LOADED.map((key) => signedIn(key)));
  const countedBefore = await sumCallStats();
  const statuses: number[] = [];
  const until = Date.now() + LOAD_MS;
  const loop = async (actor: Actor, offset: number) => {
    for (let i = offset; Date.now() < until; i++) {
      // Allowed (a profile change) and refused for step-up (a payment), alternating: two outcomes per organization.
      const result: TrpcResult =
        i % 2 === 0
          ? await actor.mutation("profile.update", { name: `Load ${i}` })
          : await actor.mutation("transfers.create", transfer(1 + (i % 50)));
      statuses.push(result.status);
    }
  };
  await Promise.all(actors.flatMap((actor) => Array.from({ length: LOOPS_PER_ACTOR }, (_, n) => loop(actor, n))));

  expect(statuses.length).toBeGreaterThan(50);
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
  // Counts are written behind each call (within 250 ms): all of them arrive, none twice.
  await expect.poll(async () => (await sumCallStats()) - countedBefore, { timeout: 5_000 }).toBe(statuses.length);
  expect(deadlocksIn(postgresLog())).toEqual([]);
});

test("a password and a backup code sent at once to the two servers both count: one grant, the code spent", async () => {
  for (let round = 0; round < 3; round++) {
    // A new session each round: the last round's grant would cover this payment.
    const actor = await signedIn("halfCombination");
    const { requirementId, level } = stepUpOf(await actor.mutation("transfers.create", transfer(2_000 + round)));
    expect(level).toBe("high");
    const code = SECURITY_BACKUP_CODES[round]!;
    const answers = await Promise.all([
      actor.client.mutation<{ status: string }>("stepUp.verify", verify(requirementId, "password", SECURITY_PASSWORD), {
        instance: 0,
      }),
      actor.client.mutation<{ status: string }>("stepUp.verify", verify(requirementId, "backup_code", code), {
        instance: 1,
      }),
    ]);
    expect(answers.map((a) => (a.ok ? a.data.status : a.error.data.code)).sort()).toEqual(["fulfilled", "pending"]);
    expect((await verifiedMethodsOf(requirementId)).sort()).toEqual(["backup_code", "password"]);
    expect(await grantsOf(requirementId)).toBe(1);
    expect(await countUsedBackupCodes(actor.userId)).toBe(round + 1);
  }
  expect(deadlocksIn(postgresLog())).toEqual([]);
});

function verify(requirementId: string, method: string, credential: string) {
  return { requirementId, method, credential, rememberDevice: false };
}
