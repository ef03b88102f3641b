import "server-only";
import { randomUUID } from "node:crypto";
import type { Transaction } from "../db";
import type { AuditEventInput } from "../audit/audit";
import { completeStepUpEvent, securityEventsOf, type WebhookEventType } from "./events";

/**
 * Writes one outbox row per matching enabled endpoint of the event's organization, in the
 * transaction of the audit row (called by `writeAudit`, so no path forgets): an event whose
 * transaction rolls back is never sent, and one that commits is sent at least once.
 */
export async function enqueueSecurityEvent(tx: Transaction, event: AuditEventInput): Promise<void> {
  const securityEvents = securityEventsOf(event);
  if (securityEvents.length === 0 || !event.organizationId) return;
  const endpoints = await tx.stepUpWebhookEndpoint.findMany({
    where: { organizationId: event.organizationId, enabled: true },
    select: { id: true, events: true },
  });
  if (endpoints.length === 0) return;
  const findRequirement = async (id: string) => {
    const row = await tx.stepUpRequirement.findUnique({
      where: { id },
      select: { requiredLevel: true, procedure: true },
    });
    return row && { level: row.requiredLevel, procedure: row.procedure };
  };
  for (const recorded of securityEvents) {
    const securityEvent = await completeStepUpEvent(recorded, findRequirement);
    const matching = endpoints.filter((endpoint) => subscribes(endpoint.events, securityEvent.type));
    if (matching.length === 0) continue;
    // One id per event, the same for every endpoint and every retry: receivers dedupe on it.
    const eventId = `msg_${randomUUID().replaceAll("-", "")}`;
    const payload = JSON.stringify(securityEvent);
    await tx.stepUpWebhookDelivery.createMany({
      data: matching.map((endpoint) => ({
        eventId,
        endpointId: endpoint.id,
        organizationId: event.organizationId as string,
        type: securityEvent.type,
        payload,
        nextAttemptAt: event.at,
      })),
    });
  }
}

/** An endpoint's filter: a JSON array of event types, `"*"` for every one. */
export function subscribes(filter: unknown, type: WebhookEventType): boolean {
  return Array.isArray(filter) && (filter.includes("*") || filter.includes(type));
}
