/**
 * Amounts and dates in the page's locale (the language switch; "en" by default), so a page never
 * mixes conventions. Client components pass `useStepUpI18n().locale`, server pages their preference.
 */
export function formatMinor(amountMinor: number, currency: string, locale = "en"): string {
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${number.format(amountMinor / 100)} ${currency}`;
}

export function formatDate(date: Date | string, locale = "en"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(date));
}
