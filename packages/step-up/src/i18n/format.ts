/**
 * Every number, amount, date and duration the module shows, from ONE locale (docs/decisions/040):
 * no formatter picks its own ("en-US" numbers beside "en-GB" dates beside the runtime's clock).
 */
export interface StepUpFormat {
  number(value: number, options?: Intl.NumberFormatOptions): string;
  currency(amount: number, currency: string): string;
  /** "23 Nov 2026" in the locale's medium style. */
  date(value: Date | string | number): string;
  /** Date and time, medium date and short time. */
  dateTime(value: Date | string | number): string;
  /** Time of day, short style. */
  time(value: Date | string | number): string;
  /** A length of time in whole seconds: "4 min, 59 sec" / "4 Min., 59 Sek." (narrowest unit style of the locale). */
  duration(seconds: number): string;
  /** A running countdown, "4:59", in the locale's digits. */
  clock(seconds: number): string;
  /** Relative to `now`: "in 5 minutes", "vor 2 Tagen". */
  relative(value: Date | string | number, now?: Date | number): string;
  list(items: readonly string[], type?: "conjunction" | "disjunction"): string;
}

export interface FormatOptions {
  /** An IANA time zone for dates; the runtime's own when absent. */
  timeZone?: string;
}

export function createFormat(locale: string, { timeZone }: FormatOptions = {}): StepUpFormat {
  const numbers = new Map<string, Intl.NumberFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions = {}) => {
    const key = JSON.stringify(options);
    let format = numbers.get(key);
    if (!format) numbers.set(key, (format = new Intl.NumberFormat(locale, options)));
    return format;
  };
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const unit = (name: "hour" | "minute" | "second") =>
    numberFormat({ style: "unit", unit: name, unitDisplay: "short" });

  return {
    number: (value, options) => numberFormat(options).format(value),
    currency: (amount, currency) => numberFormat({ style: "currency", currency }).format(amount),
    date: (value) => dateFormat.format(toDate(value)),
    dateTime: (value) => dateTimeFormat.format(toDate(value)),
    time: (value) => timeFormat.format(toDate(value)),
    duration(seconds) {
      const total = Math.max(0, Math.round(seconds));
      const parts: string[] = [];
      const hours = Math.floor(total / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      const rest = total % 60;
      if (hours) parts.push(unit("hour").format(hours));
      if (minutes) parts.push(unit("minute").format(minutes));
      if (rest || parts.length === 0) parts.push(unit("second").format(rest));
      return new Intl.ListFormat(locale, { type: "unit", style: "narrow" }).format(parts);
    },
    clock(seconds) {
      const total = Math.max(0, Math.round(seconds));
      const pad = numberFormat({ minimumIntegerDigits: 2, useGrouping: false });
      return `${numberFormat({ useGrouping: false }).format(Math.floor(total / 60))}:${pad.format(total % 60)}`;
    },
    relative(value, now = Date.now()) {
      const seconds = Math.round((toDate(value).getTime() - Number(now)) / 1000);
      const [amount, unitName] = relativeUnit(seconds);
      return relativeFormat.format(amount, unitName);
    },
    list: (items, type = "conjunction") => new Intl.ListFormat(locale, { type }).format(items),
  };
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
];

function relativeUnit(seconds: number): [number, Intl.RelativeTimeFormatUnit] {
  let value = seconds;
  for (const [name, size] of STEPS) {
    if (Math.abs(value) < size) return [Math.round(value), name];
    value /= size;
  }
  return [Math.round(value), "year"];
}
