import "server-only";
import type { StepUpCrypto } from "../crypto";
import type { Database } from "../db";
import type { ResolveHost } from "./resolve-host";
import { signedHeaders } from "./signing";
import { RefusedAddressError, sendDelivery } from "./transport";
import { checkEndpointUrl, type UrlPolicy } from "./url-guard";

/** Webhook delivery settings (`createStepUp({ webhooks })`); every field has a default. */
export interface WebhookOptions {
  /** Attempts before a delivery is marked failed. */
  maxAttempts?: number;
  /** The wait after the first failed attempt; doubles each time, with jitter, up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Each POST is aborted after this long (a slow receiver cannot hold a worker). */
  timeoutMs?: number;
  /** How long a claimed row stays claimed: a crash mid-send frees it after this for a re-send. */
  leaseMs?: number;
  /** Development and tests only: allow endpoints on loopback and private networks (ADR 021). */
  allowPrivateNetworks?: boolean;
  /** For tests: sends through this fetch instead of the guarded socket (no connect-time check). */
  fetch?: typeof fetch;
  /** For tests: the DNS answer (both checks use it). */
  resolveHost?: ResolveHost;
  /** For tests: 0..1, the jitter's randomness. */
  random?: () => number;
}

export const WEBHOOK_DEFAULTS = {
  maxAttempts: 8,
  baseBackoffMs: 30_000,
  maxBackoffMs: 6 * 60 * 60_000,
  timeoutMs: 10_000,
  leaseMs: 60_000,
} as const;
const CLAIM_BATCH = 20;

export interface DeliveryContext {
  db: Database;
  crypto: StepUpCrypto;
  now: () => Date;
  production: boolean;
  options: WebhookOptions;
}

/** The wait before attempt `attempts + 1`: exponential, capped, with "equal jitter" (half fixed, half random). */
export function backoffMs(attempts: number, options: WebhookOptions, random = Math.random): number {
  const base = options.baseBackoffMs ?? WEBHOOK_DEFAULTS.baseBackoffMs;
  const cap = options.maxBackoffMs ?? WEBHOOK_DEFAULTS.maxBackoffMs;
  const exponential = Math.min(cap, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/**
 * Claims the due rows one by one with a conditional update (status pending, due, lease free or
 * expired → lease taken; `count === 1` wins), so instances sharing a database never send the same row
 * at once; then sends each. Returns how many were attempted.
 */
export async function deliverDue(context: DeliveryContext): Promise<number> {
  const now = context.now();
  const due = {
    status: "pending",
    nextAttemptAt: { lte: now },
    OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
  };
  const candidates = await context.db.stepUpWebhookDelivery.findMany({
    where: due,
    orderBy: { nextAttemptAt: "asc" },
    take: CLAIM_BATCH,
    select: { id: true },
  });
  let attempted = 0;
  for (const { id } of candidates) {
    const leaseUntil = new Date(now.getTime() + (context.options.leaseMs ?? WEBHOOK_DEFAULTS.leaseMs));
    const { count } = await context.db.stepUpWebhookDelivery.updateMany({
      where: { id, ...due },
      data: { leaseUntil },
    });
    if (count !== 1) continue;
    await sendClaimed(context, id);
    attempted++;
  }
  return attempted;
}

async function sendClaimed(context: DeliveryContext, id: string): Promise<void> {
  const row = await context.db.stepUpWebhookDelivery.findUniqueOrThrow({ where: { id } });
  const endpoint = await context.db.stepUpWebhookEndpoint.findUnique({ where: { id: row.endpointId } });
  const result = endpoint?.enabled
    ? await post(context, { url: endpoint.url, secret: context.crypto.decrypt(endpoint.secretEncrypted), row })
    : { ok: false as const, status: null, error: endpoint ? "endpoint disabled" : "endpoint deleted" };
  const attempts = row.attempts + 1;
  const now = context.now();
  if (result.ok) {
    await context.db.stepUpWebhookDelivery.update({
      where: { id },
      data: {
        status: "delivered",
        attempts,
        deliveredAt: now,
        lastStatus: result.status,
        lastError: null,
        leaseUntil: null,
      },
    });
    return;
  }
  const maxAttempts = context.options.maxAttempts ?? WEBHOOK_DEFAULTS.maxAttempts;
  const giveUp = attempts >= maxAttempts || !endpoint;
  await context.db.stepUpWebhookDelivery.update({
    where: { id },
    data: {
      status: giveUp ? "failed" : "pending",
      attempts,
      lastStatus: result.status,
      lastError: result.error,
      leaseUntil: null,
      nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, context.options, context.options.random)),
    },
  });
}

type PostResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function post(
  context: DeliveryContext,
  target: { url: string; secret: string; row: { eventId: string; payload: string } },
): Promise<PostResult> {
  const policy: UrlPolicy = {
    production: context.production,
    allowPrivateNetworks: context.options.allowPrivateNetworks ?? false,
    resolveHost: context.options.resolveHost,
  };
  const check = await checkEndpointUrl(target.url, policy);
  if (!check.ok) return { ok: false, status: null, error: `refused: ${check.reason}` };
  try {
    const status = await sendDelivery(
      check.url,
      {
        // Wall clock: the receiver compares the timestamp with its own clock.
        headers: signedHeaders(target.secret, { id: target.row.eventId, body: target.row.payload, at: new Date() }),
        body: target.row.payload,
        timeoutMs: context.options.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs,
      },
      { ...policy, fetch: context.options.fetch },
    );
    if (status >= 200 && status < 300) return { ok: true, status };
    return { ok: false, status, error: `HTTP ${status}` };
  } catch (error) {
    if (error instanceof RefusedAddressError)
      return { ok: false, status: null, error: "refused at connect: resolves to a private or loopback address" };
    const name = error instanceof Error ? error.name : "Error";
    // An aborted socket says AbortError; fetch says TimeoutError.
    const timedOut = name === "TimeoutError" || name === "AbortError";
    return { ok: false, status: null, error: timedOut ? "timed out" : "network error" };
  }
}
