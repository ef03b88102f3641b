"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { stepUpApi, type StepUpInputs, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { useStepUpI18n } from "../../../i18n/context";
import type { StepUpI18n } from "../../../i18n/localization";

type Metrics = StepUpOutputs["admin"]["audit"]["metrics"];
type MetricsInput = StepUpInputs["admin"]["audit"]["metrics"];

/** Each card: a figure and the counts it comes from, so a rate over 3 calls is not mistaken for a trend. */
function describe(m: Metrics, { t, format }: StepUpI18n) {
  const none = t("admin.metrics.none");
  const decimal = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const percent = (value: number | null) =>
    value === null ? none : format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const seconds = (value: number | null) =>
    value === null
      ? none
      : format.number(value < 90 ? value : value / 60, {
          style: "unit",
          unit: value < 90 ? "second" : "minute",
          unitDisplay: "short",
          maximumFractionDigits: 1,
        });
  return [
    {
      label: t("admin.metrics.rate"),
      value: m.stepUpRatePer100 === null ? none : decimal(m.stepUpRatePer100),
      detail:
        m.protectedCalls === null
          ? t("admin.metrics.rateDetailUser", { count: m.stepUpsRequired })
          : t("admin.metrics.rateDetail", {
              required: format.number(m.stepUpsRequired),
              calls: format.number(m.protectedCalls),
            }),
    },
    {
      label: t("admin.metrics.success"),
      value: percent(m.verificationSuccessRate),
      detail: t("admin.metrics.attempts", { count: m.verificationAttempts }),
    },
    {
      label: t("admin.metrics.median"),
      value: seconds(m.medianSecondsToFulfil),
      detail: t("admin.metrics.medianDetail"),
    },
    {
      label: t("admin.metrics.bypass"),
      value: percent(m.deviceBypassRate),
      detail: t("admin.metrics.bypasses", { count: m.deviceBypasses }),
    },
    { label: t("admin.metrics.lockouts"), value: format.number(m.lockouts), detail: t("admin.metrics.lockoutsDetail") },
  ];
}

export function AuditMetrics({ input }: { input: MetricsInput }) {
  const i18n = useStepUpI18n();
  const metrics = stepUpApi.stepUp.admin.audit.metrics.useQuery(input, { placeholderData: keepPreviousData });
  return (
    <section aria-labelledby="metrics-title" aria-busy={metrics.isFetching}>
      <h2 id="metrics-title">{i18n.t("admin.metrics.title")}</h2>
      {metrics.error && <FormStatus error={metrics.error} />}
      {metrics.data ? (
        <dl className="metrics">
          {describe(metrics.data, i18n).map((card) => (
            <div key={card.label} className="metric card">
              <dt>{card.label}</dt>
              <dd className="metric-value">{card.value}</dd>
              <dd className="muted small">{card.detail}</dd>
            </div>
          ))}
        </dl>
      ) : (
        !metrics.error && <p className="muted">{i18n.t("admin.audit.loadingMetrics")}</p>
      )}
    </section>
  );
}
