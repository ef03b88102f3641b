"use client";

import dynamic from "next/dynamic";
import { MemberSelect } from "../parts/member-select";
import { SelectField } from "../parts/select-field";
import styles from "../parts/admin.module.css";
import { stepUpApi } from "../../api";
import { AuditMetrics } from "./audit-metrics";
import { AuditTable } from "./audit-table";
import { isValidRange, SEVERITIES, toCsvHref, toPeriodInput, type AuditFilter } from "./audit-filter";
import { eventName } from "./event-names";
import { useUrlFilter } from "./use-url-filter";

// recharts is the heaviest dependency of the admin area; only this page loads it, after the table.
const AuditChart = dynamic(() => import("./audit-chart").then((m) => m.AuditChart), {
  ssr: false,
  loading: () => <p className="muted">Loading chart…</p>,
});

const AuditFunnel = dynamic(() => import("./audit-funnel").then((m) => m.AuditFunnel), {
  ssr: false,
  loading: () => <p className="muted">Loading funnel…</p>,
});

const SEVERITY_NAMES: Record<(typeof SEVERITIES)[number], string> = {
  info: "Information",
  warning: "Warning",
  critical: "Critical",
};

/**
 * Filters, metrics, the chart, the funnel and the event table of one period; the filter is in the URL and
 * drives all of them. `csvHref` is the host's CSV export route.
 */
export function AuditView({ csvHref }: { csvHref: string }) {
  const eventTypes = stepUpApi.stepUp.admin.audit.eventTypes.useQuery();
  const [filter, setFilter] = useUrlFilter(eventTypes.data ?? null);
  const set = (key: keyof AuditFilter, value: string) => setFilter({ ...filter, [key]: value });
  const valid = isValidRange(filter);
  const input = toPeriodInput(filter);

  return (
    <div className="stack">
      <form
        className={`card filters ${styles.filters}`}
        aria-label="Filter the audit log"
        aria-describedby="audit-filter-hint"
        onSubmit={(e) => e.preventDefault()}
      >
        <MemberSelect label="User" value={filter.userId} onChange={(v) => set("userId", v)} emptyLabel="All users" />
        <SelectField label="Event type" value={filter.type} onChange={(v) => set("type", v)}>
          <option value="">All types</option>
          {eventTypes.data?.map((t) => (
            <option key={t} value={t}>
              {eventName(t) ? `${eventName(t)} (${t})` : t}
            </option>
          ))}
        </SelectField>
        <SelectField label="Severity" value={filter.severity} onChange={(v) => set("severity", v)}>
          <option value="">Any severity</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_NAMES[s]}
            </option>
          ))}
        </SelectField>
        <label className="field">
          <span>From</span>
          <input
            type="date"
            value={filter.from}
            max={filter.to}
            required
            onChange={(e) => set("from", e.target.value)}
          />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" value={filter.to} min={filter.from} required onChange={(e) => set("to", e.target.value)} />
        </label>
        <a
          className="button secondary export"
          href={valid ? toCsvHref(filter, csvHref) : undefined}
          aria-disabled={!valid}
          download
        >
          Export CSV
        </a>
        <p id="audit-filter-hint" className={styles.hint}>
          Every figure below follows the period and the user; the chart and the events also follow the type and
          severity.
        </p>
      </form>
      {!valid ? (
        <p role="alert" className="error">
          Choose a start date on or before the end date.
        </p>
      ) : (
        <>
          <AuditMetrics input={input} />
          <section className="card" aria-labelledby="chart-title">
            <h2 id="chart-title">Events per day</h2>
            <AuditChart input={input} />
          </section>
          <section className="card" aria-labelledby="funnel-title">
            <h2 id="funnel-title">Step-up funnel per procedure</h2>
            <AuditFunnel input={input} />
          </section>
          <AuditTable filter={filter} />
        </>
      )}
    </div>
  );
}
