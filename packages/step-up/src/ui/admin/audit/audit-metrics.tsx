"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { stepUpApi, type StepUpInputs, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";

type Metrics = StepUpOutputs["admin"]["audit"]["metrics"];
type MetricsInput = StepUpInputs["admin"]["audit"]["metrics"];

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatPercent(value: number | null): string {
  return value === null ? "—" : percent.format(value);
}

function formatSeconds(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 90) return `${decimal.format(seconds)} s`;
  return `${decimal.format(seconds / 60)} min`;
}

/** Each card: a figure and the counts it comes from, so a rate over 3 calls is not mistaken for a trend. */
function describe(m: Metrics) {
  return [
    {
      label: "Step-ups per 100 protected calls",
      value: m.stepUpRatePer100 === null ? "—" : decimal.format(m.stepUpRatePer100),
      detail:
        m.protectedCalls === null
          ? `${plural(m.stepUpsRequired, "step-up")}; calls are not counted per user`
          : `${m.stepUpsRequired} of ${m.protectedCalls} calls`,
    },
    {
      label: "Verification success rate",
      value: formatPercent(m.verificationSuccessRate),
      detail: plural(m.verificationAttempts, "attempt"),
    },
    {
      label: "Median time to fulfil",
      value: formatSeconds(m.medianSecondsToFulfil),
      detail: "from requirement to grant",
    },
    {
      label: "Remembered-device bypass rate",
      value: formatPercent(m.deviceBypassRate),
      detail: plural(m.deviceBypasses, "bypass", "bypasses"),
    },
    { label: "Lockouts", value: String(m.lockouts), detail: "after too many failed attempts" },
  ];
}

export function AuditMetrics({ input }: { input: MetricsInput }) {
  const metrics = stepUpApi.stepUp.admin.audit.metrics.useQuery(input, { placeholderData: keepPreviousData });
  return (
    <section aria-labelledby="metrics-title" aria-busy={metrics.isFetching}>
      <h2 id="metrics-title">Metrics for this period</h2>
      {metrics.error && <FormStatus error={metrics.error} />}
      {metrics.data ? (
        <dl className="metrics">
          {describe(metrics.data).map((card) => (
            <div key={card.label} className="metric card">
              <dt>{card.label}</dt>
              <dd className="metric-value">{card.value}</dd>
              <dd className="muted small">{card.detail}</dd>
            </div>
          ))}
        </dl>
      ) : (
        !metrics.error && <p className="muted">Loading metrics…</p>
      )}
    </section>
  );
}
