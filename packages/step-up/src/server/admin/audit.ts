import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod/v4";
import { createTRPCRouter, type Procedures } from "../trpc";
import { directoryOf } from "./scope";
import { AUDIT_EVENT_TYPES } from "../store/audit";
import { auditChart, auditMetrics } from "./audit-metrics";
import { auditFunnel, TIME_TO_VERIFY_BUCKETS_S } from "./audit-funnel";
import { auditFilterSchema, decodeCursor, listAuditEvents } from "./audit-store";

const periodSchema = z
  .object({ from: z.coerce.date(), to: z.coerce.date() })
  .refine((p) => p.from <= p.to, { message: "from must be before to", path: ["to"] });

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

    eventTypes: adminProcedure.query(() => [...AUDIT_EVENT_TYPES]),

    chart: adminProcedure
      .input(periodSchema)
      .query(({ ctx, input }) =>
        auditChart(ctx.db, { organizationId: ctx.session.activeOrganizationId, ...input, now: ctx.stepUp.now() }),
      ),

    metrics: adminProcedure.input(periodSchema).query(async ({ ctx, input }) => {
      // Counts still in memory belong in the figures.
      await ctx.stepUp.callStats.flush();
      return auditMetrics(ctx.db, {
        organizationId: ctx.session.activeOrganizationId,
        ...input,
        now: ctx.stepUp.now(),
      });
    }),

    /** Per procedure: required → initiated → verified / failed / cancelled / abandoned (ADR 023). */
    funnel: adminProcedure.input(periodSchema).query(async ({ ctx, input }) => ({
      /** Upper bounds of `timeToVerify`'s buckets, in seconds; the last bucket is open. */
      bucketsS: [...TIME_TO_VERIFY_BUCKETS_S],
      procedures: await auditFunnel(ctx.db, {
        organizationId: ctx.session.activeOrganizationId,
        ...input,
        expiredBefore: new Date(ctx.stepUp.now().getTime() - ctx.stepUp.config.requirementTtlMs),
      }),
    })),
  });
}
