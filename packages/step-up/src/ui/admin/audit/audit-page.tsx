"use client";

import { Suspense } from "react";
import { StepUpRoot } from "../../parts/root";
import { AuditView } from "./audit-view";

/**
 * `…/audit`: the audit log with metrics, a chart and the event table. `csvHref` is the route where
 * the host serves the CSV export (the module's `auditCsvResponse`); the filter is appended as a query.
 * The filter is read from the page's URL, which a prerendered host page only knows in the browser.
 */
export function AuditPage({ csvHref }: { csvHref: string }) {
  return (
    <StepUpRoot>
      <h1>Audit log</h1>
      <Suspense fallback={<p className="muted">Loading filters…</p>}>
        <AuditView csvHref={csvHref} />
      </Suspense>
    </StepUpRoot>
  );
}
