"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import type { AuditFilter } from "./audit-filter";
import { filterFromQuery, queryFromFilter } from "./audit-url";

/**
 * The audit filter lives in the URL: a reload keeps it, back and forward step through it, a link shares it.
 * `history.pushState` rather than `router.push`: Next syncs `useSearchParams` with it and does not
 * re-render the server page for a filter the client alone applies.
 */
export function useUrlFilter(eventTypes: readonly string[] | null): [AuditFilter, (next: AuditFilter) => void] {
  const pathname = usePathname();
  const params = useSearchParams();
  // One "today" per page view: the default period does not move under an open page at midnight.
  const [now] = useState(() => new Date());
  const filter = useMemo(
    () => filterFromQuery(new URLSearchParams(params.toString()), now, eventTypes),
    [params, now, eventTypes],
  );
  const setFilter = (next: AuditFilter) => {
    const query = queryFromFilter(next, now);
    window.history.pushState(null, "", query ? `${pathname}?${query}` : pathname);
  };
  return [filter, setFilter];
}
