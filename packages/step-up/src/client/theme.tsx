"use client";

import { createContext, useContext } from "react";

/**
 * "system" follows `prefers-color-scheme` and a host's `data-theme="light" | "dark"` on any ancestor
 * (e.g. `<html>`); "light" and "dark" fix the module's components whatever the host does
 * (docs/decisions/041).
 */
export type StepUpTheme = "system" | "light" | "dark";

export const StepUpThemeContext = createContext<StepUpTheme>("system");

/** The `data-theme` a step-up root carries: none for "system", so a host's own attribute decides. */
export function useThemeAttribute(): "light" | "dark" | undefined {
  const theme = useContext(StepUpThemeContext);
  return theme === "system" ? undefined : theme;
}
