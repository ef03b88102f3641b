import { z } from "zod/v4";
import { floorViolation } from "./floor";
import { methodSchema, type Combination, type StepUpLevel } from "./levels";

export const MINUTE_MS = 60_000;
/** Defaults of docs/design.md (ADR 001). Pinned by config.test.ts. */
export const MEDIUM_WINDOW_MS = 15 * MINUTE_MS;
export const HIGH_WINDOW_MS = 5 * MINUTE_MS;
/** Critical is "right now, for this very call": the grant lives only for the grace period. */
export const CRITICAL_WINDOW_MS = 0;
export const GRACE_PERIOD_MS = 30_000;
export const REQUIREMENT_TTL_MS = 10 * MINUTE_MS;
export const REMEMBER_DEVICE_TTL_MS = 24 * 60 * MINUTE_MS;
export const USER_FAILURE_WINDOW_MS = 15 * MINUTE_MS;
export const USER_LOCKOUT_MS = 15 * MINUTE_MS;

const combinationSchema = z.array(methodSchema).min(1).max(3);

const levelPolicySchema = z.strictObject({
  windowMs: z.number().int().nonnegative(),
  combinations: z.array(combinationSchema).min(1),
});

// Strict: a misspelt key (`rememberDevice.enable`) must fail loudly, not fall back to the default.
export const stepUpConfigSchema = z.strictObject({
  levels: z
    .strictObject({
      medium: levelPolicySchema,
      high: levelPolicySchema,
      critical: levelPolicySchema,
    })
    .superRefine(refuseBelowFloor),
  gracePeriodMs: z
    .number()
    .int()
    .nonnegative()
    .max(5 * MINUTE_MS),
  requirementTtlMs: z.number().int().positive(),
  /** What to do when a user can complete none of a level's combinations. */
  onUnavailable: z.enum(["refuse", "degrade"]),
  rememberDevice: z.strictObject({
    enabled: z.boolean(),
    ttlMs: z.number().int().positive(),
    /** Risk score at or above which a remembered device never bypasses. */
    maxRisk: z.number().min(0).max(1),
  }),
  lockout: z.strictObject({
    maxFailuresPerRequirement: z.number().int().positive(),
    maxFailuresPerUser: z.number().int().positive(),
    userWindowMs: z.number().int().positive(),
    userLockoutMs: z.number().int().positive(),
  }),
});

/** A combination below its level's floor would never be offered or accepted: say so at start-up instead. */
function refuseBelowFloor(levels: Record<StepUpLevel, LevelPolicy>, ctx: z.RefinementCtx): void {
  for (const level of ["high", "critical"] as const) {
    levels[level].combinations.forEach((combination, index) => {
      const violation = floorViolation(level, combination);
      if (violation) ctx.addIssue({ code: "custom", path: [level, "combinations", index], message: violation });
    });
  }
}

export type StepUpConfig = z.infer<typeof stepUpConfigSchema>;
export type LevelPolicy = { windowMs: number; combinations: Combination[] };

export const DEFAULT_CONFIG: StepUpConfig = {
  levels: {
    medium: {
      windowMs: MEDIUM_WINDOW_MS,
      combinations: [["passkey"], ["totp"], ["password"], ["backup_code"], ["email_code"]],
    },
    high: {
      windowMs: HIGH_WINDOW_MS,
      // Email codes are not accepted above medium (OWASP ASVS 5.0 6.3.6).
      combinations: [["passkey"], ["password", "totp"], ["password", "backup_code"]],
    },
    critical: { windowMs: CRITICAL_WINDOW_MS, combinations: [["passkey"]] },
  },
  gracePeriodMs: GRACE_PERIOD_MS,
  requirementTtlMs: REQUIREMENT_TTL_MS,
  onUnavailable: "refuse",
  rememberDevice: { enabled: true, ttlMs: REMEMBER_DEVICE_TTL_MS, maxRisk: 0.7 },
  lockout: {
    maxFailuresPerRequirement: 5,
    maxFailuresPerUser: 10,
    userWindowMs: USER_FAILURE_WINDOW_MS,
    userLockoutMs: USER_LOCKOUT_MS,
  },
};

export class StepUpConfigError extends Error {
  override name = "StepUpConfigError";
}

/** Validates a (partial) configuration at start-up; throws a readable message naming each bad field. */
export function parseConfig(overrides: unknown = {}): StepUpConfig {
  const merged = deepMerge(DEFAULT_CONFIG, overrides);
  const result = stepUpConfigSchema.safeParse(merged);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new StepUpConfigError(`Invalid step-up configuration:\n${issues.join("\n")}`);
  }
  return result.data;
}

export function windowFor(config: StepUpConfig, level: StepUpLevel): number {
  return config.levels[level].windowMs;
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) out[key] = deepMerge(base[key], value);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
