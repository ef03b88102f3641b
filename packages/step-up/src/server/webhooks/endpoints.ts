import "server-only";
import { TRPCError } from "@trpc/server";
import type { StepUpCrypto } from "../crypto";
import type { Database } from "../db";
import { notFound, type AdminScope } from "../admin/scope";
import { auditOrigin, writeAudit } from "../audit/audit";
import type { WebhookEventType } from "./events";
import { generateWebhookSecret } from "./signing";
import { checkEndpointUrl, type UrlPolicy } from "./url-guard";

const RECENT_DELIVERIES = 50;
const endpointFields = { id: true, url: true, events: true, enabled: true, createdAt: true } as const;

/** The organization's endpoints; the signing secret is never read back (it is shown once, on creation). */
export async function listWebhookEndpoints(db: Database, organizationId: string) {
  return db.stepUpWebhookEndpoint.findMany({
    where: { organizationId },
    select: endpointFields,
    orderBy: { createdAt: "asc" },
  });
}

/** Registers an endpoint after the URL check; returns the secret, which is stored only encrypted. */
export async function createWebhookEndpoint(
  db: Database,
  options: { scope: AdminScope; crypto: StepUpCrypto; policy: UrlPolicy },
  input: { url: string; events: Array<WebhookEventType | "*"> },
) {
  const check = await checkEndpointUrl(input.url, options.policy);
  if (!check.ok) throw new TRPCError({ code: "BAD_REQUEST", message: `The endpoint URL ${check.reason}` });
  const secret = generateWebhookSecret();
  const { scope } = options;
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.stepUpWebhookEndpoint.create({
      data: {
        organizationId: scope.organizationId,
        url: check.url.toString(),
        secretEncrypted: options.crypto.encrypt(secret),
        events: input.events,
      },
      select: endpointFields,
    });
    await audit(tx, scope, { action: "created", endpointId: created.id, url: created.url });
    return created;
  });
  return { endpoint, secret };
}

export async function setWebhookEndpointEnabled(db: Database, scope: AdminScope, id: string, enabled: boolean) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.stepUpWebhookEndpoint.updateMany({
      where: { id, organizationId: scope.organizationId },
      data: { enabled },
    });
    if (count !== 1) throw notFound("webhook endpoint");
    await audit(tx, scope, { action: enabled ? "enabled" : "disabled", endpointId: id });
  });
  return { enabled };
}

/** Deletes the endpoint and its deliveries (pending ones are never sent). */
export async function deleteWebhookEndpoint(db: Database, scope: AdminScope, id: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.stepUpWebhookEndpoint.deleteMany({
      where: { id, organizationId: scope.organizationId },
    });
    if (count !== 1) throw notFound("webhook endpoint");
    await tx.stepUpWebhookDelivery.deleteMany({ where: { endpointId: id, organizationId: scope.organizationId } });
    await audit(tx, scope, { action: "deleted", endpointId: id });
  });
  return { deleted: true };
}

/** The organization's latest deliveries, newest first (the payload stays server-side). */
export async function listWebhookDeliveries(db: Database, organizationId: string, endpointId?: string) {
  return db.stepUpWebhookDelivery.findMany({
    where: { organizationId, ...(endpointId ? { endpointId } : {}) },
    orderBy: { createdAt: "desc" },
    take: RECENT_DELIVERIES,
    select: {
      id: true,
      eventId: true,
      endpointId: true,
      type: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastStatus: true,
      lastError: true,
      deliveredAt: true,
      createdAt: true,
    },
  });
}

/** Puts a failed delivery back in the queue with a fresh set of attempts; same webhook-id. */
export async function retryWebhookDelivery(db: Database, scope: AdminScope, id: string) {
  const { count } = await db.stepUpWebhookDelivery.updateMany({
    where: { id, organizationId: scope.organizationId, status: "failed" },
    data: { status: "pending", attempts: 0, nextAttemptAt: scope.now, leaseUntil: null },
  });
  if (count !== 1) throw notFound("failed delivery");
  return { queued: true };
}

function audit(
  tx: Parameters<Parameters<Database["$transaction"]>[0]>[0],
  scope: AdminScope,
  data: Record<string, string>,
) {
  return writeAudit(tx, {
    ...auditOrigin({
      userId: scope.adminId,
      organizationId: scope.organizationId,
      request: scope.request,
      now: scope.now,
    }),
    type: "stepup.webhook_changed",
    data,
  });
}
