import "server-only";
import { DEFAULT_CONFIG, parseConfig, scoreRisk, type RiskScorer, type StepUpConfig } from "../engine";
import { selectMailer, type Mailer } from "@/server/mail";
import { loadRelyingParty, type RelyingParty } from "./relying-party";

/** What the step-up middleware and router need besides the database: injectable for tests. */
export interface StepUpServices {
  config: StepUpConfig;
  now: () => Date;
  scoreRisk: RiskScorer;
  relyingParty: RelyingParty;
  /** Sends email codes; null when none is configured (email codes are then not offered). */
  mailer: Mailer | null;
}

/**
 * The demo app's configuration. `onUnavailable: "degrade"` lets users without a passkey still
 * complete critical actions with the strongest factors they have, audited as `stepup.degraded`.
 * STEP_UP_CONFIG (JSON) overrides any field; bad values stop start-up with a readable message.
 */
export function loadStepUpConfig(env: Record<string, string | undefined> = process.env): StepUpConfig {
  const overrides = env.STEP_UP_CONFIG ? (JSON.parse(env.STEP_UP_CONFIG) as unknown) : {};
  return parseConfig(mergeShallow({ onUnavailable: "degrade" }, overrides));
}

export function createStepUpServices(overrides: Partial<StepUpServices> = {}): StepUpServices {
  return {
    config: overrides.config ?? defaultConfig(),
    now: overrides.now ?? (() => new Date()),
    scoreRisk: overrides.scoreRisk ?? scoreRisk,
    relyingParty: overrides.relyingParty ?? loadRelyingParty(),
    mailer: overrides.mailer === undefined ? selectMailer() : overrides.mailer,
  };
}

let cachedConfig: StepUpConfig | null = null;
function defaultConfig(): StepUpConfig {
  cachedConfig ??= loadStepUpConfig();
  return cachedConfig;
}

function mergeShallow(base: Record<string, unknown>, patch: unknown): Record<string, unknown> {
  return typeof patch === "object" && patch !== null ? { ...base, ...patch } : base;
}

export { DEFAULT_CONFIG };
