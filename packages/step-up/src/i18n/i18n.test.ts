import { describe, expect, it } from "vitest";
import { STEP_UP_MESSAGES } from "./catalogue";
import { directionOf, resolveCatalogueLocale } from "./locale";
import { createStepUpI18n } from "./localization";

describe("step-up localization", () => {
  it("parses every shipped message of every locale as ICU MessageFormat", () => {
    for (const [locale, messages] of Object.entries(STEP_UP_MESSAGES)) {
      const { t } = createStepUpI18n({ locale });
      for (const key of Object.keys(messages) as (keyof typeof messages)[]) {
        // Every argument the message names gets a value (a number serves plurals, selects and text alike).
        const text = t(key, argumentsOf(String(messages[key])));
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it("uses each language's plural rules: English one/other, Arabic two", () => {
    expect(createStepUpI18n({ locale: "en" }).t("dialog.steps", { count: 1 })).toBe("1 step");
    expect(createStepUpI18n({ locale: "de" }).t("dialog.steps", { count: 3 })).toBe("3 Schritte");
    expect(createStepUpI18n({ locale: "ar" }).t("dialog.steps", { count: 2 })).toBe("خطوتان");
  });

  it("lets a host override one message and keeps the rest", () => {
    const { t } = createStepUpI18n({ locale: "de-CH", messages: { "dialog.title": "Kurz bestätigen" } });
    expect(t("dialog.title")).toBe("Kurz bestätigen");
    expect(t("dialog.cancel")).toBe("Abbrechen");
  });

  it("falls back to English words for a language without a catalogue, and for a malformed tag", () => {
    expect(resolveCatalogueLocale("fr-FR")).toBe("en");
    expect(createStepUpI18n({ locale: "not a locale!" }).locale).toBe("en");
    expect(createStepUpI18n({ locale: "fr" }).t("dialog.cancel")).toBe("Cancel");
  });

  it("derives the direction from the locale", () => {
    expect(directionOf("ar-EG")).toBe("rtl");
    expect(directionOf("de")).toBe("ltr");
    expect(createStepUpI18n({ locale: "ar" }).dir).toBe("rtl");
  });

  it("formats numbers, amounts, dates and durations from the one locale", () => {
    const de = createStepUpI18n({ locale: "de", timeZone: "UTC" }).format;
    expect(de.currency(20000, "EUR")).toBe("20.000,00\u00a0€");
    expect(de.dateTime("2026-11-23T15:30:00Z")).toBe("23.11.2026, 15:30");
    expect(de.duration(299)).toMatch(/^4 Min\.?,? 59 Sek\.?$/);
    const en = createStepUpI18n({ locale: "en", timeZone: "UTC" }).format;
    expect(en.number(1234.5)).toBe("1,234.5");
    expect(en.duration(0)).toBe("0 sec");
    expect(en.relative(new Date(10 * 60_000), 0)).toBe("in 10 minutes");
  });
});

/** The names of a message's arguments (`{name}`, `{count, plural, …}`), each given the value 2. */
function argumentsOf(message: string): Record<string, number> {
  return Object.fromEntries([...message.matchAll(/\{\s*([A-Za-z_]\w*)/g)].map((match) => [match[1], 2]));
}
