import type { StepUpConfig } from "../engine";
import type { StepUpPrismaClient } from "../server/db";
import type { StepUpErrorReporter, StepUpMailer, StepUpSessions, StepUpUsers } from "../server/ports";
import type { RelyingPartyOption } from "../server/relying-party";
import type { WebhookOptions } from "../server/webhooks/delivery";

/** What `buildTestInstance` receives once `createTestStepUp` has filled in the defaults. */
export interface TestInstanceOptions {
  db: StepUpPrismaClient;
  users: StepUpUsers;
  mailer: StepUpMailer | null;
  sessions?: StepUpSessions;
  secret?: string;
  relyingParty?: RelyingPartyOption;
  config?: Partial<StepUpConfig>;
  webhooks?: WebhookOptions;
  onError?: StepUpErrorReporter;
}
