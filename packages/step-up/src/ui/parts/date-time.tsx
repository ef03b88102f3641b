const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** "23 Nov 2026, 15:30": one format for every date the module's pages show. */
export function formatDate(date: Date | string): string {
  return dateFormat.format(new Date(date));
}

/** A date as people read it, in a `<time>` whose machine-readable value is the exact instant. */
export function DateTime({ value }: { value: Date | string }) {
  return <time dateTime={new Date(value).toISOString()}>{formatDate(value)}</time>;
}
