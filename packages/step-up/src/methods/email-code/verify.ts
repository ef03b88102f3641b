import "server-only";
import { randomInt, timingSafeEqual } from "node:crypto";
import { MINUTE_MS } from "../../engine";
import type { StepUpCrypto } from "../ports";
import { failed, verifiedOnceClaimed, type IssueResult, type Verifier } from "../verifier";
import {
  claimEmailCode,
  clearEmailCode,
  getEmailCodeState,
  releaseEmailCode,
  storeEmailCode,
  type EmailCodeState,
} from "./store";

export const EMAIL_CODE_TTL_MS = 10 * MINUTE_MS;
export const EMAIL_CODE_RESEND_INTERVAL_MS = 30_000;
export const EMAIL_CODE_MAX_SENDS = 5;
/** Across requirements: a signed-in attacker must not turn step-up into a way to flood the user's inbox. */
export const EMAIL_CODE_MAX_SENDS_PER_USER = 20;
export const EMAIL_CODE_USER_WINDOW_MS = 60 * MINUTE_MS;

/** Six digits, uniformly random (crypto.randomInt, no modulo bias). */
export function generateEmailCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Keyed and bound to the requirement: a code (or its hash) is worth nothing for another requirement. */
export function hashEmailCode(crypto: StepUpCrypto, requirementId: string, code: string): string {
  return crypto.keyedHash("email-code", `${requirementId}:${code}`);
}

/** `alice@example.com` → `a***@example.com`: enough to recognise the address, not to harvest it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

export const emailCodeVerifier: Verifier = {
  id: "email_code",

  /** Sends a new code (the previous one dies), at most every 30 s and 5 times per requirement. */
  async issue(context) {
    const { db, mailer, store, userId, requirementId, now } = context;
    if (context.level !== "medium") return { ok: false, failure: "not_allowed_at_level" };
    if (!mailer) return { ok: false, failure: "unavailable" };
    const email = (await context.users.find(userId))?.email ?? null;
    const state = await getEmailCodeState(db, requirementId);
    if (!email || !state) return { ok: false, failure: "not_enrolled" };
    const throttled = throttleSeconds(state, now);
    if (throttled > 0) return { ok: false, failure: "throttled", retryAfter: throttled };
    // The user's hourly cap is reserved in the database first: concurrent sends never exceed it.
    const userKey = `email:${userId}`;
    const userSlot = await store.reserveSlot({
      key: userKey,
      max: EMAIL_CODE_MAX_SENDS_PER_USER,
      windowMs: EMAIL_CODE_USER_WINDOW_MS,
      now,
    });
    if (!userSlot.ok) return { ok: false, failure: "throttled", retryAfter: Math.ceil(userSlot.retryAfterMs / 1000) };

    const code = generateEmailCode();
    const codeHash = hashEmailCode(context.crypto, requirementId, code);
    const expiresAt = new Date(Math.min(now.getTime() + EMAIL_CODE_TTL_MS, context.requirementExpiresAt.getTime()));
    const limits = { minIntervalMs: EMAIL_CODE_RESEND_INTERVAL_MS, maxSends: EMAIL_CODE_MAX_SENDS };
    // Lost a race with a concurrent send: that one's code is the live one.
    if (!(await storeEmailCode(db, { requirementId, codeHash, now, expiresAt, ...limits }))) {
      await store.releaseSlot(userKey);
      return { ok: false, failure: "throttled", retryAfter: Math.ceil(EMAIL_CODE_RESEND_INTERVAL_MS / 1000) };
    }
    try {
      await mailer.send(composeEmail(email, code));
    } catch {
      await releaseEmailCode(db, { requirementId, codeHash, previous: state });
      await store.releaseSlot(userKey);
      return { ok: false, failure: "unavailable" };
    }
    const sentTo = maskEmail(email);
    // Audited once the mailer accepted the message (the address masked, never the code).
    await store.recordEvent({
      type: "stepup.email_code_sent",
      userId,
      organizationId: context.organizationId,
      request: context.request,
      now,
      data: { requirementId, sentTo, expiresAt: expiresAt.toISOString() },
    });
    return { ok: true, challenge: issued(sentTo, expiresAt, state.sendCount + 1) };
  },

  async verify({ db, crypto, requirementId, now, level }, credential) {
    // Whoever reads the mailbox must never clear high or critical, whatever the configuration (ASVS 5.0 6.3.6).
    if (level !== "medium") return failed("not_allowed_at_level");
    const code = credential.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(code)) return failed("malformed");
    const state = await getEmailCodeState(db, requirementId);
    if (!state?.codeHash) return failed("no_code_sent");
    if (!state.expiresAt || state.expiresAt <= now) {
      await clearEmailCode(db, requirementId);
      return failed("expired_code");
    }
    // A wrong code leaves the live one usable (typos happen); the requirement's attempt limit caps guessing.
    if (!sameHash(hashEmailCode(crypto, requirementId, code), state.codeHash)) return failed("invalid");
    const { codeHash } = state;
    // Used up in the transaction that records it (ADR 028).
    return verifiedOnceClaimed((tx) => claimEmailCode(tx, requirementId, codeHash));
  },
};

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function throttleSeconds(state: EmailCodeState, now: Date): number {
  // Out of sends: the last code stays usable until it expires; after that, start the action again.
  if (state.sendCount >= EMAIL_CODE_MAX_SENDS)
    return Math.max(1, Math.ceil(((state.expiresAt?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
  if (!state.sentAt) return 0;
  const waitMs = state.sentAt.getTime() + EMAIL_CODE_RESEND_INTERVAL_MS - now.getTime();
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

function issued(sentTo: string, expiresAt: Date, sendCount: number): Extract<IssueResult, { ok: true }>["challenge"] {
  const resendAfter =
    sendCount >= EMAIL_CODE_MAX_SENDS ? Math.ceil(EMAIL_CODE_TTL_MS / 1000) : EMAIL_CODE_RESEND_INTERVAL_MS / 1000;
  return { method: "email_code", sentTo, resendAfter, expiresAt: expiresAt.toISOString() };
}

function composeEmail(to: string, code: string) {
  return {
    to,
    subject: `Your verification code: ${code}`,
    text: `Your verification code is ${code}.\n\nIt expires in 10 minutes and works once. If you did not ask for it, someone may know your password: change it.`,
  };
}
