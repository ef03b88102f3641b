"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";
import { stepUpApi, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { formatDate } from "../../parts/date-time";
import { LevelBadge } from "../parts/level-badge";
import { EventType } from "../parts/event-type";
import { ScrollRegion } from "../parts/scroll-region";
import styles from "../parts/admin.module.css";
import { maxLevel, type Level } from "../../../engine/levels";
import { toListInput, type AuditFilter } from "./audit-filter";
import { describeOutcome } from "./audit-outcome";

type AuditRow = StepUpOutputs["admin"]["audit"]["list"]["items"][number];

const column = createColumnHelper<AuditRow>();

const COLUMNS = [
  column.accessor("createdAt", {
    header: "When",
    cell: (c) => <time dateTime={new Date(c.getValue()).toISOString()}>{formatDate(c.getValue())}</time>,
  }),
  column.accessor("type", { header: "Event", cell: (c) => <EventType type={c.getValue()} /> }),
  column.accessor("severity", {
    header: "Severity",
    cell: (c) => <span className={`badge severity-${c.getValue()}`}>{c.getValue()}</span>,
  }),
  column.accessor("userEmail", { header: "User", cell: (c) => c.getValue() ?? "—" }),
  column.accessor("procedure", {
    header: "Procedure",
    cell: (c) => orDash(c.getValue(), (p) => <code className={styles.code}>{p}</code>),
  }),
  column.accessor("level", {
    header: "Level",
    cell: (c) => orDash(levelOf(c.row.original), (l) => <LevelBadge level={l} />),
  }),
  column.display({
    id: "outcome",
    header: "Outcome",
    cell: (c) => orDash(describeOutcome(c.row.original.type, c.row.original.data), (o) => o),
  }),
  column.accessor("ip", { header: "IP", cell: (c) => <span className={styles.code}>{c.getValue() ?? "—"}</span> }),
  column.accessor("data", { header: "Details", cell: (c) => <EventData data={c.getValue()} /> }),
];

/**
 * The row's level; a report-only match (`stepup.would_require`) names its rules' levels in its data,
 * and the highest of them is what the policy would have asked.
 */
function levelOf(row: AuditRow): string | null {
  if (row.level !== null || row.type !== "stepup.would_require") return row.level;
  const rules = (row.data as { rules?: Array<{ level?: unknown }> } | null)?.rules;
  const levels = (Array.isArray(rules) ? rules : []).map((r) => r.level).filter((l) => typeof l === "string");
  return levels.length > 0 ? maxLevel(...(levels as Level[])) : null;
}

function orDash<T>(value: T | null, render: (value: T) => ReactNode): ReactNode {
  return value === null ? <span className="muted">—</span> : render(value);
}

/**
 * The event's JSON data behind a disclosure: the columns carry what is read at a glance, the ids and
 * before/after of a policy change are one click away.
 */
function EventData({ data }: { data: unknown }) {
  if (data === null || data === undefined || (typeof data === "object" && Object.keys(data).length === 0))
    return <span className="muted">—</span>;
  return (
    <details className="details">
      <summary>JSON</summary>
      <pre>{typeof data === "string" ? data : JSON.stringify(data, null, 2)}</pre>
    </details>
  );
}

export function AuditTable({ filter }: { filter: AuditFilter }) {
  const list = stepUpApi.stepUp.admin.audit.list.useInfiniteQuery(toListInput(filter), {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  // TanStack Table's API is not memoisable by the React Compiler; it skips this component, as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });

  return (
    <section className="card" aria-labelledby="events-title" aria-busy={list.isFetching}>
      <h2 id="events-title">Events</h2>
      {list.error && <FormStatus error={list.error} />}
      {!list.data ? (
        !list.error && <p className="muted">Loading events…</p>
      ) : rows.length === 0 ? (
        <p className="muted">No events match these filters.</p>
      ) : (
        <ScrollRegion label="Audit event table">
          <table className="table audit-table">
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <th key={header.id} scope="col">
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <div className="row load-more">
        <p className="muted small" role="status">
          {list.data
            ? `Showing ${rows.length} event${rows.length === 1 ? "" : "s"}${list.hasNextPage ? "" : ", all loaded"}.`
            : ""}
        </p>
        {list.hasNextPage && (
          <button
            type="button"
            className="button secondary"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        )}
      </div>
    </section>
  );
}
