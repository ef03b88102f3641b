"use client";

import { StepUpRoot } from "../../parts/root";
import { DeliveriesPanel } from "./deliveries-panel";
import { EndpointsPanel } from "./endpoints-panel";

/** `…/webhooks`: the organization's security-event endpoints and their recent deliveries. */
export function WebhooksPage() {
  return (
    <StepUpRoot>
      <h1>Security events</h1>
      <p className="muted lead">
        Step-up outcomes and credential changes are sent, signed, to the endpoints you register here. Each delivery is
        retried with backoff and keeps the same webhook-id, so your receiver can ignore repeats.
      </p>
      <div className="stack">
        <EndpointsPanel />
        <DeliveriesPanel />
      </div>
    </StepUpRoot>
  );
}
