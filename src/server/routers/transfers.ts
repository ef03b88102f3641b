import "server-only";
import type { StepUp } from "@step-up/next/server";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Database } from "../db";
import { createTRPCRouter, protectedProcedure, stepUpProcedures } from "../trpc";

export const CURRENCIES = ["USD", "EUR", "GBP"] as const;

/**
 * An amount in major units (what the form sends) that is exactly a whole number of cents, as integer
 * cents. Exact, not "close": `n` passes only when `Math.round(n * 100) / 100 === n`, i.e. `n` is the
 * double nearest to k/100 for the integer k it becomes. So the policies (which see k / 100, the very
 * number the client sent) and the debit (k) act on one value; nothing is rounded after the check.
 */
const amountInCents = z
  .number({ error: "Enter an amount" })
  .positive("The amount must be more than zero")
  .max(1_000_000, "Transfers are limited to 1,000,000")
  .refine((n) => Math.round(n * 100) / 100 === n, "Enter a whole number of cents (at most two decimals)")
  .transform((n) => Math.round(n * 100));

/** Parsed once: the handler and the step-up `amount` extractor both read `amountMinor`. */
export const transferInput = z
  .object({
    amount: amountInCents,
    currency: z.enum(CURRENCIES),
    to: z.string().trim().min(1, "Enter a recipient").max(100),
  })
  .transform(({ amount, ...rest }) => ({ ...rest, amountMinor: amount }));

export function formatMoney(value: number, currency: string): string {
  return `${new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} ${currency}`;
}

function insufficientBalance(): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message: "Insufficient balance" });
}

export type TransferInput = z.output<typeof transferInput>;

/**
 * What step-up knows about a transfer, shared by `transfers.create` and `POST /api/v1/transfers`: one
 * declaration, so the rules see the same amount and resource wherever the transfer comes from.
 */
export const transferDeclaration = {
  input: transferInput,
  // k / 100 is exact for the rules' comparisons: the same double the client sent (see amountInCents).
  amount: (i: TransferInput) => ({ value: i.amountMinor / 100, currency: i.currency }),
  resource: { type: "transfer", action: "create" },
  action: (i: TransferInput) => `Transferring ${formatMoney(i.amountMinor / 100, i.currency)}`,
  // Named with its recipient in the dialog at every level; a critical one is signed by the passkey (ADR 022, 045).
  summary: (i: TransferInput) => `Send ${formatMoney(i.amountMinor / 100, i.currency)} to ${i.to}`,
  // Before asking to verify: a transfer the balance cannot cover fails now, not after the step-up.
  // The handler's conditional update still decides (the balance may change in between).
  precheck: async ({
    input,
    ctx,
  }: {
    input: TransferInput;
    ctx: { db: Database; session: { userId: string } | null };
  }) => {
    if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
    const user = await ctx.db.user.findUniqueOrThrow({
      where: { id: ctx.session.userId },
      select: { balanceMinor: true },
    });
    if (user.balanceMinor < input.amountMinor) throw insufficientBalance();
  },
};

/** Debits and records one transfer; refuses (BAD_REQUEST) when the balance no longer covers it. */
export function executeTransfer(db: Database, userId: string, input: TransferInput) {
  const { amountMinor } = input;
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, balanceMinor: { gte: amountMinor } },
      data: { balanceMinor: { decrement: amountMinor } },
    });
    if (count !== 1) throw insufficientBalance();
    return tx.transfer.create({ data: { userId, amountMinor, currency: input.currency, to: input.to } });
  });
}

export function transfersRouter(stepUp: StepUp) {
  const stepUpProcedure = stepUpProcedures(stepUp);
  return createTRPCRouter({
    list: protectedProcedure.query(({ ctx }) =>
      ctx.db.transfer.findMany({ where: { userId: ctx.session.userId }, orderBy: { createdAt: "desc" }, take: 20 }),
    ),

    /** The level comes from the amount rules (medium / high / critical). */
    create: stepUpProcedure(transferDeclaration).mutation(({ ctx, input }) =>
      executeTransfer(ctx.db, ctx.session.userId, input),
    ),
  });
}
