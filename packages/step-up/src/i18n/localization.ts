import { STEP_UP_MESSAGES, type StepUpMessages } from "./catalogue";
import { createFormat, type StepUpFormat } from "./format";
import { canonicalLocale, directionOf, resolveCatalogueLocale } from "./locale";
import { createTranslator, type MessageValues, type Translate } from "./translator";

/**
 * What a host passes as `localization` to `<StepUpProvider>` and the page components (like Clerk's
 * `localization`): a BCP 47 locale, and any messages it wants to word differently.
 */
export interface StepUpLocalization {
  /** "en", "de-CH", "ar-EG"…; shipped catalogues: en, de, ar; other languages fall back to English words. */
  locale?: string;
  /** Overrides of the shipped catalogue's messages (ICU MessageFormat), by key. */
  messages?: Partial<StepUpMessages>;
  /** IANA time zone for dates and times; the runtime's own when absent. */
  timeZone?: string;
}

export interface StepUpI18n {
  /** The canonical locale every string and `Intl` format uses. */
  locale: string;
  dir: "ltr" | "rtl";
  t: Translate;
  /** A message with `<b>` / `<a>`-style tags, each rendered by the function of its name. */
  rich: <T>(
    key: keyof StepUpMessages,
    values: Record<string, MessageValues[string] | T | ((chunks: (string | T)[]) => T)>,
  ) => (string | T)[];
  format: StepUpFormat;
}

/** Builds the strings and formats of one locale (pure: usable on the server and in tests). */
export function createStepUpI18n(localization: StepUpLocalization = {}): StepUpI18n {
  const locale = canonicalLocale(localization.locale);
  const messages = { ...STEP_UP_MESSAGES[resolveCatalogueLocale(locale)], ...definedOnly(localization.messages) };
  const { t, rich } = createTranslator(locale, messages);
  return {
    locale,
    dir: directionOf(locale),
    t,
    rich,
    format: createFormat(locale, { timeZone: localization.timeZone }),
  };
}

function definedOnly(messages: Partial<StepUpMessages> | undefined): Partial<StepUpMessages> {
  return Object.fromEntries(Object.entries(messages ?? {}).filter(([, value]) => typeof value === "string"));
}
