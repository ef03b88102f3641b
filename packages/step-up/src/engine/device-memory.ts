import type { StepUpConfig } from "./config";
import type { StepUpLevel } from "./levels";

/**
 * Whether a fulfilled verification remembers the device: the user asked, the decision allowed it
 * (`canRemember`: the declaration, the configuration and the risk), never for critical, and only on a browser
 * family the device can be bound to (a client that names none gets no device).
 */
export function mayRememberDevice(options: {
  requested: boolean;
  canRemember: boolean;
  level: StepUpLevel;
  userAgentFamily: string | null;
}): boolean {
  return options.requested && options.canRemember && options.level !== "critical" && options.userAgentFamily !== null;
}

/** When a device remembered at `now` (epoch ms) stops counting. */
export function rememberedDeviceExpiresAt(now: number, config: Pick<StepUpConfig, "rememberDevice">): number {
  return now + config.rememberDevice.ttlMs;
}
