"use client";

import type { ReactNode } from "react";
import { MaybeStepUpI18nProvider, useStepUpI18n } from "../../i18n/context";
import type { StepUpLocalization } from "../../i18n/localization";
import { useThemeAttribute } from "../../client/theme";

/**
 * The element every exported component renders first: the module's stylesheet applies only inside
 * `.step-up`, so the host's own classes of the same names (card, button, table…) keep their looks.
 * It carries the locale's `lang` and `dir`; `localization` here overrides the provider's for this page.
 */
export function StepUpRoot({ children, localization }: { children: ReactNode; localization?: StepUpLocalization }) {
  return (
    <MaybeStepUpI18nProvider localization={localization}>
      <LocalizedRoot>{children}</LocalizedRoot>
    </MaybeStepUpI18nProvider>
  );
}

function LocalizedRoot({ children }: { children: ReactNode }) {
  const { locale, dir } = useStepUpI18n();
  const theme = useThemeAttribute();
  return (
    <div className="step-up" lang={locale} dir={dir} data-theme={theme}>
      {children}
    </div>
  );
}
