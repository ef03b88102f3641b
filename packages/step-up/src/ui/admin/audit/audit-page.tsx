"use client";

import { StepUpRoot } from "../../parts/root";
import { AuditView } from "./audit-view";

/**
 * `…/audit`: the audit log with metrics, a chart and the event table. `csvHref` is the route where
 * the host serves the CSV export (the module's `auditCsvResponse`); the filter is appended as a query.
 */
export function AuditPage({ csvHref }: { csvHref: string }) {
  return (
    <StepUpRoot>
      <h1>Audit log</h1>
      <AuditView csvHref={csvHref} />
    </StepUpRoot>
  );
}
