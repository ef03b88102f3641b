import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookOptions } from "@step-up/next/server";
import { deliverDue, type DeliveryContext } from "@step-up/next/testing/server";
import { ADMIN, GINA, asAdminWithStepUp, catchError, orgId, signedIn } from "./admin-helpers";
import { createClock, createTestDatabase, expectStepUp, userIdOf, verifyAliceHigh, type Client } from "./harness";
import { startReceiver } from "./support/webhook-receiver";

/** Signed security events (ADR 021): outbox in the event's transaction, signed delivery, retries, org scope. */
process.env.STEP_UP_WEBHOOKS_ALLOW_PRIVATE = "1";
const db = createTestDatabase();
const receiver = await startReceiver();
afterAll(async () => {
  await receiver.close();
  await db.$disconnect();
});

const MIN = 60_000;
const large = { amount: 5000, currency: "USD" as const, to: "Carol" };

describe("security-event webhooks", () => {
  const clock = createClock();
  let admin: Client;
  let gina: Client;
  let alice: Client;
  let acmeId: string;
  let endpointId: string;
  let secret: string;
  const context = (options: WebhookOptions = {}): DeliveryContext => ({
    db: admin.services.db,
    crypto: admin.services.crypto,
    now: clock.now,
    production: false,
    options: { allowPrivateNetworks: true, random: () => 0, ...options },
  });
  const deliveries = () => db.stepUpWebhookDelivery.findMany({ orderBy: { createdAt: "asc" } });

  beforeAll(async () => {
    acmeId = await orgId(db, "acme");
    admin = await signedIn(db, clock, ADMIN);
    gina = await signedIn(db, clock, GINA);
    alice = await signedIn(db, clock, "alice@example.com");
  });

  it("an admin adds an endpoint after a step-up; the whsec_ secret is returned once and stored only encrypted", async () => {
    const created = await asAdminWithStepUp(admin, (api) =>
      api.stepUp.admin.webhooks.create({ url: receiver.url, events: ["*"] }),
    );
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    ({ secret } = created);
    endpointId = created.endpoint.id;
    receiver.setSecret(secret);
    const row = await db.stepUpWebhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(row).toMatchObject({ organizationId: acmeId, enabled: true, events: ["*"] });
    expect(row.secretEncrypted).not.toContain(secret.slice(6));
    const listed = await admin.call((api) => api.stepUp.admin.webhooks.list());
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));
    expect(listed.endpoints).toEqual([expect.objectContaining({ id: endpointId, url: receiver.url, enabled: true })]);
    expect(await db.stepUpAuditEvent.count({ where: { type: "stepup.webhook_changed" } })).toBe(1);
  });

  it("alice's verified step-up reaches the endpoint as step_up.verified, with a signature standardwebhooks accepts", async () => {
    const refused = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    await verifyAliceHigh(alice, clock, refused.requirementId);
    const [row] = (await deliveries()).filter((d) => d.type === "step_up.verified");
    expect(row).toMatchObject({ status: "pending", attempts: 0, endpointId, organizationId: acmeId });
    await deliverDue(context());
    const received = receiver.unique.get(row!.eventId);
    expect(received?.body).toMatchObject({
      type: "step_up.verified",
      data: {
        organization_id: acmeId,
        user_id: await userIdOf(db, "alice@example.com"),
        requirementId: refused.requirementId,
        level: "high",
        methods: ["password", "totp"],
      },
    });
    expect(String(received?.headers["webhook-signature"])).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(await db.stepUpWebhookDelivery.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({
      status: "delivered",
      attempts: 1,
      lastStatus: 200,
    });
    expect(receiver.rejected).toEqual([]);
  });

  it("a password change through credentialChanged is sent as caep.credential-change", async () => {
    const aliceId = await userIdOf(db, "alice@example.com");
    await alice.app.stepUp.credentialChanged({ userId: aliceId, organizationId: acmeId });
    await deliverDue(context());
    const event = [...receiver.unique.values()].find((r) => r.type === "caep.credential-change");
    expect(event?.body.data).toMatchObject({
      credential_type: "password",
      change_type: "update",
      user_id: aliceId,
      organization_id: acmeId,
    });
  });

  it("CAEP assurance-level-change: up to high with alice's verification, down to none when her password change revokes it", async () => {
    const changes = [...receiver.unique.values()]
      .filter((r) => r.type === "caep.assurance-level-change")
      .map((r) => r.body.data as Record<string, unknown>);
    expect(changes).toEqual([
      expect.objectContaining({
        namespace: "Custom",
        current_level: "urn:step-up:level:high",
        change_direction: "increase",
      }),
      expect.objectContaining({
        current_level: "urn:step-up:level:none",
        change_direction: "decrease",
        reason: "password_changed",
      }),
    ]);
  });

  it("an event whose transaction rolls back leaves no outbox row; one that commits leaves one", async () => {
    const before = await db.stepUpWebhookDelivery.count();
    const event = {
      type: "credential.enrolled" as const,
      organizationId: acmeId,
      userId: "someone",
      data: { kind: "totp" },
      at: clock.now(),
    };
    const moduleDb = admin.services.db; // the module's view of the same client (its transaction type)
    const rolledBack = moduleDb.$transaction(async (tx) => {
      await admin.app.stepUp.recordEvent(event, { tx });
      throw new Error("the state change failed");
    });
    await expect(rolledBack).rejects.toThrow("the state change failed");
    expect(await db.stepUpWebhookDelivery.count()).toBe(before);
    await moduleDb.$transaction((tx) => admin.app.stepUp.recordEvent(event, { tx }));
    expect(await db.stepUpWebhookDelivery.count()).toBe(before + 1);
    await deliverDue(context());
  });

  it("a crash after the POST and before 'delivered' re-sends the same webhook-id once the lease ends; the receiver keeps one", async () => {
    await alice.app.stepUp.recordEvent({
      type: "auth.sessions_revoked",
      organizationId: acmeId,
      userId: "someone",
      data: { count: 2, reason: "admin" },
      at: clock.now(),
    });
    const row = await db.stepUpWebhookDelivery.findFirstOrThrow({ where: { type: "caep.session-revoked" } });
    // The first process sends, then dies: its fetch never returns, so nothing after it runs.
    let sent!: () => void;
    const sentOnce = new Promise<void>((resolve) => (sent = resolve));
    const dying: typeof fetch = async (input, init) => {
      await fetch(input, init);
      sent();
      return new Promise<Response>(() => undefined);
    };
    void deliverDue(context({ fetch: dying, leaseMs: MIN }));
    await sentOnce;
    expect(receiver.attempts.filter((id) => id === row.eventId)).toHaveLength(1);
    // Restarted, before the lease ends: the row is still claimed by the dead process.
    expect(await deliverDue(context())).toBe(0);
    clock.advance(MIN + 1);
    await deliverDue(context());
    expect(receiver.attempts.filter((id) => id === row.eventId)).toHaveLength(2);
    expect([...receiver.unique.keys()].filter((id) => id === row.eventId)).toHaveLength(1);
    expect(await db.stepUpWebhookDelivery.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "delivered",
      leaseUntil: null,
    });
  });

  it("two instances polling at once never send the same row twice", async () => {
    receiver.holdFor(50);
    for (let i = 0; i < 4; i++)
      await alice.app.stepUp.recordEvent({
        type: "credential.removed",
        organizationId: acmeId,
        userId: `u${i}`,
        data: { kind: "passkey" },
        at: clock.now(),
      });
    const ids = (await db.stepUpWebhookDelivery.findMany({ where: { status: "pending" } })).map((d) => d.eventId);
    expect(ids).toHaveLength(4);
    const [a, b] = await Promise.all([deliverDue(context()), deliverDue(context())]);
    expect(a + b).toBe(4);
    for (const id of ids) expect(receiver.attempts.filter((seen) => seen === id)).toHaveLength(1);
    receiver.holdFor(0);
  });

  it("a failing receiver is retried with exponential backoff, then the delivery fails; the admin's retry sends the same id", async () => {
    receiver.respondWith(500);
    await alice.app.stepUp.credentialChanged({ userId: "u9", organizationId: acmeId });
    const { id, eventId } = await db.stepUpWebhookDelivery.findFirstOrThrow({ where: { status: "pending" } });
    const options = { maxAttempts: 3, baseBackoffMs: 10_000 };
    const start = clock.now().getTime();
    await deliverDue(context(options));
    let row = await db.stepUpWebhookDelivery.findUniqueOrThrow({ where: { id } });
    // random() = 0: half of the exponential step (the other half is jitter).
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500, lastError: "HTTP 500" });
    expect(row.nextAttemptAt.getTime() - start).toBe(5_000);
    expect(await deliverDue(context(options))).toBe(0); // not due yet
    clock.advance(5_000);
    await deliverDue(context(options));
    row = await db.stepUpWebhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "pending", attempts: 2 });
    expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBe(10_000);
    clock.advance(10_000);
    await deliverDue(context(options));
    expect(await db.stepUpWebhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "failed",
      attempts: 3,
    });
    clock.advance(60 * MIN);
    expect(await deliverDue(context(options))).toBe(0); // failed rows stay failed

    receiver.respondWith(200);
    const listed = await admin.call((api) => api.stepUp.admin.webhooks.deliveries({}));
    expect(listed.find((d) => d.id === id)).toMatchObject({ status: "failed", attempts: 3 });
    expect(JSON.stringify(listed)).not.toContain("payload");
    await asAdminWithStepUp(admin, (api) => api.stepUp.admin.webhooks.retry({ deliveryId: id }));
    await deliverDue(context(options));
    expect(await db.stepUpWebhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "delivered",
      eventId,
    });
    expect(receiver.unique.has(eventId)).toBe(true);
  });

  it("an admin of globex neither sees nor changes acme's endpoints and deliveries, and gets none of acme's events", async () => {
    expect((await gina.call((api) => api.stepUp.admin.webhooks.list())).endpoints).toEqual([]);
    expect(await gina.call((api) => api.stepUp.admin.webhooks.deliveries({}))).toEqual([]);
    expect(await gina.call((api) => api.stepUp.admin.webhooks.deliveries({ endpointId }))).toEqual([]);
    const anyAcmeDelivery = await db.stepUpWebhookDelivery.findFirstOrThrow({ where: { organizationId: acmeId } });
    await db.stepUpWebhookDelivery.update({ where: { id: anyAcmeDelivery.id }, data: { status: "failed" } });
    const attempts = [
      () => asAdminWithStepUp(gina, (api) => api.stepUp.admin.webhooks.retry({ deliveryId: anyAcmeDelivery.id }), GINA),
      () =>
        asAdminWithStepUp(
          gina,
          (api) => api.stepUp.admin.webhooks.setEnabled({ id: endpointId, enabled: false }),
          GINA,
        ),
      () => asAdminWithStepUp(gina, (api) => api.stepUp.admin.webhooks.delete({ id: endpointId }), GINA),
    ];
    for (const attempt of attempts) expect((await catchError(attempt())).code).toBe("NOT_FOUND");
    expect(await db.stepUpWebhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({
      enabled: true,
    });

    const globex = await asAdminWithStepUp(
      gina,
      (api) => api.stepUp.admin.webhooks.create({ url: receiver.url, events: ["caep.credential-change"] }),
      GINA,
    );
    const before = await db.stepUpWebhookDelivery.count({ where: { endpointId: globex.endpoint.id } });
    await alice.app.stepUp.credentialChanged({ userId: "u10", organizationId: acmeId });
    expect(await db.stepUpWebhookDelivery.count({ where: { endpointId: globex.endpoint.id } })).toBe(before);
  });

  it("the event filter and the enabled flag decide which endpoints get an outbox row", async () => {
    const count = () => db.stepUpWebhookDelivery.count({ where: { endpointId } });
    await asAdminWithStepUp(admin, (api) => api.stepUp.admin.webhooks.setEnabled({ id: endpointId, enabled: false }));
    const before = await count(); // after the admin's own step-up, which the endpoint still received
    await alice.app.stepUp.credentialChanged({ userId: "u11", organizationId: acmeId });
    expect(await count()).toBe(before);
    await asAdminWithStepUp(admin, (api) => api.stepUp.admin.webhooks.setEnabled({ id: endpointId, enabled: true }));
    expect(await count()).toBe(before); // this step-up was verified while the endpoint was still disabled
    const filtered = await asAdminWithStepUp(admin, (api) =>
      api.stepUp.admin.webhooks.create({ url: receiver.url, events: ["step_up.failed"] }),
    );
    const beforePassword = await count();
    await alice.app.stepUp.credentialChanged({ userId: "u12", organizationId: acmeId });
    expect(await count()).toBe(beforePassword + 1);
    expect(await db.stepUpWebhookDelivery.count({ where: { endpointId: filtered.endpoint.id } })).toBe(0);
  });

  it("deleting an endpoint removes its queued deliveries", async () => {
    await asAdminWithStepUp(admin, (api) => api.stepUp.admin.webhooks.delete({ id: endpointId }));
    expect(await db.stepUpWebhookEndpoint.count({ where: { id: endpointId } })).toBe(0);
    expect(await db.stepUpWebhookDelivery.count({ where: { endpointId } })).toBe(0);
  });
});

