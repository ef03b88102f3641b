"use client";

import { createContext, Fragment, useContext, useMemo, type ReactNode } from "react";
import { createStepUpI18n, type StepUpI18n, type StepUpLocalization } from "./localization";

const ENGLISH = createStepUpI18n();
const I18nContext = createContext<StepUpI18n>(ENGLISH);

/**
 * Gives every step-up component below one locale's words and formats. `<StepUpProvider>` and the
 * page components render it for their `localization` option; without one, English.
 */
export function StepUpI18nProvider({
  localization,
  children,
}: {
  localization: StepUpLocalization | undefined;
  children: ReactNode;
}) {
  const { locale, messages, timeZone } = localization ?? {};
  const value = useMemo(() => createStepUpI18n({ locale, messages, timeZone }), [locale, messages, timeZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** Only when `localization` is given: a page inside `<StepUpProvider>` inherits the provider's. */
export function MaybeStepUpI18nProvider({
  localization,
  children,
}: {
  localization: StepUpLocalization | undefined;
  children: ReactNode;
}) {
  if (!localization) return <>{children}</>;
  return <StepUpI18nProvider localization={localization}>{children}</StepUpI18nProvider>;
}

/** `t(key, values)`, `format.*`, `locale` and `dir` of the nearest provider (English without one). */
export function useStepUpI18n(): StepUpI18n {
  return useContext(I18nContext);
}

/**
 * Renders a message with tags as React nodes:
 * `richText(i18n, "dialog.emailSent", { address, b: (chunks) => <strong>{chunks}</strong> })`.
 */
export function richText(
  i18n: StepUpI18n,
  key: Parameters<StepUpI18n["rich"]>[0],
  values: Record<string, string | number | ReactNode | ((chunks: ReactNode[]) => ReactNode)>,
): ReactNode {
  const parts = i18n.rich<ReactNode>(key, values as never);
  return parts.map((part, i) => <Fragment key={i}>{part}</Fragment>);
}
