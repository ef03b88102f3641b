import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { StepUpApiRouter as AppRouter } from "../shared/api-router";

type StepUpInputs = inferRouterInputs<AppRouter>["stepUp"];
type StepUpOutputs = inferRouterOutputs<AppRouter>["stepUp"];

export type VerifyInput = StepUpInputs["verify"];
export type VerifyResult = StepUpOutputs["verify"];
export type ChallengeInput = StepUpInputs["challenge"];
/** Passkey: WebAuthn request options. Email code: where it went and when a resend is allowed. */
export type ChallengeResult = StepUpOutputs["challenge"];

/** How the dialog reaches the `stepUp` router: through the same link chain as the refused call. */
export interface StepUpTransport {
  verify(input: VerifyInput): Promise<VerifyResult>;
  challenge(input: ChallengeInput): Promise<ChallengeResult>;
  cancel(input: StepUpInputs["cancel"]): Promise<unknown>;
}
