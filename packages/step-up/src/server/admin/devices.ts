import "server-only";
import { z } from "zod/v4";
import { createTRPCRouter, type Procedures } from "../trpc";
import { listOrgDevices, removeOrgPasskey, revokeOrgDevice } from "./device-store";
import { directoryOf, idSchema, scopeOf } from "./scope";

export function devicesRouter(p: Procedures) {
  const { adminProcedure, adminStepUpProcedure } = p;
  return createTRPCRouter({
    list: adminProcedure.input(z.object({ userId: idSchema.optional() }).default({})).query(({ ctx, input }) =>
      listOrgDevices(ctx.db, {
        organizationId: ctx.session.activeOrganizationId,
        userId: input.userId,
        now: ctx.stepUp.now(),
        directory: directoryOf(ctx.stepUp.users),
      }),
    ),

    revoke: adminStepUpProcedure({
      input: z.object({ deviceId: idSchema }),
      action: "Revoking a member's remembered device",
    }).mutation(({ ctx, input }) => revokeOrgDevice(ctx.db, scopeOf(ctx), input.deviceId)),

    removePasskey: adminStepUpProcedure({
      input: z.object({ passkeyId: idSchema }),
      action: "Removing a member's passkey",
    }).mutation(({ ctx, input }) => removeOrgPasskey(ctx.db, scopeOf(ctx), input.passkeyId)),
  });
}
