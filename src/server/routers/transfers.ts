import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, stepUpProcedure } from "../trpc";

export const CURRENCIES = ["USD", "EUR", "GBP"] as const;

export const transferInput = z.object({
  amount: z
    .number({ error: "Enter an amount" })
    .positive("The amount must be more than zero")
    .max(1_000_000, "Transfers are limited to 1,000,000")
    .refine(
      (n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6,
      "Use at most two decimals",
    ),
  currency: z.enum(CURRENCIES),
  to: z.string().trim().min(1, "Enter a recipient").max(100),
});

export function formatMoney(value: number, currency: string): string {
  return `${new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} ${currency}`;
}

export const transfersRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) =>
    ctx.db.transfer.findMany({ where: { userId: ctx.session.userId }, orderBy: { createdAt: "desc" }, take: 20 }),
  ),

  /** The level comes from the amount rules (medium / high / critical). */
  create: stepUpProcedure({
    input: transferInput,
    amount: (i) => ({ value: i.amount, currency: i.currency }),
    resource: { type: "transfer", action: "create" },
    action: (i) => `Transferring ${formatMoney(i.amount, i.currency)}`,
  }).mutation(async ({ ctx, input }) => {
    const amountMinor = Math.round(input.amount * 100);
    return ctx.db.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: ctx.session.userId, balanceMinor: { gte: amountMinor } },
        data: { balanceMinor: { decrement: amountMinor } },
      });
      if (count !== 1) throw new TRPCError({ code: "BAD_REQUEST", message: "Insufficient balance" });
      return tx.transfer.create({
        data: { userId: ctx.session.userId, amountMinor, currency: input.currency, to: input.to },
      });
    });
  }),
});
