import "server-only";
import type { StepUp } from "@step-up/next/server";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, stepUpProcedures } from "../trpc";

export function profileRouter(stepUp: StepUp) {
  const stepUpProcedure = stepUpProcedures(stepUp);
  return createTRPCRouter({
    get: protectedProcedure.query(({ ctx }) =>
      ctx.db.user.findUniqueOrThrow({
        where: { id: ctx.session.userId },
        select: { id: true, email: true, name: true, balanceMinor: true, currency: true },
      }),
    ),

    /** Level "none": protected by step-up only if a policy says so. */
    update: stepUpProcedure({
      input: z.object({ name: z.string().trim().min(1, "Enter a name").max(100) }),
      action: "Updating your profile",
    }).mutation(({ ctx, input }) =>
      ctx.db.user.update({
        where: { id: ctx.session.userId },
        data: { name: input.name },
        select: { id: true, name: true },
      }),
    ),
  });
}
