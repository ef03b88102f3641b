import "server-only";
import type { StepUp } from "@step-up/next/server";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, stepUpProcedures } from "../trpc";

const input = z.object({ name: z.string().trim().min(1).max(100) });

/**
 * Mounted only with STEP_UP_BENCH=1 (bench/http.ts): profile.update's body behind both procedure kinds,
 * so one server in one run measures what step-up itself adds to a call holding a grant.
 */
export function benchRouter(stepUp: StepUp) {
  const stepUpProcedure = stepUpProcedures(stepUp);
  return createTRPCRouter({
    plain: protectedProcedure
      .input(input)
      .mutation(({ ctx, input }) =>
        ctx.db.user.update({ where: { id: ctx.session.userId }, data: { name: input.name }, select: { id: true } }),
      ),
    guarded: stepUpProcedure({ input, level: "medium", action: "Renaming" }).mutation(({ ctx, input }) =>
      ctx.db.user.update({ where: { id: ctx.session.userId }, data: { name: input.name }, select: { id: true } }),
    ),
  });
}
