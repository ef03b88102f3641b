"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { createStepUpController, sharedStepUpController, type StepUpController, type StepUpPrompt } from "./controller";
import { useControllerPrompt } from "./controller-prompt";
import { StepUpI18nProvider } from "../i18n/context";
import type { StepUpLocalization } from "../i18n/localization";
import { StepUpDialog } from "./step-up-dialog";
import { StepUpThemeContext, type StepUpTheme } from "./theme";

const StepUpContext = createContext<StepUpController | null>(null);

/**
 * Renders the dialog for the step-up controller. Render once, anywhere in the app (e.g. around
 * `{children}` in your tRPC provider); `stepUpLink()` in your tRPC client finds the same controller.
 */
interface StepUpProviderProps {
  children: ReactNode;
  controller?: StepUpController;
  /** Where the dialog sends users who have no method strong enough (default /settings/security). */
  enrollHref?: string;
  /** The locale and message overrides of the dialog and every step-up component inside (docs/decisions/040). */
  localization?: StepUpLocalization;
  /** Light, dark, or "system" (default: `prefers-color-scheme`, or the host's `data-theme`); docs/decisions/041. */
  theme?: StepUpTheme;
}

export function StepUpProvider({
  children,
  controller: given,
  enrollHref,
  localization,
  theme = "system",
}: StepUpProviderProps) {
  // In the browser the shared controller (what `stepUpLink()` uses); on the server one per render.
  const [controller] = useState(() => given ?? sharedStepUpController() ?? createStepUpController());
  return (
    <StepUpI18nProvider localization={localization}>
      <StepUpThemeContext.Provider value={theme}>
        <StepUpContext.Provider value={controller}>
          {children}
          <StepUpDialog controller={controller} enrollHref={enrollHref} />
        </StepUpContext.Provider>
      </StepUpThemeContext.Provider>
    </StepUpI18nProvider>
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
