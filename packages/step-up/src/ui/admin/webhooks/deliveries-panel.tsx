"use client";

import { useState } from "react";
import { stepUpApi } from "../../api";
import { DateTime } from "../../parts/date-time";
import { FormStatus } from "../../parts/form-status";
import { ScrollRegion } from "../parts/scroll-region";
import { useStepUpI18n } from "../../../i18n/context";

/** The latest deliveries with their status; a failed one can be queued again (same webhook-id). */
export function DeliveriesPanel() {
  const { t } = useStepUpI18n();
  const utils = stepUpApi.useUtils();
  const deliveries = stepUpApi.stepUp.admin.webhooks.deliveries.useQuery({}, { refetchInterval: 5_000 });
  const [message, setMessage] = useState<string | null>(null);
  const retry = stepUpApi.stepUp.admin.webhooks.retry.useMutation({
    onMutate: () => setMessage(null),
    onSuccess: async () => {
      setMessage("Delivery queued again.");
      await utils.stepUp.admin.webhooks.deliveries.invalidate();
    },
  });
  const rows = deliveries.data ?? [];

  return (
    <section className="card" aria-labelledby="deliveries-title" aria-busy={deliveries.isFetching}>
      <h2 id="deliveries-title">Recent deliveries</h2>
      <FormStatus error={deliveries.error ?? retry.error} success={message} />
      {!deliveries.data ? (
        <p className="muted">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="muted">No deliveries yet.</p>
      ) : (
        <ScrollRegion label={t("admin.table.deliveries")}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last response</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <th scope="row" title={d.eventId}>
                    {d.type}
                  </th>
                  <td>
                    <span className="badge">{d.status}</span>
                  </td>
                  <td>{d.attempts}</td>
                  <td>{d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : "—")}</td>
                  <td>
                    <DateTime value={d.createdAt} />
                  </td>
                  <td className="actions">
                    {d.status === "failed" && (
                      <button
                        type="button"
                        className="button secondary small"
                        disabled={retry.isPending}
                        onClick={() => retry.mutate({ deliveryId: d.id })}
                      >
                        Retry<span className="visually-hidden"> {d.type}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
