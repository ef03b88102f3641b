/** The locales whose catalogues ship with the module; any other tag falls back by language, then to English. */
export const STEP_UP_LOCALES = ["en", "de", "ar"] as const;
export type StepUpLocale = (typeof STEP_UP_LOCALES)[number];

/** Scripts written right to left (ISO 639 language subtags). */
const RTL_LANGUAGES = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"]);

/** The shipped catalogue for a BCP 47 tag: "de-AT" → "de", "fr" → "en". */
export function resolveCatalogueLocale(tag: string | null | undefined): StepUpLocale {
  const language = languageOf(tag);
  return (STEP_UP_LOCALES as readonly string[]).includes(language) ? (language as StepUpLocale) : "en";
}

/** The text direction of a locale, for `dir` on `<html>` or the component's root. */
export function directionOf(tag: string | null | undefined): "ltr" | "rtl" {
  return RTL_LANGUAGES.has(languageOf(tag)) ? "rtl" : "ltr";
}

/** A canonical BCP 47 tag, or "en" for a missing or malformed one (bad input never throws in render). */
export function canonicalLocale(tag: string | null | undefined): string {
  if (!tag) return "en";
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? "en";
  } catch {
    return "en";
  }
}

function languageOf(tag: string | null | undefined): string {
  return canonicalLocale(tag).split("-")[0]?.toLowerCase() ?? "en";
}