describe("endpoint URLs (SSRF)", () => {
  const clock = createClock();

  it("without the development option, loopback and private addresses are refused at registration and at send", async () => {
    process.env.STEP_UP_WEBHOOKS_ALLOW_PRIVATE = "0";
    const admin = await signedIn(db, clock, ADMIN);
    for (const url of [
      "http://127.0.0.1:9/x",
      "http://localhost:9/x",
      "http://[::1]:9/",
      "http://10.1.2.3/",
      "http://169.254.169.254/latest",
    ]) {
      const error = await catchError(
        asAdminWithStepUp(admin, (api) => api.stepUp.admin.webhooks.create({ url, events: ["*"] })),
      );
      expect(error.code, url).toBe("BAD_REQUEST");
    }
    const withCredentials = await catchError(
      asAdminWithStepUp(admin, (api) =>
        api.stepUp.admin.webhooks.create({ url: "https://u:p@example.com/", events: ["*"] }),
      ),
    );
    expect(withCredentials.code).toBe("BAD_REQUEST");

    // A row that points at loopback anyway (e.g. DNS changed since registration) is not sent.
    const endpoint = await db.stepUpWebhookEndpoint.create({
      data: {
        organizationId: await orgId(db, "globex"),
        url: receiver.url,
        secretEncrypted: admin.services.crypto.encrypt("whsec_AAAA"),
        events: ["*"],
      },
    });
    await admin.app.stepUp.credentialChanged({ userId: "u13", organizationId: endpoint.organizationId });
    const sent = receiver.attempts.length;
    const context = {
      db: admin.services.db,
      crypto: admin.services.crypto,
      now: clock.now,
      production: false,
      options: {},
    };
    await deliverDue(context);
    expect(receiver.attempts.length).toBe(sent);
    expect(await db.stepUpWebhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } })).toMatchObject({
      status: "pending",
      lastError: "refused: resolves to a private or loopback address",
    });
    process.env.STEP_UP_WEBHOOKS_ALLOW_PRIVATE = "1";
  });

  it("DNS rebinding: a name public at the pre-check and loopback at connect is refused by the socket's own lookup", async () => {
    process.env.STEP_UP_WEBHOOKS_ALLOW_PRIVATE = "0";
    const admin = await signedIn(db, clock, ADMIN);
    const port = new URL(receiver.url).port;
    const endpoint = await db.stepUpWebhookEndpoint.create({
      data: {
        organizationId: await orgId(db, "globex"),
        url: `http://hooks.rebind.test:${port}/`,
        secretEncrypted: admin.services.crypto.encrypt("whsec_AAAA"),
        events: ["*"],
      },
    });
    await db.stepUpWebhookDelivery.deleteMany({ where: { endpointId: { not: endpoint.id } } });
    await admin.app.stepUp.credentialChanged({ userId: "u14", organizationId: endpoint.organizationId });
    const answers: string[][] = [];
    // The first answer (the pre-check's) is public, every later one loopback: a rebinding DNS server.
    const resolveHost = async () => {
      const answer = answers.length === 0 ? ["93.184.215.14"] : ["127.0.0.1"];
      answers.push(answer);
      return answer;
    };
    const sent = receiver.attempts.length;
    await deliverDue({
      db: admin.services.db,
      crypto: admin.services.crypto,
      now: clock.now,
      production: false,
      options: { resolveHost },
    });
    expect(answers.length).toBeGreaterThanOrEqual(2); // the socket asked again, and was told loopback
    expect(receiver.attempts.length).toBe(sent);
    expect(await db.stepUpWebhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } })).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "refused at connect: resolves to a private or loopback address",
    });
    process.env.STEP_UP_WEBHOOKS_ALLOW_PRIVATE = "1";
  });

  it("in production only https is accepted, even with private networks allowed", async () => {
    const { checkEndpointUrl } = await import("@step-up/next/testing/server");
    const production = { production: true, allowPrivateNetworks: true };
    expect(await checkEndpointUrl("http://hooks.example.com/", production)).toMatchObject({ ok: false });
    expect(await checkEndpointUrl("https://127.0.0.1/", production)).toMatchObject({ ok: true });
    expect(
      await checkEndpointUrl("ftp://example.com/", { production: false, allowPrivateNetworks: true }),
    ).toMatchObject({ ok: false });
  });
});

describe("close()", () => {
  it("stops the instance's delivery timer", async () => {
    const clock = createClock();
    const client = await signedIn(db, clock, ADMIN);
    const stop = client.app.stepUp.webhooks.start(10);
    await client.app.stepUp.close();
    stop();
    expect(typeof stop).toBe("function");
  });
});
