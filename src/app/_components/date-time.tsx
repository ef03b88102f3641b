import { formatDate } from "./money";

/** A date as people read it, in a `<time>` whose machine-readable value is the exact instant. */
export function DateTime({ value }: { value: Date | string }) {
  return <time dateTime={new Date(value).toISOString()}>{formatDate(value)}</time>;
}
