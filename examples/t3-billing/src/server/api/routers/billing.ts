import { z } from "zod";
import { planIdSchema } from "~/lib/plans";
import { stepUp } from "../../step-up";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const billingRouter = createTRPCRouter({
  current: protectedProcedure.query(({ ctx }) => ({
    plan: ctx.account.plan,
    displayName: ctx.account.displayName,
    emailAddress: ctx.account.emailAddress,
  })),

  changePlan: protectedProcedure
    .concat(
      stepUp.procedure({ input: z.object({ plan: planIdSchema }), level: "medium", action: "Changing your plan" }),
    )
    .mutation(async ({ ctx, input }) => {
      const account = await ctx.db.account.update({ where: { id: ctx.account.id }, data: { plan: input.plan } });
      return { plan: account.plan };
    }),
});
