import "server-only";
import { z } from "zod/v4";
import { createTRPCRouter, type Procedures } from "../trpc";
import { WEBHOOK_EVENT_TYPES } from "../webhooks/events";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  retryWebhookDelivery,
  setWebhookEndpointEnabled,
} from "../webhooks/endpoints";
import { idSchema, scopeOf } from "./scope";

const eventFilterSchema = z
  .array(z.enum([...WEBHOOK_EVENT_TYPES, "*"]))
  .min(1, "Choose at least one event")
  .max(20);
const action = (verb: string) => `${verb} a security-event webhook`;

/** `stepUp.admin.webhooks.*`: the active organization's endpoints and deliveries only (ADR 021). */
export function webhooksRouter(p: Procedures) {
  const { adminProcedure, adminStepUpProcedure } = p;
  return createTRPCRouter({
    list: adminProcedure.query(async ({ ctx }) => ({
      endpoints: await listWebhookEndpoints(ctx.db, ctx.session.activeOrganizationId),
      eventTypes: WEBHOOK_EVENT_TYPES,
    })),

    deliveries: adminProcedure
      .input(z.object({ endpointId: idSchema.optional() }).default({}))
      .query(({ ctx, input }) => listWebhookDeliveries(ctx.db, ctx.session.activeOrganizationId, input.endpointId)),

    create: adminStepUpProcedure({
      input: z.object({ url: z.string().trim().min(1, "Enter the endpoint URL").max(2000), events: eventFilterSchema }),
      action: action("Adding"),
    }).mutation(({ ctx, input }) =>
      createWebhookEndpoint(
        ctx.db,
        {
          scope: scopeOf(ctx),
          crypto: ctx.stepUp.crypto,
          policy: {
            production: ctx.stepUp.webhooks.production,
            allowPrivateNetworks: ctx.stepUp.webhooks.options.allowPrivateNetworks ?? false,
          },
        },
        input,
      ),
    ),

    setEnabled: adminStepUpProcedure({
      input: z.object({ id: idSchema, enabled: z.boolean() }),
      action: (i) => action(i.enabled ? "Enabling" : "Disabling"),
    }).mutation(({ ctx, input }) => setWebhookEndpointEnabled(ctx.db, scopeOf(ctx), input.id, input.enabled)),

    delete: adminStepUpProcedure({ input: z.object({ id: idSchema }), action: action("Deleting") }).mutation(
      ({ ctx, input }) => deleteWebhookEndpoint(ctx.db, scopeOf(ctx), input.id),
    ),

    retry: adminStepUpProcedure({
      input: z.object({ deliveryId: idSchema }),
      action: "Sending a security-event delivery again",
    }).mutation(({ ctx, input }) => retryWebhookDelivery(ctx.db, scopeOf(ctx), input.deliveryId)),
  });
}
