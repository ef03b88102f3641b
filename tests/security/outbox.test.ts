import { expect, test } from "@playwright/test";
import { latestEmailCode } from "./support/db";
import { Client } from "./support/http";
import { signedIn, stepUpOf, transfer } from "./support/step-up";

/** SEC-07, SEC-08 (docs/security.md): the demo outbox shows a user their own mail only, nobody else anything. */
async function victimWithCodeInOutbox() {
  const victim = await signedIn("outboxVictim");
  const stepUp = stepUpOf(await victim.mutation("transfers.create", transfer(1)));
  await victim.emailCode(stepUp.requirementId);
  return { email: victim.email, code: latestEmailCode(victim.email) };
}

test("SEC-07 /dev/outbox shows an anonymous visitor no one's email codes", async () => {
  const { email, code } = await victimWithCodeInOutbox();
  const page = await new Client().raw("GET", "/dev/outbox");
  expect(page.text).not.toContain(email);
  expect(page.text).not.toContain(code);
});

test("SEC-08 /dev/outbox shows a signed-in user no other user's email codes", async () => {
  const { email, code } = await victimWithCodeInOutbox();
  const reader = await signedIn("outboxReader");
  const page = await reader.client.raw("GET", "/dev/outbox");
  expect(page.status).toBeLessThan(500);
  expect(page.text).not.toContain(email);
  expect(page.text).not.toContain(code);
});
