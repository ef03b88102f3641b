import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import {
  catchStepUp,
  createTestStepUp,
  elevate,
  expectStepUpRequired,
  TEST_PASSWORD,
  TEST_USER,
  type TestStepUp,
} from "@step-up/next/testing";

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Security-event webhooks are signed as Standard Webhooks: a receiver with the secret verifies them; a
 * tampered body or another secret fails.
 */
describe("webhook signing", () => {
  const sent: Sent[] = [];
  let t: TestStepUp;
  beforeAll(async () => {
    t = await createTestStepUp({
      webhooks: {
        // The receiver: records each POST instead of opening a socket (the URL is a public IP literal: no DNS).
        fetch: (input, init) => {
          sent.push({
            url: input instanceof Request ? input.url : String(input),
            headers: Object.fromEntries(new Headers(init?.headers).entries()),
            body: String(init?.body),
          });
          return Promise.resolve(new Response(null, { status: 204 }));
        },
      },
    });
    t.users.add({ id: "admin", email: "admin@example.test", name: "Admin" });
  });
  afterAll(() => t.close());

  it("a verification in the organization reaches its endpoint, signed with the endpoint's secret", async () => {
    const adminSession = t.signIn("admin", { organizationId: "org-1", isAdmin: true });
    await elevate(t.stepUp, {
      userId: "admin",
      sessionId: adminSession.sessionId,
      level: "high",
      organizationId: "org-1",
    });
    const { secret } = await t.client(adminSession).api.stepUp.admin.webhooks.create({
      url: "https://93.184.215.14/step-up",
      events: ["step_up.verified"],
    });

    const member = t.client(t.signIn(TEST_USER.id, { organizationId: "org-1" }));
    const { requirementId } = await expectStepUpRequired(member.api.probe.medium());
    await member.api.stepUp.verify({ requirementId, method: "password", credential: TEST_PASSWORD });
    await t.stepUp.webhooks.deliverDue();

    expect(sent).toHaveLength(1);
    const [delivery] = sent as [Sent];
    expect(delivery.url).toBe("https://93.184.215.14/step-up");
    expect(new Webhook(secret).verify(delivery.body, delivery.headers)).toMatchObject({
      type: "step_up.verified",
      data: expect.objectContaining({ requirementId }) as unknown,
    });
    expect(() => new Webhook(secret).verify(delivery.body.replace("step_up", "step_uq"), delivery.headers)).toThrow();
    const otherSecret = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    expect(() => new Webhook(otherSecret).verify(delivery.body, delivery.headers)).toThrow();
  });

  it("an endpoint on a private address is refused", async () => {
    const adminSession = t.signIn("admin", { organizationId: "org-1", isAdmin: true });
    await elevate(t.stepUp, {
      userId: "admin",
      sessionId: adminSession.sessionId,
      level: "high",
      organizationId: "org-1",
    });
    const refused = await catchStepUp(
      t.client(adminSession).api.stepUp.admin.webhooks.create({ url: "http://127.0.0.1:9/", events: ["*"] }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
  });
});
