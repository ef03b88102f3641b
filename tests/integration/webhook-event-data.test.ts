import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@step-up/next/server";
import { revokeOtherSessions } from "@/server/auth/revoke-sessions";
import { ADMIN, asAdminWithStepUp, orgId } from "./admin-helpers";
import {
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  signedIn,
  userIdOf,
  verify,
  verifyAliceHigh,
  type Client,
} from "./harness";

/**
 * Every security event's `data` carries what the README's webhook table promises for its type
 * (README "Security events (webhooks)"). Each event is produced by the real flow that records it and
 * read back from the outbox, so a recorder that leaves a field out fails here.
 */
process.env.STEP_UP_WEBHOOKS_ALLOW_PRIVATE = "1";
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const COMMON = ["organization_id", "user_id", "event_timestamp"];
const STEP_UP = ["requirementId", "level", "procedure"];
const PROMISED: Record<WebhookEventType, string[]> = {
  "step_up.verified": [...STEP_UP, "methods"],
  "step_up.failed": [...STEP_UP, "method"],
  "step_up.cancelled": STEP_UP,
  "step_up.locked": STEP_UP,
  "step_up.degraded": [...STEP_UP, "methods"],
  // A remembered device met no requirement: there is no requirementId to name.
  "step_up.bypassed": ["level", "procedure"],
  "caep.credential-change": ["credential_type", "change_type", "initiating_entity"],
  "caep.session-revoked": ["reason", "count"],
  "caep.assurance-level-change": ["namespace", "current_level", "change_direction", "initiating_entity"],
};

const large = { amount: 5000, currency: "USD" as const, to: "Carol" }; // high
const critical = { amount: 20000, currency: "USD" as const, to: "Carol" };

describe("webhook event data", () => {
  const clock = createClock();
  let alice: Client;
  let aliceId: string;
  let acmeId: string;

  beforeAll(async () => {
    acmeId = await orgId(db, "acme");
    aliceId = await userIdOf(db, "alice@example.com");
    const admin = await signedIn(db, clock, ADMIN);
    await asAdminWithStepUp(admin, (api) =>
      api.stepUp.admin.webhooks.create({ url: "http://127.0.0.1:9/hooks", events: ["*"] }),
    );
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");

    // verified (+ assurance-level-change), remembering the device
    const first = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    await verifyAliceHigh(alice, clock, first.requirementId, true);
    // bypassed: a new session on the remembered browser
    clock.advance(10 * MIN);
    await signIn(alice, "alice@example.com");
    await alice.call((api) => api.transfers.create(large));
    // failed, then cancelled
    alice.cookies.delete("stepup_device");
    const second = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    await catchError(verify(alice, second.requirementId, "password", "wrong-password"));
    await alice.call((api) => api.stepUp.cancel({ requirementId: second.requirementId }));
    // locked: a requirement's five failures
    const third = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    for (let i = 0; i < 5; i++) await catchError(verify(alice, third.requirementId, "password", "wrong-password"));
    // degraded: no passkey for critical
    alice.services.config = { ...alice.services.config, onUnavailable: "degrade" };
    await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    // credential-change and session-revoked, through the functions the demo calls
    await alice.app.stepUp.credentialChanged({ userId: aliceId, organizationId: acmeId });
    const session = await db.session.findFirstOrThrow({ where: { userId: aliceId }, orderBy: { createdAt: "desc" } });
    await db.$transaction((tx) =>
      revokeOtherSessions(tx, alice.app.stepUp, {
        userId: aliceId,
        keepSessionId: session.id,
        reason: "password_changed",
        audit: { organizationId: acmeId, ip: null, userAgent: null, at: clock.now() },
      }),
    );
  });

  it.each(WEBHOOK_EVENT_TYPES.map((type) => [type]))("%s carries every field the README promises", async (type) => {
    const rows = await db.stepUpWebhookDelivery.findMany({ where: { type, organizationId: acmeId } });
    const events = rows
      .map((row) => JSON.parse(row.payload) as { type: string; data: Record<string, unknown> })
      .filter((event) => event.data.user_id === aliceId);
    expect(events.length, `no ${type} event was recorded`).toBeGreaterThan(0);
    for (const event of events) {
      for (const field of [...COMMON, ...PROMISED[type]])
        expect(event.data[field], `${type} lacks ${field}`).not.toBeUndefined();
    }
  });

  it("a failed attempt's event names the requirement's level and procedure, as its verified event does", async () => {
    const failed = await db.stepUpWebhookDelivery.findFirstOrThrow({ where: { type: "step_up.failed" } });
    expect(JSON.parse(failed.payload)).toMatchObject({
      data: { level: "high", procedure: "transfers.create", method: "password" },
    });
  });
});
