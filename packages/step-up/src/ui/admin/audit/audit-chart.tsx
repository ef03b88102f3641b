"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { stepUpApi, type StepUpInputs, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { ScrollRegion } from "../parts/scroll-region";
import { EventType } from "../parts/event-type";
import styles from "../parts/admin.module.css";
import { eventName } from "./event-names";

type ChartDays = StepUpOutputs["admin"]["audit"]["chart"];
type ChartInput = StepUpInputs["admin"]["audit"]["chart"];

// Eight colours that stay apart on white and for common colour-vision deficiencies (Okabe–Ito, its
// yellow darkened for contrast); the ninth series and beyond share one grey "Other events" bar.
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8a6d00", "#000000"];
const OTHER = { key: "other", name: "Other events", fill: "#9ca3af" };

/** The types by total, largest first: the first eight get a colour each, the rest are summed as "other". */
export function toSeries(days: ChartDays) {
  const totals = new Map<string, number>();
  for (const day of days)
    for (const [type, n] of Object.entries(day.counts)) totals.set(type, (totals.get(type) ?? 0) + n);
  const types = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type]) => type);
  const coloured = types.length > PALETTE.length ? types.slice(0, PALETTE.length - 1) : types;
  const grouped = types.slice(coloured.length);
  const series = [
    ...coloured.map((type, i) => ({ key: type, name: eventName(type) ?? type, fill: PALETTE[i]! })),
    ...(grouped.length > 0 ? [OTHER] : []),
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
  const chart = stepUpApi.stepUp.admin.audit.chart.useQuery(input);
  if (chart.error) return <FormStatus error={chart.error} />;
  if (!chart.data) return <p className="muted">Loading chart…</p>;
  const { types, series, rows } = toSeries(chart.data);
  if (types.length === 0) return <p className="muted">No events in this period.</p>;
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
          <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} />
          <YAxis allowDecimals={false} width={40} />
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
      <figcaption className="muted small">Audit events per day (UTC), stacked by event type.</figcaption>
      <details>
        <summary>Show the numbers</summary>
        <ScrollRegion label="Daily count table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                {types.map((t) => (
                  <th key={t} scope="col" className="num">
                    <EventType type={t} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.data.map((day) => (
                <tr key={day.day}>
                  <th scope="row" className={styles.nowrap}>
                    {day.day}
                  </th>
                  {types.map((t) => (
                    <td key={t} className="num">
                      {day.counts[t] ?? 0}
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
