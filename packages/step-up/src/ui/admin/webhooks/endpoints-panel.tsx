"use client";

import { useState, type FormEvent } from "react";
import { stepUpApi, type StepUpOutputs } from "../../api";
import { DateTime } from "../../parts/date-time";
import { FormStatus } from "../../parts/form-status";
import { ScrollRegion } from "../parts/scroll-region";
import { useStepUpI18n } from "../../../i18n/context";

type Endpoint = StepUpOutputs["admin"]["webhooks"]["list"]["endpoints"][number];
type EventType = StepUpOutputs["admin"]["webhooks"]["list"]["eventTypes"][number];

/** Add, enable/disable and delete endpoints; a new endpoint's secret is shown once. */
export function EndpointsPanel() {
  const utils = stepUpApi.useUtils();
  const list = stepUpApi.stepUp.admin.webhooks.list.useQuery();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<Array<EventType | "*">>(["*"]);
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => utils.stepUp.admin.webhooks.invalidate();
  const create = stepUpApi.stepUp.admin.webhooks.create.useMutation({
    onMutate: () => {
      setMessage(null);
      setSecret(null);
    },
    onSuccess: async (result) => {
      setSecret(result.secret);
      setUrl("");
      await refresh();
    },
  });
  const setEnabled = stepUpApi.stepUp.admin.webhooks.setEnabled.useMutation({
    onMutate: () => setMessage(null),
    onSuccess: async (result) => {
      setMessage(result.enabled ? "Endpoint enabled." : "Endpoint disabled.");
      await refresh();
    },
  });
  const remove = stepUpApi.stepUp.admin.webhooks.delete.useMutation({
    onMutate: () => setMessage(null),
    onSuccess: async () => {
      setMessage("Endpoint deleted.");
      await refresh();
    },
  });
  const toggle = (type: EventType | "*", on: boolean) =>
    setEvents((current) => (on ? [...current.filter((t) => t !== type), type] : current.filter((t) => t !== type)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ url, events });
  };

  return (
    <>
      <section className="card stack" aria-labelledby="new-endpoint-title">
        <h2 id="new-endpoint-title">Add an endpoint</h2>
        <form className="stack" onSubmit={submit}>
          <label className="field">
            <span>Endpoint URL</span>
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} required maxLength={2000} />
          </label>
          <fieldset className="plain">
            <legend>Events</legend>
            {(["*", ...(list.data?.eventTypes ?? [])] as const).map((type) => (
              <label key={type} className="check-field">
                <input
                  type="checkbox"
                  checked={events.includes(type)}
                  onChange={(e) => toggle(type, e.target.checked)}
                />
                {type === "*" ? "All events" : type}
              </label>
            ))}
          </fieldset>
          <div>
            <button type="submit" className="button" disabled={create.isPending || events.length === 0}>
              Add endpoint
            </button>
          </div>
        </form>
        {secret && (
          <div className="notice" role="status">
            <p>Signing secret — copy it now, it is not shown again:</p>
            <code data-testid="webhook-secret">{secret}</code>
          </div>
        )}
      </section>
      <FormStatus error={list.error ?? create.error ?? setEnabled.error ?? remove.error} success={message} />
      <section className="card" aria-labelledby="endpoints-title" aria-busy={list.isFetching}>
        <h2 id="endpoints-title">Endpoints</h2>
        {list.data ? (
          <EndpointTable
            endpoints={list.data.endpoints}
            pending={setEnabled.isPending || remove.isPending}
            onToggle={(id, enabled) => setEnabled.mutate({ id, enabled })}
            onDelete={(id) => remove.mutate({ id })}
          />
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    </>
  );
}

function EndpointTable(props: {
  endpoints: Endpoint[];
  pending: boolean;
  onToggle: (id: string, enabled: boolean) => void;
  onDelete: (id: string) => void;
}) {
  const { t } = useStepUpI18n();
  if (props.endpoints.length === 0) return <p className="muted">No endpoints yet.</p>;
  return (
    <ScrollRegion label={t("admin.table.endpoints")}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">URL</th>
            <th scope="col">Events</th>
            <th scope="col">Status</th>
            <th scope="col">Added</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.endpoints.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.url}</th>
              <td>{Array.isArray(e.events) ? e.events.join(", ") : "—"}</td>
              <td>{e.enabled ? "Enabled" : <span className="badge">Disabled</span>}</td>
              <td>
                <DateTime value={e.createdAt} />
              </td>
              <td className="actions">
                <button
                  type="button"
                  className="button secondary small"
                  disabled={props.pending}
                  onClick={() => props.onToggle(e.id, !e.enabled)}
                >
                  {e.enabled ? "Disable" : "Enable"}
                  <span className="visually-hidden"> {e.url}</span>
                </button>{" "}
                <button
                  type="button"
                  className="button secondary small"
                  disabled={props.pending}
                  onClick={() => props.onDelete(e.id)}
                >
                  Delete<span className="visually-hidden"> {e.url}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
