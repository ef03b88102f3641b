"use client";

import { useRouter } from "next/navigation";
import { STEP_UP_LOCALES, type StepUpLocale } from "@step-up/next/i18n";
import { LOCALE_COOKIE, THEME_COOKIE, THEMES, type DemoTheme } from "./preferences";

/** Each language named in itself, so a reader finds theirs whatever the page's language. */
const LANGUAGE_NAMES: Record<StepUpLocale, string> = { en: "English", de: "Deutsch", ar: "العربية" };
const THEME_NAMES: Record<DemoTheme, string> = { system: "System", light: "Light", dark: "Dark" };

/**
 * Language and theme: a cookie each (a preference, not a secret), then the server renders again
 * with `lang`, `dir` and `data-theme` on <html> and the step-up dialog in that language.
 */
export function PreferencesSwitch({ locale, theme }: { locale: StepUpLocale; theme: DemoTheme }) {
  const router = useRouter();
  function save(name: string, value: string) {
    document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }
  return (
    <footer className="preferences">
      <label>
        <span lang="en">Language</span>
        <select value={locale} onChange={(event) => save(LOCALE_COOKIE, event.target.value)}>
          {STEP_UP_LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span lang="en">Theme</span>
        <select value={theme} onChange={(event) => save(THEME_COOKIE, event.target.value)} lang="en">
          {THEMES.map((name) => (
            <option key={name} value={name}>
              {THEME_NAMES[name]}
            </option>
          ))}
        </select>
      </label>
    </footer>
  );
}
