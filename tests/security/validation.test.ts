import { expect, test } from "@playwright/test";
import { Client } from "./support/http";
import { signedIn, stepUpOf, transfer } from "./support/step-up";

/** Bad input gets a typed 400 naming the problem, never a 500 (ASVS 2.2.1, 16.5.3). */

test("R-13 wrongly typed inputs are 400 validation errors, not 500", async () => {
  const actor = await signedIn("validation");
  const cases: Array<[string, unknown]> = [
    ["transfers.create", { amount: "lots", currency: "XXX", to: 5 }],
    ["transfers.create", { amount: -1, currency: "USD", to: "x" }],
    ["transfers.create", { amount: Number.MAX_SAFE_INTEGER, currency: "USD", to: "x" }],
    ["stepUp.verify", { requirementId: 123, method: "magic", credential: null }],
    ["stepUp.cancel", { requirementId: "" }],
    ["account.changeEmail", { email: "not-an-email" }],
    ["auth.signIn", { email: ["a@b.c"], password: {} }],
  ];
  for (const [path, input] of cases) {
    const result = await actor.mutation(path, input);
    expect(result.status, `${path} ${JSON.stringify(input)}`).toBe(400);
    expect(result.ok ? null : result.error.data.code).toBe("BAD_REQUEST");
  }
});

test("R-14 oversized inputs are refused with 400 before any work is done", async () => {
  const actor = await signedIn("validation");
  const stepUp = stepUpOf(await actor.mutation("transfers.create", transfer(1)));
  const huge = "x".repeat(100_000);
  const verify = await actor.verify(stepUp.requirementId, "password", huge);
  expect(verify.status).toBe(400);
  const signIn = await new Client().signIn(`${"a".repeat(10_000)}@example.test`, huge);
  expect(signIn.status).toBe(400);
});

test("R-15 a body that is not JSON is a 400 parse error, not a 500", async () => {
  const client = new Client();
  for (const body of ["{not json", '{"json":', "\u0000\u0001", '{"0":{"json":{"__proto__":{"admin":true}}}}']) {
    const response = await client.raw("POST", "/api/trpc/auth.signIn", { body });
    expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
    expect(response.status, JSON.stringify(body)).toBeLessThan(500);
  }
});
