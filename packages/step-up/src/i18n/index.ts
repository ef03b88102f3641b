// @step-up/next/i18n: the module's words and formats for one locale (docs/decisions/040).
export { StepUpI18nProvider, useStepUpI18n, richText } from "./context";
export { createStepUpI18n, type StepUpI18n, type StepUpLocalization } from "./localization";
export { STEP_UP_MESSAGES, type StepUpMessages, type StepUpMessageKey } from "./catalogue";
export { STEP_UP_LOCALES, type StepUpLocale, canonicalLocale, directionOf, resolveCatalogueLocale } from "./locale";
export type { StepUpFormat } from "./format";
export type { Translate, MessageValues } from "./translator";
