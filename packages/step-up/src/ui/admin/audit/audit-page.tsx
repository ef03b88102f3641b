"use client";

import { Suspense } from "react";
import { StepUpRoot } from "../../parts/root";
import { AuditView } from "./audit-view";
import { useStepUpI18n } from "../../../i18n/context";
import type { StepUpLocalization } from "../../../i18n/localization";

/**
 * `…/audit`: the audit log with metrics, a chart and the event table. `csvHref` is the route where
 * the host serves the CSV export (the module's `auditCsvResponse`); the filter is appended as a query.
 * The filter is read from the page's URL, which a prerendered host page only knows in the browser.
 */
export function AuditPage({ csvHref, localization }: { csvHref: string; localization?: StepUpLocalization }) {
  return (
    <StepUpRoot localization={localization}>
      <AuditContent csvHref={csvHref} />
    </StepUpRoot>
  );
}

function AuditContent({ csvHref }: { csvHref: string }) {
  const { t } = useStepUpI18n();
  return (
    <>
      <h1>{t("admin.audit.title")}</h1>
      <Suspense fallback={<p className="muted">{t("admin.audit.loadingFilters")}</p>}>
        <AuditView csvHref={csvHref} />
      </Suspense>
    </>
  );
}
