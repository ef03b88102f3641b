"use client";

import { useCallback } from "react";
import type { StepUpActionResult } from "../shared/action-result";
import { getStepUpPayload } from "../shared/payload";
import { useStepUpController } from "./provider";
import type { StepUpTransport } from "./transport";

/**
 * Wraps a Server Action guarded by `stepUp.action`: a STEP_UP_REQUIRED result opens the provider's dialog
 * (the same queue as tRPC calls) and, once verified, calls the action again with the same input.
 * Cancelling rejects with `StepUpCancelledError`, as the tRPC link does. `transport` reaches `stepUp.*`.
 */
export function useStepUpAction<TInput, TData>(
  action: (input: TInput) => Promise<StepUpActionResult<TData>>,
  transport: StepUpTransport,
  maxRounds = 3,
): (input: TInput) => Promise<StepUpActionResult<TData>> {
  const controller = useStepUpController();
  return useCallback(
    async (input: TInput) => {
      for (let round = 1; ; round++) {
        const result = await action(input);
        const payload = result.ok ? null : getStepUpPayload(result.error);
        if (payload?.code !== "STEP_UP_REQUIRED" || round >= maxRounds) return result;
        await controller.request(payload, transport);
      }
    },
    [action, controller, transport, maxRounds],
  );
}
