"use client";

import { useState } from "react";
import { stepUpApi, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { DateTime } from "../../parts/date-time";
import { LevelBadge } from "../parts/level-badge";
import { MemberSelect } from "../parts/member-select";
import { describeUserAgent } from "../parts/user-agent";
import { ScrollRegion } from "../parts/scroll-region";
import { useStepUpI18n } from "../../../i18n/context";

type Lists = StepUpOutputs["admin"]["devices"]["list"];

/** Devices and passkeys of the organization's users; revoking and removing are step-up protected. */
export function DevicesPanel() {
  const utils = stepUpApi.useUtils();
  const [userId, setUserId] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const lists = stepUpApi.stepUp.admin.devices.list.useQuery(userId ? { userId } : {});
  const done = async (text: string) => {
    setMessage(text);
    await utils.stepUp.admin.devices.list.invalidate();
  };
  const revoke = stepUpApi.stepUp.admin.devices.revoke.useMutation({
    onMutate: () => setMessage(null),
    onSuccess: () => done("Device revoked."),
  });
  const removePasskey = stepUpApi.stepUp.admin.devices.removePasskey.useMutation({
    onMutate: () => setMessage(null),
    onSuccess: () => done("Passkey removed."),
  });

  return (
    <div className="stack">
      <div className="filters">
        <MemberSelect label="Filter by user" value={userId} onChange={setUserId} emptyLabel="All users" />
      </div>
      <FormStatus error={lists.error ?? revoke.error ?? removePasskey.error} success={message} />
      <section className="card" aria-labelledby="devices-title" aria-busy={lists.isFetching}>
        <h2 id="devices-title">Remembered devices</h2>
        {lists.data ? (
          <DeviceTable
            devices={lists.data.devices}
            pending={revoke.isPending}
            onRevoke={(deviceId) => revoke.mutate({ deviceId })}
          />
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
      <section className="card" aria-labelledby="passkeys-title" aria-busy={lists.isFetching}>
        <h2 id="passkeys-title">Passkeys</h2>
        {lists.data ? (
          <PasskeyTable
            passkeys={lists.data.passkeys}
            pending={removePasskey.isPending}
            onRemove={(passkeyId) => removePasskey.mutate({ passkeyId })}
          />
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    </div>
  );
}

function DeviceTable({
  devices,
  pending,
  onRevoke,
}: {
  devices: Lists["devices"];
  pending: boolean;
  onRevoke: (id: string) => void;
}) {
  const { t } = useStepUpI18n();
  if (devices.length === 0) return <p className="muted">No remembered devices.</p>;
  return (
    <ScrollRegion label={t("admin.table.devices")}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Device</th>
            <th scope="col">Up to</th>
            <th scope="col">IP</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.userEmail}</th>
              <td title={d.label ?? undefined}>{describeUserAgent(d.label)}</td>
              <td>
                <LevelBadge level={d.level} />
              </td>
              <td>{d.ip ?? "—"}</td>
              <td>{d.lastUsedAt ? <DateTime value={d.lastUsedAt} /> : "Never"}</td>
              <td>
                <DateTime value={d.expiresAt} />
              </td>
              <td className="actions">
                {d.revokedAt ? (
                  <span className="badge">Revoked</span>
                ) : (
                  <button
                    type="button"
                    className="button secondary small"
                    disabled={pending}
                    onClick={() => onRevoke(d.id)}
                  >
                    Revoke<span className="visually-hidden"> {`${describeUserAgent(d.label)} of ${d.userEmail}`}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function PasskeyTable({
  passkeys,
  pending,
  onRemove,
}: {
  passkeys: Lists["passkeys"];
  pending: boolean;
  onRemove: (id: string) => void;
}) {
  const { t } = useStepUpI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  if (passkeys.length === 0) return <p className="muted">No passkeys.</p>;
  return (
    <ScrollRegion label={t("admin.table.passkeys")}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Name</th>
            <th scope="col">Added</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {passkeys.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.userEmail}</th>
              <td>{p.name}</td>
              <td>
                <DateTime value={p.createdAt} />
              </td>
              <td>{p.lastUsedAt ? <DateTime value={p.lastUsedAt} /> : "Never"}</td>
              <td className="actions">
                {confirming === p.id ? (
                  <span className="confirm" role="group" aria-label={`Remove ${p.name}?`}>
                    <button
                      type="button"
                      className="button danger small"
                      disabled={pending}
                      onClick={() => onRemove(p.id)}
                    >
                      Confirm remove
                    </button>
                    <button type="button" className="button secondary small" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <button type="button" className="button secondary small" onClick={() => setConfirming(p.id)}>
                    Remove<span className="visually-hidden"> {`${p.name} of ${p.userEmail}`}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
