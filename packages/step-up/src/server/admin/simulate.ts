import "server-only";
import { z } from "zod/v4";
import type { Procedures } from "../trpc";
import type { Database } from "../db";
import {
  evaluate,
  policyRulesSchema,
  type CompiledPolicies,
  type GrantSnapshot,
  type MatchedRule,
  type PolicySnapshot,
} from "../../engine";
import type { StepUpServices } from "../services";
import { loadEnrolledMethods } from "../verification/enrolled-methods";
import { policyModeSchema } from "./policies";
import { directoryOf, idSchema, requireMember } from "./scope";

export const simulateInput = z.object({
  /** Whose call; default the admin. Must be a member of the organization. */
  userId: idSchema.optional(),
  procedure: z.string().trim().min(1).max(200),
  amount: z
    .object({
      value: z.number().nonnegative().max(1e12),
      currency: z.string().regex(/^[A-Z]{3}$/, "Use a 3-letter currency code"),
    })
    .optional(),
  resource: z.object({ type: z.string().trim().min(1).max(100), id: z.string().max(100).optional() }).optional(),
  /** The resource action, e.g. "delete". */
  action: z.string().trim().max(100).optional(),
  risk: z.number().min(0).max(1),
  /** null = never verified in this session. */
  minutesSinceVerification: z.number().min(0).max(100_000).nullable(),
  /** Level of that last verification (default high, the strongest reusable one). */
  verifiedLevel: z.enum(["medium", "high"]).default("high"),
  /** A policy being edited, evaluated as if saved (it replaces the stored one with the same id). */
  draft: z
    .object({
      id: idSchema.optional(),
      userId: idSchema.nullish(),
      rules: policyRulesSchema,
      mode: policyModeSchema,
      priority: z.number().int(),
    })
    .optional(),
});
export type SimulateInput = z.output<typeof simulateInput>;

const SIMULATED_SESSION = "simulated-session";
const MINUTE_MS = 60_000;

function explainRule(match: MatchedRule, reportOnly: boolean) {
  return {
    policyId: match.policyId,
    policyName: match.policyName,
    ruleIndex: match.ruleIndex,
    description: match.description,
    level: match.level,
    reportOnly,
  };
}

/** The stored policies as compiled, or with the draft as plain snapshots (evaluate compiles those per call). */
function withDraft(
  policies: CompiledPolicies,
  organizationId: string,
  draft: SimulateInput["draft"],
): CompiledPolicies | PolicySnapshot[] {
  if (!draft) return policies;
  const id = draft.id ?? "draft";
  const snapshot: PolicySnapshot = {
    id,
    name: "Draft (unsaved)",
    organizationId,
    userId: draft.userId ?? null,
    priority: draft.priority,
    enabled: true,
    mode: draft.mode,
    rules: draft.rules,
  };
  return [...policies.snapshots.filter((p) => p.id !== id), snapshot];
}

/**
 * The same `evaluate` the middleware runs, on a described call instead of a real one: stored policies
 * (plus the draft), the user's enrolled methods, and a grant as old as `minutesSinceVerification`.
 */
export async function simulateCall(
  db: Database,
  services: StepUpServices,
  options: { organizationId: string; userId: string; input: SimulateInput },
) {
  const { input, organizationId, userId } = options;
  const now = services.now().getTime();
  const info = services.catalog.get(input.procedure);
  const declaredResource = typeof info?.declaration.resource === "object" ? info.declaration.resource : undefined;
  const grants: GrantSnapshot[] =
    input.minutesSinceVerification === null
      ? []
      : [
          {
            id: "simulated-grant",
            sessionId: SIMULATED_SESSION,
            level: input.verifiedLevel,
            verifiedAt: now - input.minutesSinceVerification * MINUTE_MS,
            callHash: null,
            consumedAt: null,
          },
        ];
  const [policies, enrolled] = await Promise.all([
    services.policies.load(),
    loadEnrolledMethods(db, userId, { mailer: services.mailer !== null, users: services.users }),
  ]);
  const decision = evaluate(
    {
      context: {
        userId,
        organizationId,
        sessionId: SIMULATED_SESSION,
        procedure: input.procedure,
        input: undefined,
        amount: input.amount,
        resource: input.resource ? { type: input.resource.type, action: input.action ?? "" } : declaredResource,
        risk: input.risk,
        minimumLevel: info?.level ?? "low",
        action: typeof info?.declaration.action === "string" ? info.declaration.action : undefined,
      },
      policies: withDraft(policies, organizationId, input.draft),
      grants,
      device: null,
      availableMethods: enrolled,
      callHash: "",
      now,
    },
    services.config,
  );
  const protectedByStepUp = info !== null;
  return {
    /** Only procedures wrapped by stepUpProcedure are ever refused; others run whatever the policies say. */
    required: protectedByStepUp && decision.required,
    protectedByStepUp,
    declaredLevel: info?.level ?? null,
    level: decision.level,
    currentLevel: decision.currentLevel,
    reason: decision.reason,
    matchedRules: [
      ...decision.matchedRules.map((m) => explainRule(m, false)),
      ...decision.wouldRequire.map((m) => explainRule(m, true)),
    ],
    combinations: decision.methods.map((c) => [...c]),
    degraded: decision.degraded,
    wouldRequire: decision.wouldRequire.map((m) => explainRule(m, true)),
    satisfiedBy: decision.satisfiedBy?.kind ?? null,
    windowSeconds: Math.round(decision.windowMs / 1000),
  };
}

export function simulateProcedure(p: Procedures) {
  const { adminProcedure } = p;
  return adminProcedure.input(simulateInput).query(async ({ ctx, input }) => {
    const organizationId = ctx.session.activeOrganizationId;
    const userId = input.userId ?? ctx.session.userId;
    await requireMember(directoryOf(ctx.stepUp.users), organizationId, userId);
    return simulateCall(ctx.db, ctx.stepUp, { organizationId, userId, input });
  });
}
