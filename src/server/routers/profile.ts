import "server-only";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, stepUpProcedure } from "../trpc";

export const profileRouter = createTRPCRouter({
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
