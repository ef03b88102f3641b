import { defaultFilter, SEVERITIES, type AuditFilter } from "./audit-filter";

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** The query keys, short and stable: a link to a filtered audit log is something admins paste. */
const KEYS = { userId: "user", type: "type", severity: "severity", from: "from", to: "to" } as const;

/**
 * The filter a URL's query names; anything absent or malformed falls back to the default (the last
 * seven days, everything), so an old or hand-edited link opens a page rather than an error.
 * `eventTypes` are the server's own list; until it loads, a named type is kept as it is.
 */
export function filterFromQuery(
  query: URLSearchParams,
  now: Date,
  eventTypes: readonly string[] | null = null,
): AuditFilter {
  const fallback = defaultFilter(now);
  const read = (key: keyof AuditFilter) => query.get(KEYS[key])?.trim() ?? "";
  const day = (key: "from" | "to") => (DAY_PATTERN.test(read(key)) ? read(key) : fallback[key]);
  const type = read("type");
  const severity = read("severity");
  return {
    userId: read("userId").slice(0, 200),
    type: eventTypes === null || eventTypes.includes(type) ? type : "",
    severity: (SEVERITIES as readonly string[]).includes(severity) ? severity : "",
    from: day("from"),
    to: day("to"),
  };
}

/** The query for a filter: only what differs from the default, so the plain page keeps its plain URL. */
export function queryFromFilter(filter: AuditFilter, now: Date): string {
  const fallback = defaultFilter(now);
  const params = new URLSearchParams();
  for (const key of Object.keys(KEYS) as Array<keyof AuditFilter>)
    if (filter[key] !== fallback[key]) params.set(KEYS[key], filter[key]);
  return params.toString();
}
