"use client";

import { useStepUpI18n } from "@step-up/next/i18n";
import { formatDate } from "./money";

/** A date as people of the page's locale read it, in a `<time>` whose machine-readable value is the exact instant. */
export function DateTime({ value }: { value: Date | string }) {
  const { locale } = useStepUpI18n();
  return <time dateTime={new Date(value).toISOString()}>{formatDate(value, locale)}</time>;
}
