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
 * The demo app's configuration: the library defaults, so a user who can complete no combination is
 * refused and sent to enrol (ADR 011). STEP_UP_CONFIG (JSON) overrides any field, e.g.
 * `{"onUnavailable":"degrade"}`, which still never goes below the floor; bad values stop start-up
 * with a readable message.
 */
export function loadStepUpConfig(env: Record<string, string | undefined> = process.env): StepUpConfig {
  return parseConfig(env.STEP_UP_CONFIG ? (JSON.parse(env.STEP_UP_CONFIG) as unknown) : {});
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

export { DEFAULT_CONFIG };
