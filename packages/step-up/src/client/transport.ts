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

/** The part of a host's tRPC client (`createTRPCClient<AppRouter>` or `api.useUtils().client`) a transport needs. */
export interface StepUpRouterClient {
  stepUp: {
    verify: { mutate(input: VerifyInput): Promise<VerifyResult> };
    challenge: { mutate(input: ChallengeInput): Promise<ChallengeResult> };
    cancel: { mutate(input: StepUpInputs["cancel"]): Promise<unknown> };
  };
}

/**
 * A transport over the host's own tRPC client, for calls that are not tRPC (Server Actions, route
 * handlers): the dialog then verifies through the same link chain, transformer and cookies as every
 * other call. `useStepUpAction(action, stepUpTransport(client))`.
 */
export function stepUpTransport(client: StepUpRouterClient): StepUpTransport {
  return {
    verify: (input) => client.stepUp.verify.mutate(input),
    challenge: (input) => client.stepUp.challenge.mutate(input),
    cancel: (input) => client.stepUp.cancel.mutate(input),
  };
}
