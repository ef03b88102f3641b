import { expect, test } from "@playwright/test";
import { SECURITY_PASSWORD } from "./support/accounts";
import { countAttempts, countOutbox, requirementRow } from "./support/db";
import { signedIn, stepUpOf, transfer, type Actor } from "./support/step-up";

/**
 * Races: limits and single-use rules hold when the requests arrive together (docs/design.md "every limit
 * holds across server processes"; ASVS 6.5.1, 2.3.4). The parallel critical retries are in critical.test.ts.
 */
const MAX_FAILURES_PER_REQUIREMENT = 5;

test("C-02 thirty parallel wrong guesses on one requirement: at most the limit are evaluated", async () => {
  const actor = await signedIn("parallelGuesses");
  const { requirementId } = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  const results = await Promise.all(
    Array.from({ length: 30 }, (_, i) => actor.verify(requirementId, "password", `wrong-${i}`)),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(0);
  expect(countAttempts(requirementId)).toBeLessThanOrEqual(MAX_FAILURES_PER_REQUIREMENT);
  expect(requirementRow(requirementId)?.failedAttempts).toBeLessThanOrEqual(MAX_FAILURES_PER_REQUIREMENT);
  expect((await actor.verify(requirementId, "password", SECURITY_PASSWORD)).ok).toBe(false);
});

/** `count` sessions of one account, each with its own pending medium requirement. */
async function pendingInSessions(key: "parallelTotp" | "parallelBackup", count: number) {
  const sessions: Array<{ actor: Actor; requirementId: string }> = [];
  for (let i = 0; i < count; i++) {
    const actor = await signedIn(key);
    sessions.push({
      actor,
      requirementId: stepUpOf(await actor.mutation("transfers.create", transfer(1))).requirementId,
    });
  }
  return sessions;
}

test("C-03 one TOTP code submitted in parallel to five sessions' requirements is accepted exactly once", async () => {
  const sessions = await pendingInSessions("parallelTotp", 5);
  const code = await sessions[0]!.actor.totp();
  const results = await Promise.all(sessions.map((s) => s.actor.verify(s.requirementId, "totp", code)));
  expect(results.filter((r) => r.ok && r.data.status === "fulfilled")).toHaveLength(1);
});

test("C-04 one backup code submitted in parallel to five sessions' requirements is accepted exactly once", async () => {
  const sessions = await pendingInSessions("parallelBackup", 5);
  const code = sessions[0]!.actor.takeBackupCode();
  const results = await Promise.all(sessions.map((s) => s.actor.verify(s.requirementId, "backup_code", code)));
  expect(results.filter((r) => r.ok && r.data.status === "fulfilled")).toHaveLength(1);
});

test("C-05 ten parallel requests for an email code send exactly one email", async () => {
  const actor = await signedIn("parallelEmail");
  const { requirementId } = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  const before = countOutbox(actor.email);
  const results = await Promise.all(
    Array.from({ length: 10 }, () => actor.mutation("stepUp.challenge", { requirementId, method: "email_code" })),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(countOutbox(actor.email) - before).toBe(1);
});
