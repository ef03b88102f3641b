import { z } from "zod/v4";
import { checkCondition } from "./condition";
import { levelSchema } from "./levels";

/**
 * Rule kinds of a policy. Every rule names the level it requires when it matches;
 * the call's level is the maximum over all matches (rules never lower a level, ADR 004).
 */
const base = {
  level: levelSchema,
  /** Shown to the user as the reason when this rule decides the level. */
  description: z.string().max(200).optional(),
};

const currencySchema = z.string().regex(/^[A-Z]{3}$/, "Currency must be a 3-letter ISO code such as USD");

export const procedureRuleSchema = z.object({
  kind: z.literal("procedure"),
  /** Glob over the tRPC path: `account.*`, `transfers.create`, `**`. */
  pattern: z.string().min(1).max(200),
  ...base,
});

export const amountRuleSchema = z
  .object({
    kind: z.literal("amount"),
    /** Inclusive lower bound in major units (e.g. 1000 = 1,000.00). */
    min: z.number().nonnegative().optional(),
    /** Exclusive upper bound. */
    max: z.number().positive().optional(),
    /** When set, only amounts in this currency match (no conversion). */
    currency: currencySchema.optional(),
    ...base,
  })
  .refine((r) => r.min === undefined || r.max === undefined || r.min < r.max, {
    message: "min must be lower than max",
    path: ["max"],
  });

export const resourceRuleSchema = z.object({
  kind: z.literal("resource"),
  /** Resource type, or "*" for any. */
  resource: z.string().min(1).max(100),
  /** Action, or "*" for any. */
  action: z.string().min(1).max(100),
  ...base,
});

export const authAgeRuleSchema = z.object({
  kind: z.literal("auth_age"),
  /** Glob over the tRPC path the rule applies to. */
  pattern: z.string().min(1).max(200),
  /** The last verification must be at most this old. */
  maxAgeSeconds: z.number().int().positive().max(86_400),
  ...base,
});

export const conditionRuleSchema = z.object({
  kind: z.literal("condition"),
  /** CEL expression over the call context, e.g. `risk > 0.8 && amount.value > 1000`. */
  expression: z.string().min(1).max(1000),
  ...base,
});

export const riskRuleSchema = z.object({
  kind: z.literal("risk"),
  /** Inclusive risk score threshold, 0..1. */
  minScore: z.number().min(0).max(1),
  ...base,
});

export const ruleSchema = z.discriminatedUnion("kind", [
  procedureRuleSchema,
  amountRuleSchema,
  resourceRuleSchema,
  authAgeRuleSchema,
  conditionRuleSchema,
  riskRuleSchema,
]);

export type Rule = z.infer<typeof ruleSchema>;
export type RuleKind = Rule["kind"];
export const rulesSchema = z.array(ruleSchema).max(100);

/**
 * What an admin may save: the rule schema plus a type-check of every CEL condition, so a policy
 * that could never evaluate is refused at the form instead of matching everything at run time.
 * Stored policies are read with the lenient `rulesSchema` (a bad stored condition fails closed per call).
 */
export const policyRulesSchema = rulesSchema.superRefine((rules, ctx) => {
  rules.forEach((rule, index) => {
    if (rule.kind !== "condition") return;
    const check = checkCondition(rule.expression);
    if (!check.ok) ctx.addIssue({ code: "custom", path: [index, "expression"], message: check.message });
  });
});
