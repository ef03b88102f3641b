import type { StepUpInputs } from "../../api";

type ListInput = StepUpInputs["admin"]["audit"]["list"];

/** The audit page's filter as the form holds it: dates as YYYY-MM-DD (UTC days), empty strings for "any". */
export interface AuditFilter {
  userId: string;
  type: string;
  severity: string;
  from: string;
  to: string;
}

export const SEVERITIES = ["info", "warning", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last `days` days, today included. */
export function defaultFilter(now: Date, days = 7): AuditFilter {
  return {
    userId: "",
    type: "",
    severity: "",
    from: formatDay(new Date(now.getTime() - (days - 1) * DAY_MS)),
    to: formatDay(now),
  };
}

/** Start of the `from` day and end of the `to` day, both inclusive, in UTC like the chart's days. */
export function toRange(filter: AuditFilter): { from: Date; to: Date } {
  return { from: new Date(`${filter.from}T00:00:00.000Z`), to: new Date(`${filter.to}T23:59:59.999Z`) };
}

export function isValidRange(filter: AuditFilter): boolean {
  const { from, to } = toRange(filter);
  return !Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime()) && from <= to;
}

/** The list query's input: only the filters that are set (type and severity come from the server's own lists). */
export function toListInput(filter: AuditFilter) {
  return {
    ...toRange(filter),
    userId: filter.userId || undefined,
    type: (filter.type || undefined) as ListInput["type"],
    severity: (filter.severity || undefined) as ListInput["severity"],
    limit: 50,
  };
}

/** Metrics, chart and funnel input: the period and the table's filters (the server applies what fits each). */
export function toPeriodInput(filter: AuditFilter) {
  const { limit: _limit, ...input } = toListInput(filter);
  return input;
}

/** The CSV export link for the same filter the table shows; `csvHref` is where the host mounted the export. */
export function toCsvHref(filter: AuditFilter, csvHref: string): string {
  const { from, to } = toRange(filter);
  const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  if (filter.userId) params.set("userId", filter.userId);
  if (filter.type) params.set("type", filter.type);
  if (filter.severity) params.set("severity", filter.severity);
  return `${csvHref}${csvHref.includes("?") ? "&" : "?"}${params.toString()}`;
}
