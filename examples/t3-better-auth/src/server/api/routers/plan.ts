import { z } from "zod";

import { createTRPCRouter, protectedProcedure, stepUpProcedure } from "~/server/api/trpc";

export const planRouter = createTRPCRouter({
  current: protectedProcedure.query(async ({ ctx }) => {
    const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.session.user.id } });
    return { plan: user.plan };
  }),

  change: stepUpProcedure({
    input: z.object({ plan: z.enum(["free", "pro", "team"]) }),
    level: "medium",
    action: "Changing your plan",
  }).mutation(async ({ ctx, input }) => {
    const user = await ctx.db.user.update({ where: { id: ctx.session.user.id }, data: { plan: input.plan } });
    return { plan: user.plan };
  }),
});
