"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { stepUpApi, type StepUpInputs, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { ScrollRegion } from "../parts/scroll-region";
import styles from "../parts/admin.module.css";
import { useStepUpI18n } from "../../../i18n/context";
import type { StepUpI18n } from "../../../i18n/localization";

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
  { key: "verified", label: "admin.funnel.verified", fill: "#009E73" },
  { key: "failed", label: "admin.funnel.failed", fill: "#D55E00" },
  { key: "cancelled", label: "admin.funnel.cancelled", fill: "#E69F00" },
  { key: "abandoned", label: "admin.funnel.abandoned", fill: "#6b7280" },
  { key: "pending", label: "admin.funnel.pending", fill: "#56B4E9" },
] as const;

/** A duration in the locale's short units: "10 sec", "5 min". */
function formatSeconds({ format }: StepUpI18n, seconds: number): string {
  const minutes = seconds % 60 === 0 && seconds >= 60;
  return format.number(minutes ? seconds / 60 : seconds, {
    style: "unit",
    unit: minutes ? "minute" : "second",
    unitDisplay: "short",
    maximumFractionDigits: 1,
  });
}

/** "≤ 10 sec", "10 sec – 30 sec", …, "> 5 min" from the server's bucket bounds. */
export function bucketLabels(i18n: StepUpI18n, bounds: readonly number[]): string[] {
  const { t } = i18n;
  const bound = (seconds: number) => formatSeconds(i18n, seconds);
  return [
    ...bounds.map((b, i) =>
      i === 0
        ? t("admin.funnel.atMost", { bound: bound(b) })
        : t("admin.funnel.between", { from: bound(bounds[i - 1]!), to: bound(b) }),
    ),
    t("admin.funnel.over", { bound: bound(bounds[bounds.length - 1]!) }),
  ];
}

/**
 * Per procedure: required → initiated → verified / failed / cancelled / abandoned, and how long verifying
 * took (ADR 023). The chart is decoration; the table holds every figure for screen readers and keyboards.
 */
export function AuditFunnel({ input }: { input: FunnelInput }) {
  const i18n = useStepUpI18n();
  const { t, dir } = i18n;
  const funnel = stepUpApi.stepUp.admin.audit.funnel.useQuery(input);
  if (funnel.error) return <FormStatus error={funnel.error} />;
  if (!funnel.data) return <p className="muted">{t("admin.audit.loadingFunnel")}</p>;
  const { procedures, bucketsS } = funnel.data;
  if (procedures.length === 0) return <p className="muted">{t("admin.funnel.empty")}</p>;
  const buckets = bucketLabels(i18n, bucketsS);
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
          <XAxis type="number" allowDecimals={false} reversed={dir === "rtl"} />
          <YAxis
            type="category"
            dataKey="procedure"
            width={axisWidth(procedures.map((p) => p.procedure))}
            tick={<ProcedureTick />}
            orientation={dir === "rtl" ? "right" : "left"}
          />
          <Tooltip />
          {OUTCOMES.map((o) => (
            <Bar
              key={o.key}
              dataKey={o.key}
              name={t(o.label)}
              stackId="outcome"
              fill={o.fill}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
      <ul className={styles.legend} aria-hidden="true">
        {OUTCOMES.map((o) => (
          <li key={o.key}>
            <span className={styles.swatch} style={{ background: o.fill }} />
            {t(o.label)}
          </li>
        ))}
      </ul>
      <figcaption className="muted small">{t("admin.funnel.caption")}</figcaption>
      <FunnelTable procedures={procedures} buckets={buckets} i18n={i18n} />
    </figure>
  );
}

interface FunnelTableProps {
  procedures: Funnel["procedures"];
  buckets: string[];
  i18n: StepUpI18n;
}

function FunnelTable({ procedures, buckets, i18n }: FunnelTableProps) {
  const { t, format } = i18n;
  const steps = [
    { key: "required", label: "admin.funnel.required" },
    { key: "initiated", label: "admin.funnel.initiated" },
    ...OUTCOMES,
  ] as const;
  return (
    <ScrollRegion label={t("admin.funnel.table")}>
      <table className="table" aria-label={t("admin.funnel.title")}>
        <thead>
          <tr>
            <th scope="col">{t("admin.funnel.procedure")}</th>
            {steps.map((s) => (
              <th key={s.key} scope="col" className={`num ${styles.nowrap}`}>
                {t(s.label)}
              </th>
            ))}
            {buckets.map((b) => (
              <th key={b} scope="col" className={`num ${styles.nowrap}`}>
                <span className="visually-hidden">{t("admin.funnel.verifiedIn")}</span>
                {b}
              </th>
            ))}
            <th scope="col" className={`num ${styles.nowrap}`}>
              {t("admin.funnel.slowest")}
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
                  {format.number(row[s.key])}
                </td>
              ))}
              {row.timeToVerify.map((n, i) => (
                <td key={buckets[i]} className="num">
                  {format.number(n)}
                </td>
              ))}
              <td className={`num funnel-slowest ${styles.nowrap}`}>
                {row.maxSecondsToVerify === null
                  ? t("admin.metrics.none")
                  : formatSeconds(i18n, row.maxSecondsToVerify)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
