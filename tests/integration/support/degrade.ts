import { parseStepUpConfigEnv as loadStepUpConfig } from "@/server/step-up";
import type { Client } from "../harness";

/**
 * The explicit `onUnavailable: "degrade"` configuration (ADR 011): alice, who has no passkey, may then clear
 * critical with password + TOTP or password + backup code (high's multi-factor combinations), flagged. The demo
 * default refuses; tests of critical flows without a passkey opt in here.
 */
export function allowDegrade<T extends Client>(client: T): T {
  client.services.config = loadStepUpConfig({ STEP_UP_CONFIG: JSON.stringify({ onUnavailable: "degrade" }) });
  return client;
}
