"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { stepUpApi, type StepUpInputs, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { ScrollRegion } from "../parts/scroll-region";
import styles from "../parts/admin.module.css";

type Funnel = StepUpOutputs["admin"]["audit"]["funnel"];
type FunnelInput = StepUpInputs["admin"]["audit"]["funnel"];

const TICK_CHAR_PX = 7;
const TICK_MAX_CHARS = 20;

function shorten(line: string): string {
  return line.length <= TICK_MAX_CHARS ? line : `${line.slice(0, TICK_MAX_CHARS - 1)}…`;
}

/**
 * A procedure path on two lines, broken after its last dot ("passkeys." over "beginRegistration"); a
 * line longer than the axis ends in "…" (the table below has the whole name).
 */
export function tickLines(path: string): string[] {
  const dot = path.lastIndexOf(".");
  return (dot <= 0 ? [path] : [path.slice(0, dot + 1), path.slice(dot + 1)]).map(shorten);
}

/** The axis is as wide as its longest line, so no label is cut at its start. */
function axisWidth(paths: readonly string[]): number {
  return Math.max(...paths.flatMap(tickLines).map((line) => line.length)) * TICK_CHAR_PX + 16;
}

function ProcedureTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const lines = tickLines(payload?.value ?? "");
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill="currentColor">
      {lines.map((line, i) => (
        <tspan key={line} x={x} dx={-4} dy={i === 0 ? (lines.length === 1 ? 4 : -2) : 14}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

// How each requirement ended, in the chart's stacking order (Okabe–Ito colours, as the events chart).
const OUTCOMES = [
  { key: "verified", label: "Verified", fill: "#009E73" },
  { key: "failed", label: "Failed", fill: "#D55E00" },
  { key: "cancelled", label: "Cancelled", fill: "#E69F00" },
  { key: "abandoned", label: "Abandoned", fill: "#6b7280" },
  { key: "pending", label: "Pending", fill: "#56B4E9" },
] as const;

function formatBound(seconds: number): string {
  return seconds % 60 === 0 && seconds >= 60 ? `${seconds / 60} min` : `${seconds} s`;
}

/** "≤ 10 s", "10 s – 30 s", …, "> 5 min" from the server's bucket bounds. */
export function bucketLabels(bounds: readonly number[]): string[] {
  return [
    ...bounds.map((b, i) => (i === 0 ? `≤ ${formatBound(b)}` : `${formatBound(bounds[i - 1]!)} – ${formatBound(b)}`)),
    `> ${formatBound(bounds[bounds.length - 1]!)}`,
  ];
}

/**
 * Per procedure: required → initiated → verified / failed / cancelled / abandoned, and how long verifying
 * took (ADR 023). The chart is decoration; the table holds every figure for screen readers and keyboards.
 */
export function AuditFunnel({ input }: { input: FunnelInput }) {
  const funnel = stepUpApi.stepUp.admin.audit.funnel.useQuery(input);
  if (funnel.error) return <FormStatus error={funnel.error} />;
  if (!funnel.data) return <p className="muted">Loading funnel…</p>;
  const { procedures, bucketsS } = funnel.data;
  if (procedures.length === 0) return <p className="muted">No step-ups were required in this period.</p>;
  const buckets = bucketLabels(bucketsS);
  return (
    <figure className="chart">
      <div className="chart-canvas" aria-hidden="true" style={{ minHeight: 80 + procedures.length * 44 }}>
        <BarChart
          responsive
          layout="vertical"
          width="100%"
          height={80 + procedures.length * 44}
          data={procedures}
          accessibilityLayer={false}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis
            type="category"
            dataKey="procedure"
            width={axisWidth(procedures.map((p) => p.procedure))}
            tick={<ProcedureTick />}
          />
          <Tooltip />
          {OUTCOMES.map((o) => (
            <Bar key={o.key} dataKey={o.key} name={o.label} stackId="outcome" fill={o.fill} isAnimationActive={false} />
          ))}
        </BarChart>
      </div>
      <ul className={styles.legend} aria-hidden="true">
        {OUTCOMES.map((o) => (
          <li key={o.key}>
            <span className={styles.swatch} style={{ background: o.fill }} />
            {o.label}
          </li>
        ))}
      </ul>
      <figcaption className="muted small">
        Requirements created in the period, by how they ended. Abandoned: expired without an attempt.
      </figcaption>
      <FunnelTable procedures={procedures} buckets={buckets} />
    </figure>
  );
}

function FunnelTable({ procedures, buckets }: { procedures: Funnel["procedures"]; buckets: string[] }) {
  const steps = [
    { key: "required", label: "Required" },
    { key: "initiated", label: "Initiated" },
    ...OUTCOMES,
  ] as const;
  return (
    <ScrollRegion label="Funnel figure table">
      <table className="table" aria-label="Step-up funnel per procedure">
        <thead>
          <tr>
            <th scope="col">Procedure</th>
            {steps.map((s) => (
              <th key={s.key} scope="col" className={`num ${styles.nowrap}`}>
                {s.label}
              </th>
            ))}
            {buckets.map((b) => (
              <th key={b} scope="col" className={`num ${styles.nowrap}`}>
                <span className="visually-hidden">Verified in </span>
                {b}
              </th>
            ))}
            <th scope="col" className="num">
              Slowest
            </th>
          </tr>
        </thead>
        <tbody>
          {procedures.map((row) => (
            <tr key={row.procedure}>
              <th scope="row">
                <code className={styles.code}>{row.procedure}</code>
              </th>
              {steps.map((s) => (
                <td key={s.key} className="num">
                  {row[s.key]}
                </td>
              ))}
              {row.timeToVerify.map((n, i) => (
                <td key={buckets[i]} className="num">
                  {n}
                </td>
              ))}
              <td className={`num funnel-slowest ${styles.nowrap}`}>
                {row.maxSecondsToVerify === null ? "—" : `${row.maxSecondsToVerify} s`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
