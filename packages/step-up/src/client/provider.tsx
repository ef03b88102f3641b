"use client";

import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from "react";
import { createStepUpController, type StepUpController, type StepUpPrompt } from "./controller";
import { StepUpDialog } from "./step-up-dialog";

const StepUpContext = createContext<StepUpController | null>(null);

/**
 * Owns the step-up controller and renders the dialog. Render once around the app; build the
 * tRPC client inside it with `stepUpLink({ controller: useStepUpController() })`.
 */
interface StepUpProviderProps {
  children: ReactNode;
  controller?: StepUpController;
  /** Where the dialog sends users who have no method strong enough (default /settings/security). */
  enrollHref?: string;
}

export function StepUpProvider({ children, controller: given, enrollHref }: StepUpProviderProps) {
  const [controller] = useState(() => given ?? createStepUpController());
  return (
    <StepUpContext.Provider value={controller}>
      {children}
      <StepUpDialog controller={controller} enrollHref={enrollHref} />
    </StepUpContext.Provider>
  );
}

/** The provider's controller, for `stepUpLink` and for app code that wants to react itself. */
export function useStepUpController(): StepUpController {
  const controller = useContext(StepUpContext);
  if (!controller) throw new Error("useStepUpController must be used inside <StepUpProvider>");
  return controller;
}

/** The verification currently asked for, or null. */
export function useStepUpPrompt(): StepUpPrompt | null {
  return useControllerPrompt(useStepUpController());
}

export function useControllerPrompt(controller: StepUpController): StepUpPrompt | null {
  return useSyncExternalStore(controller.subscribe, controller.getSnapshot, getServerSnapshot);
}

const getServerSnapshot = () => null;
