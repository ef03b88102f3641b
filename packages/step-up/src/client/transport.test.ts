import { describe, expect, it } from "vitest";
import { stepUpTransport, type StepUpRouterClient } from "./transport";

describe("stepUpTransport", () => {
  it("sends verify, challenge and cancel to the host client's stepUp router, input untouched", async () => {
    const calls: Array<[string, unknown]> = [];
    const procedure = (name: string, answer: unknown) => ({
      mutate: async (input: unknown) => (calls.push([name, input]), answer),
    });
    const client = {
      stepUp: {
        verify: procedure("verify", { status: "verified" }),
        challenge: procedure("challenge", { method: "email_code" }),
        cancel: procedure("cancel", { cancelled: true }),
      },
    } as unknown as StepUpRouterClient;
    const transport = stepUpTransport(client);
    const verify = { requirementId: "r1", method: "password", credential: "secret" } as const;
    expect(await transport.verify(verify)).toEqual({ status: "verified" });
    await transport.challenge({ requirementId: "r1", method: "email_code" } as never);
    await transport.cancel({ requirementId: "r1" } as never);
    expect(calls).toEqual([
      ["verify", verify],
      ["challenge", { requirementId: "r1", method: "email_code" }],
      ["cancel", { requirementId: "r1" }],
    ]);
  });
});
