import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, SECURITY_PASSWORD } from "./support/accounts";
import { countSignInFailures } from "./support/db";
import { Client } from "./support/http";

/**
 * SEC-11 to SEC-14 (docs/security.md): sign-in is limited per account (whatever address the guesses come from) and per
 * address (whatever accounts it tries), refusals carry Retry-After, and an unknown account gets the
 * same answers as a known one. Each client below has its own loopback source address.
 */
const MAX_GUESSES = 40;

interface Answer {
  status: number;
  message: string;
  retryAfter: string | undefined;
}

async function guess(client: Client, email: string, password = `wrong-${randomUUID()}`): Promise<Answer> {
  const result = await client.signIn(email, password);
  return {
    status: result.status,
    message: result.ok ? "signed in" : result.error.message,
    retryAfter: result.headers["retry-after"] as string | undefined,
  };
}

/** Wrong passwords for one account, each from a new address, until refused (or MAX_GUESSES). */
async function guessFromManyAddresses(email: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let i = 0; i < MAX_GUESSES; i++) {
    const answer = await guess(new Client(), email);
    answers.push(answer);
    if (answer.status === 429) break;
  }
  return answers;
}

test("SEC-11 sign-in is throttled per account, with Retry-After, even from many addresses", async () => {
  const answers = await guessFromManyAddresses(ACCOUNTS.throttledAccount.email);
  const refused = answers.at(-1)!;
  expect(refused.status, `${answers.length} guesses, none refused`).toBe(429);
  expect(Number(refused.retryAfter)).toBeGreaterThan(0);
  // While throttled, even the right password is not checked: the limit is not a guessing oracle.
  const right = await guess(new Client(), ACCOUNTS.throttledAccount.email, SECURITY_PASSWORD);
  expect(right.status).toBe(429);
});

test("SEC-12 sign-in is throttled per address, with Retry-After, across many accounts", async () => {
  const attacker = new Client();
  let refused: Answer | null = null;
  for (let i = 0; i < 150 && !refused; i += 5) {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => guess(attacker, `nobody-${randomUUID()}@example.test`)),
    );
    refused = answers.find((a) => a.status === 429) ?? null;
  }
  expect(refused, "150 guesses from one address, none refused").not.toBeNull();
  expect(Number(refused!.retryAfter)).toBeGreaterThan(0);
});

test("SEC-13 an unknown account is throttled exactly like a known one (no account enumeration)", async () => {
  const known = await guessFromManyAddresses(ACCOUNTS.throttleCompare.email);
  const unknown = await guessFromManyAddresses(`nobody-${randomUUID()}@example.test`);
  expect(unknown.at(-1)!.status, "unknown account never throttled").toBe(429);
  const shape = (answers: Answer[]) => answers.map((a) => `${a.status} ${a.message} ${a.retryAfter ? "retry" : "-"}`);
  expect(shape(unknown)).toEqual(shape(known));
});

test("SEC-14 a tRPC batch of 25 sign-ins is refused whole (maxBatchSize)", async () => {
  const email = ACCOUNTS.batchVictim.email;
  const inputs = Array.from({ length: 25 }, (_, i) => ({ email, password: `wrong-${i}` }));
  const response = await new Client().batchMutation(
    inputs.map(() => "auth.signIn"),
    inputs,
  );
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(countSignInFailures(email), "passwords checked from the batch").toBe(0);
});
