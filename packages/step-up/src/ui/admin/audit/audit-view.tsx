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
import { useStepUpI18n } from "../../../i18n/context";

function Loading({ what }: { what: "admin.audit.loadingChart" | "admin.audit.loadingFunnel" }) {
  const { t } = useStepUpI18n();
  return <p className="muted">{t(what)}</p>;
}

// recharts is the heaviest dependency of the admin area; only this page loads it, after the table.
const AuditChart = dynamic(() => import("./audit-chart").then((m) => m.AuditChart), {
  ssr: false,
  loading: () => <Loading what="admin.audit.loadingChart" />,
});

const AuditFunnel = dynamic(() => import("./audit-funnel").then((m) => m.AuditFunnel), {
  ssr: false,
  loading: () => <Loading what="admin.audit.loadingFunnel" />,
});

/**
 * Filters, metrics, the chart, the funnel and the event table of one period; the filter is in the URL and
 * drives all of them. `csvHref` is the host's CSV export route.
 */
export function AuditView({ csvHref }: { csvHref: string }) {
  const { t } = useStepUpI18n();
  const eventTypes = stepUpApi.stepUp.admin.audit.eventTypes.useQuery();
  const [filter, setFilter] = useUrlFilter(eventTypes.data ?? null);
  const set = (key: keyof AuditFilter, value: string) => setFilter({ ...filter, [key]: value });
  const valid = isValidRange(filter);
  const input = toPeriodInput(filter);

  return (
    <div className="stack">
      <form
        className={`card filters ${styles.filters}`}
        aria-label={t("admin.audit.filters")}
        aria-describedby="audit-filter-hint"
        onSubmit={(e) => e.preventDefault()}
      >
        <MemberSelect
          label={t("admin.audit.user")}
          value={filter.userId}
          onChange={(v) => set("userId", v)}
          emptyLabel={t("admin.audit.allUsers")}
        />
        <SelectField label={t("admin.audit.type")} value={filter.type} onChange={(v) => set("type", v)}>
          <option value="">{t("admin.audit.allTypes")}</option>
          {eventTypes.data?.map((code) => {
            const name = eventName(t, code);
            return (
              <option key={code} value={code}>
                {name ? t("admin.audit.typeOption", { name, code }) : code}
              </option>
            );
          })}
        </SelectField>
        <SelectField label={t("admin.audit.severity")} value={filter.severity} onChange={(v) => set("severity", v)}>
          <option value="">{t("admin.audit.anySeverity")}</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`admin.severity.${s}`)}
            </option>
          ))}
        </SelectField>
        <label className="field">
          <span>{t("admin.audit.from")}</span>
          <input
            type="date"
            value={filter.from}
            max={filter.to}
            required
            onChange={(e) => set("from", e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t("admin.audit.to")}</span>
          <input type="date" value={filter.to} min={filter.from} required onChange={(e) => set("to", e.target.value)} />
        </label>
        <a
          className="button secondary export"
          href={valid ? toCsvHref(filter, csvHref) : undefined}
          aria-disabled={!valid}
          download
        >
          {t("admin.audit.export")}
        </a>
        <p id="audit-filter-hint" className={styles.hint}>
          {t("admin.audit.filterHint")}
        </p>
      </form>
      {!valid ? (
        <p role="alert" className="error">
          {t("admin.audit.badRange")}
        </p>
      ) : (
        <>
          <AuditMetrics input={input} />
          <section className="card" aria-labelledby="chart-title">
            <h2 id="chart-title">{t("admin.chart.title")}</h2>
            <AuditChart input={input} />
          </section>
          <section className="card" aria-labelledby="funnel-title">
            <h2 id="funnel-title">{t("admin.funnel.title")}</h2>
            <AuditFunnel input={input} />
          </section>
          <AuditTable filter={filter} />
        </>
      )}
    </div>
  );
}
