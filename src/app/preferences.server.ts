import "server-only";
import { cookies } from "next/headers";
import { directionOf, resolveCatalogueLocale, type StepUpLocale } from "@step-up/next/i18n";
import { LOCALE_COOKIE, THEME_COOKIE, THEMES, type DemoTheme } from "./_components/preferences";

export interface Preferences {
  locale: StepUpLocale;
  dir: "ltr" | "rtl";
  theme: DemoTheme;
}

/** The visitor's language and theme from the switch's cookies; English and the system theme by default. */
export async function getPreferences(): Promise<Preferences> {
  const jar = await cookies();
  const locale = resolveCatalogueLocale(jar.get(LOCALE_COOKIE)?.value ?? "en");
  const theme = jar.get(THEME_COOKIE)?.value;
  return {
    locale,
    dir: directionOf(locale),
    theme: (THEMES as readonly string[]).includes(theme ?? "") ? (theme as DemoTheme) : "system",
  };
}
