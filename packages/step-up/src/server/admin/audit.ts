import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod/v4";
import { createTRPCRouter, type Procedures } from "../trpc";
import { directoryOf } from "./scope";
import { auditChart, auditMetrics } from "./audit-metrics";
import { auditFunnel, TIME_TO_VERIFY_BUCKETS_S } from "./audit-funnel";
import { auditFilterSchema, decodeCursor, listAuditEvents } from "./audit-store";

/**
 * A period and the page's filters (the list's own, so one URL drives table, metrics, chart and funnel).
 * The chart applies all three; metrics and the funnel the user only (they are made of step-up rows).
 */
const periodSchema = z
  .object({
    from: z.coerce.date(),
    to: z.coerce.date(),
    userId: auditFilterSchema.shape.userId,
    type: auditFilterSchema.shape.type,
    severity: auditFilterSchema.shape.severity,
  })
  .refine((p) => p.from <= p.to, { message: "from must be before to", path: ["to"] });

type PeriodInput = z.output<typeof periodSchema>;

function periodOf(organizationId: string, { from, to, ...filter }: PeriodInput) {
  return { organizationId, from, to, filter };
}

export function auditRouter(p: Procedures) {
  const { adminProcedure } = p;
  return createTRPCRouter({
    list: adminProcedure
      .input(
        auditFilterSchema.extend({
          cursor: z.string().max(200).nullish(),
          limit: z.number().int().min(1).max(100).default(50),
        }),
      )
      .query(({ ctx, input }) => {
        const { cursor: rawCursor, limit, ...filter } = input;
        const cursor = rawCursor ? decodeCursor(rawCursor) : null;
        if (rawCursor && !cursor) throw new TRPCError({ code: "BAD_REQUEST", message: "Invalid cursor" });
        return listAuditEvents(ctx.db, {
          organizationId: ctx.session.activeOrganizationId,
          filter,
          cursor,
          limit,
          directory: directoryOf(ctx.stepUp.users),
        });
      }),

    eventTypes: adminProcedure.query(({ ctx }) => [...ctx.stepUp.auditEvents.types]),

    chart: adminProcedure
      .input(periodSchema)
      .query(({ ctx, input }) =>
        auditChart(
          ctx.db,
          { ...periodOf(ctx.session.activeOrganizationId, input), now: ctx.stepUp.now() },
          ctx.stepUp.auditEvents.types,
        ),
      ),

    metrics: adminProcedure.input(periodSchema).query(async ({ ctx, input }) => {
      // Counts still in memory belong in the figures.
      await ctx.stepUp.callStats.flush();
      return auditMetrics(ctx.db, { ...periodOf(ctx.session.activeOrganizationId, input), now: ctx.stepUp.now() });
    }),

    /** Per procedure: required → initiated → verified / failed / cancelled / abandoned (ADR 023). */
    funnel: adminProcedure.input(periodSchema).query(async ({ ctx, input }) => ({
      /** Upper bounds of `timeToVerify`'s buckets, in seconds; the last bucket is open. */
      bucketsS: [...TIME_TO_VERIFY_BUCKETS_S],
      procedures: await auditFunnel(ctx.db, {
        ...periodOf(ctx.session.activeOrganizationId, input),
        expiredBefore: new Date(ctx.stepUp.now().getTime() - ctx.stepUp.config.requirementTtlMs),
      }),
    })),
  });
}
