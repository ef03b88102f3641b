import "server-only";
import type { StepUp } from "@step-up/next/server";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, stepUpProcedures } from "../trpc";
import { generateToken, sha256Hex } from "../crypto";

export function apiKeysRouter(stepUp: StepUp) {
  const stepUpProcedure = stepUpProcedures(stepUp);
  return createTRPCRouter({
    list: protectedProcedure.query(({ ctx }) =>
      ctx.db.apiKey.findMany({
        where: { userId: ctx.session.userId, revokedAt: null },
        orderBy: { createdAt: "desc" },
        select: { id: true, name: true, prefix: true, createdAt: true },
      }),
    ),

    /** High in code: policies may raise it, never lower it. The key is returned once and stored hashed. */
    create: stepUpProcedure({
      level: "high",
      input: z.object({ name: z.string().trim().min(1, "Name the key").max(60) }),
      action: "Creating an API key",
      summary: (input) => `Create the API key “${input.name}”`,
    }).mutation(async ({ ctx, input }) => {
      const key = `sk_${generateToken(24)}`;
      const row = await ctx.db.apiKey.create({
        data: { userId: ctx.session.userId, name: input.name, prefix: key.slice(0, 8), keyHash: sha256Hex(key) },
      });
      return { id: row.id, name: row.name, key };
    }),

    revoke: protectedProcedure.input(z.object({ id: z.string().min(1).max(64) })).mutation(async ({ ctx, input }) => {
      const { count } = await ctx.db.apiKey.updateMany({
        where: { id: input.id, userId: ctx.session.userId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      return { revoked: count === 1 };
    }),
  });
}
