"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { MemberSelect } from "../parts/member-select";
import { SelectField } from "../parts/select-field";
import { stepUpApi } from "../../api";
import { AuditMetrics } from "./audit-metrics";
import { AuditTable } from "./audit-table";
import { defaultFilter, isValidRange, SEVERITIES, toCsvHref, toRange, type AuditFilter } from "./audit-filter";

// recharts is the heaviest dependency of the admin area; only this page loads it, after the table.
const AuditChart = dynamic(() => import("./audit-chart").then((m) => m.AuditChart), {
  ssr: false,
  loading: () => <p className="muted">Loading chart…</p>,
});

const AuditFunnel = dynamic(() => import("./audit-funnel").then((m) => m.AuditFunnel), {
  ssr: false,
  loading: () => <p className="muted">Loading funnel…</p>,
});

/** Filters, metrics, the chart and the event table of one period; `csvHref` is the host's CSV export route. */
export function AuditView({ csvHref }: { csvHref: string }) {
  const [filter, setFilter] = useState<AuditFilter>(() => defaultFilter(new Date()));
  const eventTypes = stepUpApi.stepUp.admin.audit.eventTypes.useQuery();
  const set = (key: keyof AuditFilter, value: string) => setFilter((f) => ({ ...f, [key]: value }));
  const valid = isValidRange(filter);

  return (
    <div className="stack">
      <form className="card filters" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <MemberSelect label="User" value={filter.userId} onChange={(v) => set("userId", v)} emptyLabel="All users" />
        <SelectField label="Event type" value={filter.type} onChange={(v) => set("type", v)}>
          <option value="">All types</option>
          {eventTypes.data?.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </SelectField>
        <SelectField label="Severity" value={filter.severity} onChange={(v) => set("severity", v)}>
          <option value="">Any severity</option>
          {SEVERITIES.map((s) => (
            <option key={s}>{s}</option>
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
      </form>
      {!valid ? (
        <p role="alert" className="error">
          Choose a start date on or before the end date.
        </p>
      ) : (
        <>
          <AuditMetrics {...toRange(filter)} />
          <section className="card" aria-labelledby="chart-title">
            <h2 id="chart-title">Events per day</h2>
            <AuditChart {...toRange(filter)} />
          </section>
          <section className="card" aria-labelledby="funnel-title">
            <h2 id="funnel-title">Step-up funnel per procedure</h2>
            <AuditFunnel {...toRange(filter)} />
          </section>
          <AuditTable filter={filter} />
        </>
      )}
    </div>
  );
}
