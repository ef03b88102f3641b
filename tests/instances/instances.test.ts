import { expect, test } from "@playwright/test";
import { SECURITY_PASSWORD } from "../security/support/accounts";
import { dataOf, type TrpcResult } from "../security/support/http";
import { signedIn, stepUpOf, transfer } from "../security/support/step-up";
import { closeDb, countAttempts, countTransfers, countUserAttempts, nameOf } from "./support/db";

/**
 * Two `next start` processes on one PostgreSQL database (playwright.instances.config.ts); each client's
 * requests alternate between them. Every limit and change must hold through the database alone: the
 * processes share nothing else.
 */
test.afterAll(closeDb);

const A = { instance: 0 };
const B = { instance: 1 };
const codeOf = (result: TrpcResult) =>
  result.ok ? "accepted" : (result.error.data.stepUp?.code ?? result.error.data.code);

test("30 parallel wrong guesses at one requirement, spread over both servers: at most 5 are evaluated", async () => {
  const actor = await signedIn("parallelGuesses");
  const { requirementId } = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  const results = await Promise.all(
    Array.from({ length: 30 }, (_, i) => actor.verify(requirementId, "password", `wrong-${i}`)),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(0);
  expect(await countAttempts(requirementId)).toBeLessThanOrEqual(5);
  // Spent: even the right password is refused now, on either server.
  for (const on of [A, B])
    expect(codeOf(await actor.client.mutation("stepUp.verify", verifyInput(requirementId), on))).not.toBe("accepted");
});

test("30 parallel wrong guesses over six requirements of one user: the user is locked, at most 10 evaluated", async () => {
  const actor = await signedIn("lockout");
  const requirements: string[] = [];
  for (let i = 0; i < 6; i++)
    requirements.push(stepUpOf(await actor.mutation("transfers.create", transfer(1 + i))).requirementId);
  const results = await Promise.all(
    Array.from({ length: 30 }, (_, i) => actor.verify(requirements[i % 6]!, "password", `wrong-${i}`)),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(0);
  expect(await countUserAttempts(actor.userId)).toBeLessThanOrEqual(10);
  // The right password on an untouched requirement meets the user's lock, on both servers.
  for (const on of [A, B]) {
    const locked = await actor.client.mutation("stepUp.verify", verifyInput(requirements[5]!), on);
    expect(locked.ok ? null : locked.error.data.stepUp).toMatchObject({ code: "LOCKED", scope: "user" });
  }
});

test("20 retries of one critical grant racing over both servers: the money moves exactly once", async () => {
  const actor = await signedIn("parallelGrant");
  await actor.registerPasskey();
  const stepUp = stepUpOf(await actor.mutation("transfers.create", transfer(10_000)));
  expect(stepUp.level).toBe("critical");
  expect(dataOf(await actor.satisfy(stepUp.requirementId, ["passkey"])).status).toBe("fulfilled");
  const retries = await Promise.all(
    Array.from({ length: 20 }, () => actor.mutation("transfers.create", transfer(10_000))),
  );
  expect(retries.filter((r) => r.ok)).toHaveLength(1);
  // The others are asked to step up again, cleanly: no server error from the race.
  expect(retries.filter((r) => !r.ok).map(codeOf)).toEqual(Array(19).fill("STEP_UP_REQUIRED"));
  expect(await countTransfers(actor.email)).toBe(1);
});

test("a grant earned on one server is honoured by the other", async () => {
  const actor = await signedIn("grantSession");
  const { requirementId } = stepUpOf(await actor.client.mutation("transfers.create", transfer(5), A));
  const verified = await actor.client.mutation<{ status: string }>("stepUp.verify", verifyInput(requirementId), A);
  expect(dataOf(verified).status).toBe("fulfilled");
  dataOf(await actor.client.mutation("transfers.create", transfer(5), B), "the retry on the other server");
  expect(await countTransfers(actor.email)).toBe(1);
});

test("a policy changed on one server is enforced by the other on its very next call", async () => {
  const member = await signedIn("policyMember");
  // Both servers have the current policies cached: a profile change needs no step-up yet.
  for (const on of [A, B]) dataOf(await member.client.mutation("profile.update", { name: "Before" }, on));
  const admin = await signedIn("acmeAdmin");
  const create = () => admin.client.mutation("stepUp.admin.policies.create", profilePolicy, A);
  const { requirementId } = stepUpOf(await create());
  expect(dataOf(await admin.satisfy(requirementId, ["password", "backup_code"])).status).toBe("fulfilled");
  dataOf(await create(), "the policy created on server A");
  for (const on of [B, A]) {
    const refused = await member.client.mutation("profile.update", { name: "After" }, on);
    expect(stepUpOf(refused).level).toBe("high");
  }
  expect(await nameOf(member.email)).toBe("Before");
});

const profilePolicy = {
  name: "Profile changes need high",
  description: "",
  priority: 10,
  enabled: true,
  mode: "enforce",
  rules: [{ kind: "procedure", pattern: "profile.update", level: "high" }],
};

function verifyInput(requirementId: string) {
  return { requirementId, method: "password", credential: SECURITY_PASSWORD, rememberDevice: false };
}
