import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callBindingString } from "./call-hash";

const TRANSFER = { to: "acct-2", amount: { value: 5000, currency: "USD" }, memo: ["rent", "june"] };

describe("callBindingString", () => {
  it("is the procedure path, a newline and the RFC 8785 canonical JSON of the input", () => {
    expect(callBindingString("transfers.create", TRANSFER)).toBe(
      'transfers.create\n{"amount":{"currency":"USD","value":5000},"memo":["rent","june"],"to":"acct-2"}',
    );
  });

  it("does not depend on key order, at any depth", () => {
    const reordered = { memo: ["rent", "june"], amount: { currency: "USD", value: 5000 }, to: "acct-2" };
    expect(callBindingString("transfers.create", reordered)).toBe(callBindingString("transfers.create", TRANSFER));
  });

  it.each<[string, string, unknown]>([
    ["another amount", "transfers.create", { ...TRANSFER, amount: { value: 5000.01, currency: "USD" } }],
    ["another currency", "transfers.create", { ...TRANSFER, amount: { value: 5000, currency: "EUR" } }],
    ["another recipient", "transfers.create", { ...TRANSFER, to: "acct-3" }],
    ["another array order", "transfers.create", { ...TRANSFER, memo: ["june", "rent"] }],
    ["an extra field", "transfers.create", { ...TRANSFER, force: true }],
    ["a number as a string", "transfers.create", { ...TRANSFER, amount: { value: "5000", currency: "USD" } }],
    ["another procedure", "transfers.schedule", TRANSFER],
  ])("changes with %s", (_title, procedure, input) => {
    expect(callBindingString(procedure, input)).not.toBe(callBindingString("transfers.create", TRANSFER));
  });

  it("treats a missing input as null", () => {
    expect(callBindingString("account.delete", undefined)).toBe("account.delete\nnull");
    expect(callBindingString("account.delete", null)).toBe("account.delete\nnull");
  });

  // Normalised through JSON so -0 and 0 (one JSON number) compare equal.
  const json = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);

  it("is equal for two inputs exactly when they are equal as JSON", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(callBindingString("p", a) === callBindingString("p", b)).toBe(isDeepStrictEqual(a, b));
      }),
    );
  });

  it("ignores key order for arbitrary objects", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(callBindingString("p", reversed)).toBe(callBindingString("p", object));
      }),
    );
  });
});
