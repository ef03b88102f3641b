import { expect, test } from "@playwright/test";
import { balanceMinorOf, countTransfers } from "./support/db";
import { dataOf } from "./support/http";
import { signedIn, stepUpOf, transfer } from "./support/step-up";

/**
 * A critical grant is bound to one call (procedure + canonical input) and consumed by it, once,
 * even under concurrent retries (docs/design.md; PSD2 dynamic linking; ASVS 2.3.4, 7.5.3).
 */

test("R-33 a critical grant is consumed by its call: a second identical transfer needs a new step-up", async () => {
  const actor = await signedIn("grantReuse");
  await actor.registerPasskey();
  const stepUp = stepUpOf(await actor.mutation("transfers.create", transfer(10_000)));
  expect(stepUp.level).toBe("critical");
  expect(dataOf(await actor.satisfy(stepUp.requirementId, ["passkey"])).status).toBe("fulfilled");
  dataOf(await actor.mutation("transfers.create", transfer(10_000)), "first transfer");
  expect(stepUpOf(await actor.mutation("transfers.create", transfer(10_000))).level).toBe("critical");
  expect(countTransfers(actor.email)).toBe(1);
});

test("R-34 a critical grant is bound to its input: a changed amount or recipient is refused", async () => {
  const actor = await signedIn("grantBinding");
  await actor.registerPasskey();
  const before = balanceMinorOf(actor.email);
  const stepUp = stepUpOf(await actor.mutation("transfers.create", transfer(10_000, "landlord")));
  expect(dataOf(await actor.satisfy(stepUp.requirementId, ["passkey"])).status).toBe("fulfilled");
  expect(stepUpOf(await actor.mutation("transfers.create", transfer(40_000, "landlord"))).level).toBe("critical");
  expect(stepUpOf(await actor.mutation("transfers.create", transfer(10_000, "attacker"))).level).toBe("critical");
  expect(balanceMinorOf(actor.email)).toBe(before);
  // Positive control: the call the grant was earned for still goes through.
  dataOf(await actor.mutation("transfers.create", transfer(10_000, "landlord")), "bound transfer");
  expect(countTransfers(actor.email)).toBe(1);
});

test("C-01 ten parallel retries of one critical grant move the money exactly once", async () => {
  const actor = await signedIn("parallelGrant");
  await actor.registerPasskey();
  const before = balanceMinorOf(actor.email);
  const stepUp = stepUpOf(await actor.mutation("transfers.create", transfer(10_000)));
  expect(dataOf(await actor.satisfy(stepUp.requirementId, ["passkey"])).status).toBe("fulfilled");
  const retries = await Promise.all(
    Array.from({ length: 10 }, () => actor.mutation("transfers.create", transfer(10_000))),
  );
  expect(retries.filter((r) => r.ok)).toHaveLength(1);
  expect(countTransfers(actor.email)).toBe(1);
  expect(before - balanceMinorOf(actor.email)).toBe(1_000_000);
});
