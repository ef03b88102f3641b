export { StepUpProvider, useStepUpController, useStepUpPrompt } from "./provider";
export { StepUpDialog } from "./step-up-dialog";
export { stepUpLink, type StepUpLinkOptions } from "./link";
export { createStepUpController, type StepUpController, type StepUpPrompt } from "./controller";
export { StepUpCancelledError, isStepUpCancelled } from "./errors";
export { getStepUpPayload, isStepUpRequired, type StepUpPayload, type StepUpRequiredPayload } from "../shared/payload";
export { useStepUpAction } from "./use-step-up-action";
export type { StepUpActionResult, StepUpErrorBody } from "../shared/action-result";
export { stepUpTransport, type StepUpTransport, type StepUpRouterClient } from "./transport";
