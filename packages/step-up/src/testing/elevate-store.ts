import { completedCombination, methodSchema, withinFloor, callBindingString, type Decision } from "../engine";
import { sha256Hex } from "../server/crypto";
import type { StepUpServices } from "../server/services";
import { createRequirement, type RequirementRecord } from "../server/verification/requirements";
import { recordVerifiedMethod } from "../server/verification/record";
import { ELEVATE_PROCEDURE, type ElevateOptions, type ElevateResult } from "./elevate-options";

const REQUEST = { ip: null, userAgent: "@step-up/next/testing elevate()" };

/** `elevate` once the production check has passed: loaded on demand, so the kit imports no server code up front. */
export async function elevateSession(services: StepUpServices, options: ElevateOptions): Promise<ElevateResult> {
  const { config, db } = services;
  const { level } = options;
  if (level !== "medium" && level !== "high" && level !== "critical")
    throw new Error(`elevate: level must be "medium", "high" or "critical", not ${JSON.stringify(level)}`);
  const methods = (options.methods ?? config.levels[level].combinations[0] ?? []).map((m) => methodSchema.parse(m));
  if (!completedCombination(withinFloor(level, [methods]), new Set(methods)))
    throw new Error(`elevate: [${methods.join(", ")}] does not complete ${level} (see the level's floor, ADR 011)`);
  if (level === "critical" && !options.call)
    throw new Error("elevate: a critical grant allows one call: pass call: { procedure, input }");
  const callHash =
    level === "critical" && options.call
      ? sha256Hex(callBindingString(options.call.procedure, options.call.input))
      : null;

  const now = services.now();
  const reason = "elevate() from @step-up/next/testing";
  const decision: Decision & { level: typeof level } = {
    required: true,
    level,
    currentLevel: "low",
    matchedRules: [],
    wouldRequire: [],
    reason,
    methods: [methods],
    degraded: false,
    windowMs: config.levels[level].windowMs,
    satisfiedBy: null,
    canRemember: false,
  };
  const requirement: RequirementRecord = await createRequirement(db, {
    userId: options.userId,
    sessionId: options.sessionId,
    organizationId: options.organizationId ?? null,
    procedure: ELEVATE_PROCEDURE,
    decision,
    callHash,
    summary: level === "critical" ? reason : null,
    risk: 0,
    request: REQUEST,
    now,
    ttlMs: config.requirementTtlMs,
  });
  for (const method of methods) {
    const outcome = await recordVerifiedMethod(db, {
      requirement,
      method,
      request: REQUEST,
      now,
      rememberDevice: false,
      config,
      claim: null, // nothing single-use to spend: no credential is checked
    });
    if (outcome.status === "fulfilled") return { grantId: outcome.grantId, level, methods };
    // Each method is read back from the requirement's row when the next one is recorded (ADR 028).
    if (outcome.status !== "pending")
      throw new Error(`elevate: the requirement was closed meanwhile (${outcome.status})`);
  }
  throw new Error(`elevate: [${methods.join(", ")}] left the requirement pending`);
}
