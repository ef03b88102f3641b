import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  userIdOf,
  type Client,
} from "./harness";
import { listOutbox } from "@/server/mail/outbox";
import { latestEmailCode } from "./support/factors";

/** Email codes: six digits through the dev outbox, stored keyed-hashed, 10 minutes, resend throttled, one use. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const BOB = "bob@example.com";
const small = { amount: 100, currency: "USD" as const, to: "Carol" }; // medium
const large = { amount: 5000, currency: "USD" as const, to: "Carol" }; // high

describe("email code step-up", () => {
  const clock = createClock();
  let bobId: string;
  let bob: Client;

  const requirement = (id: string) => db.stepUpRequirement.findUniqueOrThrow({ where: { id } });
  const lastAttempt = () =>
    db.stepUpAttempt.findFirstOrThrow({ where: { userId: bobId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const sendCode = (requirementId: string) =>
    bob.call((api) => api.stepUp.challenge({ requirementId, method: "email_code" }));
  const verifyCode = (requirementId: string, credential: string) =>
    bob.call((api) => api.stepUp.verify({ requirementId, method: "email_code", credential }));
  const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  async function smallRequirement() {
    const stepUp = await expectStepUp(bob.call((api) => api.transfers.create(small)));
    expect(stepUp.methods).toContainEqual(["email_code"]);
    return stepUp.requirementId;
  }

  beforeAll(async () => {
    bobId = await userIdOf(db, BOB);
    bob = createClient(db, clock);
    await signIn(bob, BOB);
  });
  // Past the medium window and the per-user failure window: every test starts clean.
  beforeEach(() => clock.advance(16 * MIN));

  it("bob receives a six-digit code by email and a medium transfer goes through with it", async () => {
    const requirementId = await smallRequirement();
    const sent = await sendCode(requirementId);
    expect(sent).toEqual({
      method: "email_code",
      sentTo: "b***@example.com",
      resendAfter: 30,
      expiresAt: new Date(clock.now().getTime() + 10 * MIN).toISOString(),
    });
    const code = await latestEmailCode(db, BOB);
    expect(code).toMatch(/^\d{6}$/);
    const [newest] = await listOutbox({ db, recipients: [{ to: BOB }] });
    expect(newest).toMatchObject({ to: BOB, subject: `Your verification code: ${code}` });

    const stored = await requirement(requirementId);
    expect(stored.emailCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.emailCodeHash).not.toContain(code);
    const audit = await db.stepUpAuditEvent.findFirstOrThrow({
      where: { userId: bobId, type: "stepup.email_code_sent" },
    });
    expect(audit.data).toMatchObject({ requirementId, sentTo: "b***@example.com" });
    expect(JSON.stringify(audit.data)).not.toContain(code);

    expect((await verifyCode(requirementId, code)).status).toBe("fulfilled");
    const transfer = await bob.call((api) => api.transfers.create(small));
    expect(transfer.amountMinor).toBe(10_000);
  });

  it("a code works once: after use it is gone, and it means nothing for another requirement", async () => {
    const first = await smallRequirement();
    await sendCode(first);
    const code = await latestEmailCode(db, BOB);
    await verifyCode(first, code);
    expect((await requirement(first)).emailCodeHash).toBeNull();

    clock.advance(16 * MIN);
    const second = await smallRequirement();
    expect(await catchError(verifyCode(second, code))).toMatchObject({
      stepUp: { code: "INVALID_CREDENTIAL", requirementId: second, attemptsLeft: 4 },
    });
    expect(await lastAttempt()).toMatchObject({ method: "email_code", success: false, failure: "no_code_sent" });
  });

  it("asking again within 30 s is throttled with Retry-After; later a new code replaces the old one; five sends at most", async () => {
    const requirementId = await smallRequirement();
    await sendCode(requirementId);
    const firstCode = await latestEmailCode(db, BOB);

    clock.advance(10_000);
    const throttled = await catchError(sendCode(requirementId));
    expect(throttled).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      stepUp: { code: "RESEND_THROTTLED", retryAfter: 20 },
    });
    expect(bob.lastHeaders.value.get("Retry-After")).toBe("20");
    expect(await db.outboxEmail.count({ where: { to: BOB } })).toBe(3); // two earlier tests + this one

    clock.advance(20_000);
    await sendCode(requirementId);
    const secondCode = await latestEmailCode(db, BOB);
    if (secondCode !== firstCode) {
      expect(await catchError(verifyCode(requirementId, firstCode))).toMatchObject({
        stepUp: { code: "INVALID_CREDENTIAL" },
      });
    }
    for (let send = 3; send <= 5; send++) {
      clock.advance(30_000);
      expect(await sendCode(requirementId)).toMatchObject({ method: "email_code" });
    }
    clock.advance(30_000);
    expect(await catchError(sendCode(requirementId))).toMatchObject({ stepUp: { code: "RESEND_THROTTLED" } });
    expect((await requirement(requirementId)).emailCodeSendCount).toBe(5);
    expect((await verifyCode(requirementId, await latestEmailCode(db, BOB))).status).toBe("fulfilled");
  });

  it("a code older than 10 minutes is refused as an invalid credential and audited as expired_code", async () => {
    bob.services.config = { ...bob.services.config, requirementTtlMs: 30 * MIN };
    try {
      const requirementId = await smallRequirement();
      await sendCode(requirementId);
      const code = await latestEmailCode(db, BOB);
      clock.advance(10 * MIN);
      expect(await catchError(verifyCode(requirementId, code))).toMatchObject({
        code: "BAD_REQUEST",
        stepUp: { code: "INVALID_CREDENTIAL", requirementId },
      });
      expect(await lastAttempt()).toMatchObject({ failure: "expired_code" });
      const failed = await db.stepUpAuditEvent.findFirstOrThrow({
        where: { userId: bobId, type: "stepup.failed" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
      expect(failed.data).toMatchObject({ requirementId, method: "email_code", failure: "expired_code" });

      await sendCode(requirementId);
      expect((await verifyCode(requirementId, await latestEmailCode(db, BOB))).status).toBe("fulfilled");
    } finally {
      bob.services.config = { ...bob.services.config, requirementTtlMs: 10 * MIN };
    }
  });

  it("wrong codes count as failed attempts; the fifth locks the verification, even for the right code", async () => {
    const requirementId = await smallRequirement();
    await sendCode(requirementId);
    const code = await latestEmailCode(db, BOB);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await catchError(verifyCode(requirementId, wrongCode(code)))).toMatchObject({
        stepUp: { code: "INVALID_CREDENTIAL", attemptsLeft: 5 - attempt },
      });
    }
    expect(await lastAttempt()).toMatchObject({ method: "email_code", failure: "invalid" });
    expect(await catchError(verifyCode(requirementId, wrongCode(code)))).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      stepUp: { code: "LOCKED", scope: "requirement" },
    });
    expect(await catchError(verifyCode(requirementId, code))).toMatchObject({ stepUp: { code: "LOCKED" } });
    expect((await requirement(requirementId)).failedAttempts).toBe(5);
  });

  it("email codes are not offered above medium, nor at all when no mailer is configured", async () => {
    const alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
    const high = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    expect(high.methods.flat()).not.toContain("email_code");
    const refused = await catchError(
      alice.call((api) => api.stepUp.challenge({ requirementId: high.requirementId, method: "email_code" })),
    );
    expect(refused).toMatchObject({ stepUp: { code: "METHOD_NOT_ALLOWED" } });

    const mailer = bob.services.mailer;
    bob.services.mailer = null;
    try {
      const medium = await expectStepUp(bob.call((api) => api.transfers.create(small)));
      expect(medium.methods).toEqual([["password"]]);
      expect(await catchError(sendCode(medium.requirementId))).toMatchObject({
        stepUp: { code: "METHOD_NOT_ALLOWED" },
      });
    } finally {
      bob.services.mailer = mailer;
    }
  });

  it("when the mail server fails, the request is refused as unavailable, nothing is audited as sent, and asking again is not throttled", async () => {
    const requirementId = await smallRequirement();
    const mailer = bob.services.mailer;
    bob.services.mailer = { send: () => Promise.reject(new Error("ECONNREFUSED 127.0.0.1:25")) };
    try {
      const failed = await catchError(sendCode(requirementId));
      expect(failed).toMatchObject({ code: "SERVICE_UNAVAILABLE", stepUp: { code: "UNAVAILABLE" } });
      expect(failed.message).not.toContain("ECONNREFUSED");
    } finally {
      bob.services.mailer = mailer;
    }
    expect(await requirement(requirementId)).toMatchObject({
      emailCodeHash: null,
      emailCodeSendCount: 0,
      emailCodeSentAt: null,
    });
    const sent = await db.stepUpAuditEvent.findMany({ where: { userId: bobId, type: "stepup.email_code_sent" } });
    expect(sent.filter((row) => (row.data as { requirementId?: string }).requirementId === requirementId)).toHaveLength(
      0,
    );
    await sendCode(requirementId);
    expect((await verifyCode(requirementId, await latestEmailCode(db, BOB))).status).toBe("fulfilled");
  });

  it("two sends racing for the same requirement: one email goes out, the other is throttled", async () => {
    const requirementId = await smallRequirement();
    const before = await db.outboxEmail.count({ where: { to: BOB } });
    const results = await Promise.allSettled([sendCode(requirementId), sendCode(requirementId)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(await catchError(Promise.reject(rejected?.reason))).toMatchObject({ stepUp: { code: "RESEND_THROTTLED" } });
    expect(await db.outboxEmail.count({ where: { to: BOB } })).toBe(before + 1);
    expect((await requirement(requirementId)).emailCodeSendCount).toBe(1);
  });
});

describe("email codes per user", () => {
  const userDb = createTestDatabase();
  afterAll(() => userDb.$disconnect());
  const clock = createClock();

  it("at most 20 emails an hour per user, across requirements: a signed-in attacker cannot flood the inbox", async () => {
    const alice = createClient(userDb, clock);
    await signIn(alice, "alice@example.com");
    const newRequirement = async () =>
      (await expectStepUp(alice.call((api) => api.transfers.create(small)))).requirementId;
    const send = (requirementId: string) =>
      alice.call((api) => api.stepUp.challenge({ requirementId, method: "email_code" }));
    for (let r = 0; r < 4; r++) {
      const requirementId = await newRequirement();
      for (let s = 0; s < 5; s++) {
        await send(requirementId);
        clock.advance(30_000);
      }
    }
    expect(await userDb.outboxEmail.count({ where: { to: "alice@example.com" } })).toBe(20);
    const refused = await catchError(send(await newRequirement()));
    expect(refused).toMatchObject({ stepUp: { code: "RESEND_THROTTLED" } });
    const retryAfter = (refused.stepUp as { retryAfter: number }).retryAfter;
    expect(retryAfter).toBeGreaterThan(45 * 60);
    expect(retryAfter).toBeLessThanOrEqual(60 * 60);

    clock.advance(61 * MIN);
    expect(await send(await newRequirement())).toMatchObject({ method: "email_code" });
  });
});
