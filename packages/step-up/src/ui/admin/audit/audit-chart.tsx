"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { stepUpApi, type StepUpInputs, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { ScrollRegion } from "../parts/scroll-region";
import { EventType } from "../parts/event-type";
import styles from "../parts/admin.module.css";
import { eventName } from "./event-names";
import { useStepUpI18n } from "../../../i18n/context";
import type { Translate } from "../../../i18n/translator";

type ChartDays = StepUpOutputs["admin"]["audit"]["chart"];
type ChartInput = StepUpInputs["admin"]["audit"]["chart"];

// Eight colours that stay apart on white and for common colour-vision deficiencies (Okabe–Ito, its
// yellow darkened for contrast); the ninth series and beyond share one grey "Other events" bar.
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8a6d00", "#000000"];
const OTHER = { key: "other", fill: "#9ca3af" };

/** The types by total, largest first: the first eight get a colour each, the rest are summed as "other". */
export function toSeries(days: ChartDays, t: Translate) {
  const totals = new Map<string, number>();
  for (const day of days)
    for (const [type, n] of Object.entries(day.counts)) totals.set(type, (totals.get(type) ?? 0) + n);
  const types = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type]) => type);
  const coloured = types.length > PALETTE.length ? types.slice(0, PALETTE.length - 1) : types;
  const grouped = types.slice(coloured.length);
  const series = [
    ...coloured.map((type, i) => ({ key: type, name: eventName(t, type) ?? type, fill: PALETTE[i]! })),
    ...(grouped.length > 0 ? [{ ...OTHER, name: t("admin.chart.other") }] : []),
  ];
  const rows = days.map((day) => {
    const row: Record<string, string | number> = { day: day.day };
    for (const type of coloured) row[type] = day.counts[type] ?? 0;
    if (grouped.length > 0) row[OTHER.key] = grouped.reduce((sum, type) => sum + (day.counts[type] ?? 0), 0);
    return row;
  });
  return { types, series, rows };
}

/** Events per day stacked by type, with the same numbers in a table for screen readers and keyboard users. */
export function AuditChart({ input }: { input: ChartInput }) {
  const { t, format, dir, locale } = useStepUpI18n();
  const chart = stepUpApi.stepUp.admin.audit.chart.useQuery(input);
  if (chart.error) return <FormStatus error={chart.error} />;
  if (!chart.data) return <p className="muted">{t("admin.audit.loadingChart")}</p>;
  const { types, series, rows } = toSeries(chart.data, t);
  if (types.length === 0) return <p className="muted">{t("admin.chart.empty")}</p>;
  // A chart day is a UTC calendar day ("2026-11-23"): formatted at noon UTC it is that day in any zone.
  const dayLabel = (value: string) => format.date(`${value}T12:00:00Z`);
  const tick = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  return (
    <figure className="chart">
      <div className="chart-canvas" aria-hidden="true">
        <BarChart
          responsive
          width="100%"
          height={320}
          data={rows}
          accessibilityLayer={false}
          margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={(d: string) => tick.format(new Date(`${d}T12:00:00Z`))}
            reversed={dir === "rtl"}
          />
          <YAxis allowDecimals={false} width={40} orientation={dir === "rtl" ? "right" : "left"} />
          <Tooltip />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="events" fill={s.fill} isAnimationActive={false} />
          ))}
        </BarChart>
      </div>
      <ul className={styles.legend} aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className={styles.swatch} style={{ background: s.fill }} />
            {s.name}
          </li>
        ))}
      </ul>
      <figcaption className="muted small">{t("admin.chart.caption")}</figcaption>
      <details>
        <summary>{t("admin.chart.showNumbers")}</summary>
        <ScrollRegion label={t("admin.chart.table")}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("admin.chart.day")}</th>
                {types.map((type) => (
                  <th key={type} scope="col" className="num">
                    <EventType type={type} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.data.map((day) => (
                <tr key={day.day}>
                  <th scope="row" className={styles.nowrap}>
                    <time dateTime={day.day}>{dayLabel(day.day)}</time>
                  </th>
                  {types.map((type) => (
                    <td key={type} className="num">
                      {format.number(day.counts[type] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </figure>
  );
}
