import { useSyncExternalStore } from "react";
import type { StepUpController, StepUpPrompt } from "./controller";

/**
 * The verification a controller currently asks for, or null. Its own module so that the provider and
 * the dialog, which the provider renders, both use it without importing each other.
 */
export function useControllerPrompt(controller: StepUpController): StepUpPrompt | null {
  return useSyncExternalStore(controller.subscribe, controller.getSnapshot, getServerSnapshot);
}

const getServerSnapshot = () => null;
