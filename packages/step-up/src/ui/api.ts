import { createTRPCReact } from "@trpc/react-query";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { StepUpApiRouter } from "../shared/api-router";

/**
 * The module's own hooks for `stepUp.*`. @trpc/react-query keeps one default React context for every
 * `createTRPCReact` instance, so these run on the host's `api.Provider` client and QueryClient: the
 * host wires nothing for the module's pages, and the step-up link it installed covers their calls too.
 */
export const stepUpApi = createTRPCReact<StepUpApiRouter>();

export type StepUpInputs = inferRouterInputs<StepUpApiRouter>["stepUp"];
export type StepUpOutputs = inferRouterOutputs<StepUpApiRouter>["stepUp"];
