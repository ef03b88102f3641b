"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { useMemo, type ReactNode } from "react";
import { stepUpApi, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { LevelBadge } from "../parts/level-badge";
import { EventType } from "../parts/event-type";
import { ScrollRegion } from "../parts/scroll-region";
import styles from "../parts/admin.module.css";
import { maxLevel, type Level } from "../../../engine/levels";
import { SEVERITIES, toListInput, type AuditFilter, type Severity } from "./audit-filter";
import { useStepUpI18n } from "../../../i18n/context";
import type { StepUpI18n } from "../../../i18n/localization";
import type { Translate } from "../../../i18n/translator";
import { describeOutcome } from "./audit-outcome";

type AuditRow = StepUpOutputs["admin"]["audit"]["list"]["items"][number];

const column = createColumnHelper<AuditRow>();

/** The table's columns in the page's locale (headers, dates and words). */
function columnsFor({ t, format }: StepUpI18n) {
  return [
    column.accessor("createdAt", {
      header: t("admin.events.when"),
      cell: (c) => (
        <time className={styles.nowrap} dateTime={new Date(c.getValue()).toISOString()}>
          {format.dateTime(c.getValue())}
        </time>
      ),
    }),
    column.accessor("type", { header: t("admin.events.event"), cell: (c) => <EventType type={c.getValue()} /> }),
    column.accessor("severity", {
      header: t("admin.events.severity"),
      cell: (c) => <span className={`badge severity-${c.getValue()}`}>{severityName(t, c.getValue())}</span>,
    }),
    column.accessor("userEmail", {
      header: t("admin.events.user"),
      cell: (c) => orDash(c.getValue(), (email) => <span className={styles.code}>{email}</span>),
    }),
    column.accessor("procedure", {
      header: t("admin.events.procedure"),
      cell: (c) => orDash(c.getValue(), (p) => <code className={styles.code}>{p}</code>),
    }),
    column.accessor("level", {
      header: t("admin.events.level"),
      cell: (c) => orDash(levelOf(c.row.original), (l) => <LevelBadge level={l} />),
    }),
    column.display({
      id: "outcome",
      header: t("admin.events.outcome"),
      cell: (c) => orDash(describeOutcome(t, c.row.original.type, c.row.original.data), (o) => o),
    }),
    column.accessor("ip", {
      header: t("admin.events.ip"),
      cell: (c) => orDash(c.getValue(), (ip) => <span className={styles.code}>{ip}</span>),
    }),
    column.accessor("data", {
      header: t("admin.events.details"),
      cell: (c) => <EventData data={c.getValue()} label={t("admin.events.json")} />,
    }),
  ];
}

function severityName(t: Translate, severity: string): string {
  return (SEVERITIES as readonly string[]).includes(severity) ? t(`admin.severity.${severity as Severity}`) : severity;
}

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
function EventData({ data, label }: { data: unknown; label: string }) {
  if (data === null || data === undefined || (typeof data === "object" && Object.keys(data).length === 0))
    return <span className="muted">—</span>;
  return (
    <details className="details">
      <summary>{label}</summary>
      <pre>{typeof data === "string" ? data : JSON.stringify(data, null, 2)}</pre>
    </details>
  );
}

export function AuditTable({ filter }: { filter: AuditFilter }) {
  const i18n = useStepUpI18n();
  const { t } = i18n;
  const columns = useMemo(() => columnsFor(i18n), [i18n]);
  const list = stepUpApi.stepUp.admin.audit.list.useInfiniteQuery(toListInput(filter), {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  // TanStack Table's API is not memoisable by the React Compiler; it skips this component, as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });

  return (
    <section className="card" aria-labelledby="events-title" aria-busy={list.isFetching}>
      <h2 id="events-title">{t("admin.events.title")}</h2>
      {list.error && <FormStatus error={list.error} />}
      {!list.data ? (
        !list.error && <p className="muted">{t("admin.audit.loadingEvents")}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t("admin.events.empty")}</p>
      ) : (
        <ScrollRegion label={t("admin.events.table")}>
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
          {list.data ? t("admin.events.showing", { count: rows.length, all: list.hasNextPage ? "no" : "yes" }) : ""}
        </p>
        {list.hasNextPage && (
          <button
            type="button"
            className="button secondary"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? t("admin.loading") : t("admin.events.loadMore")}
          </button>
        )}
      </div>
    </section>
  );
}
