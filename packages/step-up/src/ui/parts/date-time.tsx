"use client";

import { useStepUpI18n } from "../../i18n/context";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/**
 * "23 Nov 2026, 15:30" in British English whatever the locale.
 * @deprecated Use `useStepUpI18n().format.dateTime` or `<DateTime>`, which follow the page's locale.
 */
export function formatDate(date: Date | string): string {
  return dateFormat.format(new Date(date));
}

/** A date as people of the page's locale read it, in a `<time>` whose machine-readable value is the exact instant. */
export function DateTime({ value }: { value: Date | string }) {
  const { format } = useStepUpI18n();
  return <time dateTime={new Date(value).toISOString()}>{format.dateTime(value)}</time>;
}
