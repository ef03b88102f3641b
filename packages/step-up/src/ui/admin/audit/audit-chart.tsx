"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { stepUpApi, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";

type ChartDays = StepUpOutputs["admin"]["audit"]["chart"];

// Distinguishable on white and for common colour-vision deficiencies (Okabe–Ito, then greys).
const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#CC79A7",
  "#56B4E9",
  "#8a6d00",
  "#000000",
  "#6b7280",
  "#9ca3af",
];

function toSeries(days: ChartDays) {
  const totals = new Map<string, number>();
  for (const day of days)
    for (const [type, n] of Object.entries(day.counts)) totals.set(type, (totals.get(type) ?? 0) + n);
  const types = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([type]) => type);
  const rows = days.map((day) => ({ day: day.day, ...day.counts }));
  return { types, rows };
}

/** Events per day stacked by type, with the same numbers in a table for screen readers and keyboard users. */
export function AuditChart({ from, to }: { from: Date; to: Date }) {
  const chart = stepUpApi.stepUp.admin.audit.chart.useQuery({ from, to });
  if (chart.error) return <FormStatus error={chart.error} />;
  if (!chart.data) return <p className="muted">Loading chart…</p>;
  const { types, rows } = toSeries(chart.data);
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
          <YAxis allowDecimals={false} width={48} />
          <Tooltip />
          <Legend />
          {types.map((type, i) => (
            <Bar
              key={type}
              dataKey={type}
              name={type}
              stackId="events"
              fill={PALETTE[i % PALETTE.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
      <figcaption className="muted small">Audit events per day (UTC), stacked by event type.</figcaption>
      <details>
        <summary>Show the numbers</summary>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                {types.map((t) => (
                  <th key={t} scope="col" className="num">
                    {t}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.data.map((day) => (
                <tr key={day.day}>
                  <th scope="row">{day.day}</th>
                  {types.map((t) => (
                    <td key={t} className="num">
                      {day.counts[t] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
