import "server-only";
import { z } from "zod/v4";
import { createTRPCRouter, type Procedures } from "../trpc";
import { checkCondition, policyRulesSchema } from "../../engine";
import { createPolicy, deletePolicy, getPolicy, listPolicies, setPolicyEnabled, updatePolicy } from "./policy-store";
import { directoryOf, idSchema, scopeOf } from "./scope";

export const policyModeSchema = z.enum(["enforce", "report_only"]);

/** A policy as the admin form sends it; rules go through the engine's schema and a CEL type-check. */
export const policyDraftSchema = z.object({
  name: z.string().trim().min(1, "Name the policy").max(100),
  description: z.string().trim().max(500).default(""),
  /** Scope the policy to one member of the organization; null or absent = the whole organization. */
  userId: idSchema.nullish(),
  priority: z.number().int().min(-1000).max(1000),
  enabled: z.boolean(),
  mode: policyModeSchema,
  rules: policyRulesSchema,
});

const action = (verb: string) => `${verb} a step-up policy`;

export function policiesRouter(p: Procedures) {
  const { adminProcedure, adminStepUpProcedure } = p;
  return createTRPCRouter({
    list: adminProcedure.query(({ ctx }) =>
      listPolicies(ctx.db, ctx.session.activeOrganizationId, directoryOf(ctx.stepUp.users)),
    ),

    get: adminProcedure
      .input(z.object({ id: idSchema }))
      .query(({ ctx, input }) =>
        getPolicy(ctx.db, ctx.session.activeOrganizationId, input.id, directoryOf(ctx.stepUp.users)),
      ),

    create: adminStepUpProcedure({ input: policyDraftSchema, action: action("Creating") }).mutation(({ ctx, input }) =>
      createPolicy(ctx.db, scopeOf(ctx), input),
    ),

    update: adminStepUpProcedure({
      input: policyDraftSchema.extend({ id: idSchema }),
      action: action("Changing"),
    }).mutation(({ ctx, input }) => {
      const { id, ...draft } = input;
      return updatePolicy(ctx.db, scopeOf(ctx), id, draft);
    }),

    setEnabled: adminStepUpProcedure({
      input: z.object({ id: idSchema, enabled: z.boolean() }),
      action: (i) => action(i.enabled ? "Enabling" : "Disabling"),
    }).mutation(({ ctx, input }) => setPolicyEnabled(ctx.db, scopeOf(ctx), input.id, input.enabled)),

    delete: adminStepUpProcedure({ input: z.object({ id: idSchema }), action: action("Deleting") }).mutation(
      ({ ctx, input }) => deletePolicy(ctx.db, scopeOf(ctx), input.id),
    ),

    /** As-you-type validation of a context condition (CEL); never throws for a bad expression. */
    checkCondition: adminProcedure
      .input(z.object({ expression: z.string().max(1000) }))
      .query(({ input }) =>
        input.expression.trim() === ""
          ? { ok: false as const, message: "Enter an expression" }
          : checkCondition(input.expression),
      ),
  });
}
