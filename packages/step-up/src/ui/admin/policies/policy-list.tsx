"use client";

import Link from "next/link";
import { useState } from "react";
import { stepUpApi, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { ScrollRegion } from "../parts/scroll-region";

type Policy = StepUpOutputs["admin"]["policies"]["list"][number];

const SCOPE_LABELS: Record<Policy["scope"], string> = { global: "Global", organization: "Organization", user: "User" };

/** Every policy the admin can see, with enable switches and delete; names link to the editor. */
export function PolicyList({ basePath }: { basePath: string }) {
  const utils = stepUpApi.useUtils();
  const policies = stepUpApi.stepUp.admin.policies.list.useQuery();
  const [message, setMessage] = useState<string | null>(null);
  const onSuccess = async (text: string) => {
    setMessage(text);
    await utils.stepUp.admin.policies.list.invalidate();
  };
  const setEnabled = stepUpApi.stepUp.admin.policies.setEnabled.useMutation({
    onMutate: () => setMessage(null),
    onSuccess: (p) => onSuccess(`${p.name} ${p.enabled ? "enabled" : "disabled"}.`),
  });
  const remove = stepUpApi.stepUp.admin.policies.delete.useMutation({
    onMutate: () => setMessage(null),
    onSuccess: () => onSuccess("Policy deleted."),
  });

  if (policies.error) return <FormStatus error={policies.error} />;
  if (!policies.data) return <p className="muted">Loading policies…</p>;
  return (
    <section className="card" aria-labelledby="policy-list-title">
      <h2 id="policy-list-title">All policies</h2>
      <p className="muted small">Global policies apply to every organization and are read-only here.</p>
      <ScrollRegion label="Policy table">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scope</th>
              <th scope="col" className="num">
                Priority
              </th>
              <th scope="col">Mode</th>
              <th scope="col">Rules</th>
              <th scope="col">Enabled</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {policies.data.map((policy) => (
              <PolicyRow
                key={policy.id}
                policy={policy}
                href={`${basePath}/policies/${policy.id}`}
                pending={setEnabled.isPending || remove.isPending}
                onToggle={(enabled) => setEnabled.mutate({ id: policy.id, enabled })}
                onDelete={() => remove.mutate({ id: policy.id })}
              />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <FormStatus error={setEnabled.error ?? remove.error} success={message} />
    </section>
  );
}

interface PolicyRowProps {
  policy: Policy;
  href: string;
  pending: boolean;
  onToggle: (enabled: boolean) => void;
  onDelete: () => void;
}

function PolicyRow({ policy, href, pending, onToggle, onDelete }: PolicyRowProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <tr>
      <th scope="row">
        <Link href={href}>{policy.name}</Link>
        {policy.description && <span className="muted small block">{policy.description}</span>}
      </th>
      <td>
        {SCOPE_LABELS[policy.scope]}
        {policy.scope === "user" && policy.userEmail && <span className="muted small block">{policy.userEmail}</span>}
      </td>
      <td className="num">{policy.priority}</td>
      <td>{policy.mode === "report_only" ? <span className="badge">Report only</span> : "Enforce"}</td>
      <td>{policy.rules.length}</td>
      <td>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={policy.enabled}
            disabled={!policy.editable || pending}
            onChange={(e) => onToggle(e.target.checked)}
          />
          <span className="visually-hidden">Enabled: {policy.name}</span>
          <span aria-hidden="true">{policy.enabled ? "On" : "Off"}</span>
        </label>
        {!policy.editable && <span className="muted small block nowrap">Read-only</span>}
      </td>
      <td className="actions">
        {policy.editable &&
          (confirming ? (
            <span className="confirm" role="group" aria-label={`Delete ${policy.name}?`}>
              <button type="button" className="button danger small" disabled={pending} onClick={onDelete}>
                Confirm delete
              </button>
              <button type="button" className="button secondary small" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" className="button secondary small" onClick={() => setConfirming(true)}>
              Delete<span className="visually-hidden"> {policy.name}</span>
            </button>
          ))}
      </td>
    </tr>
  );
}
