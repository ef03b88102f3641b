"use client";

import Link from "next/link";
import { useState } from "react";
import { stepUpApi, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { useStepUpI18n } from "../../../i18n/context";
import { ScrollRegion } from "../parts/scroll-region";

type Policy = StepUpOutputs["admin"]["policies"]["list"][number];

/** Every policy the admin can see, with enable switches and delete; names link to the editor. */
export function PolicyList({ basePath }: { basePath: string }) {
  const { t } = useStepUpI18n();
  const utils = stepUpApi.useUtils();
  const policies = stepUpApi.stepUp.admin.policies.list.useQuery();
  const [message, setMessage] = useState<string | null>(null);
  const onSuccess = async (text: string) => {
    setMessage(text);
    await utils.stepUp.admin.policies.list.invalidate();
  };
  const setEnabled = stepUpApi.stepUp.admin.policies.setEnabled.useMutation({
    onMutate: () => setMessage(null),
    onSuccess: (p) =>
      onSuccess(t(p.enabled ? "admin.policies.enabledNow" : "admin.policies.disabledNow", { name: p.name })),
  });
  const remove = stepUpApi.stepUp.admin.policies.delete.useMutation({
    onMutate: () => setMessage(null),
    onSuccess: () => onSuccess(t("admin.policies.deleted")),
  });

  if (policies.error) return <FormStatus error={policies.error} />;
  if (!policies.data) return <p className="muted">{t("admin.loadingPolicies")}</p>;
  return (
    <section className="card" aria-labelledby="policy-list-title">
      <h2 id="policy-list-title">{t("admin.policies.all")}</h2>
      <p className="muted small">{t("admin.policies.globalNote")}</p>
      <ScrollRegion label={t("admin.policies.table")}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("admin.policies.name")}</th>
              <th scope="col">{t("admin.policies.scope")}</th>
              <th scope="col" className="num">
                {t("admin.policies.priority")}
              </th>
              <th scope="col">{t("admin.policies.mode")}</th>
              <th scope="col">{t("admin.policies.rules")}</th>
              <th scope="col">{t("admin.policies.enabled")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("admin.policies.actions")}</span>
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
  const { t, format } = useStepUpI18n();
  const [confirming, setConfirming] = useState(false);
  return (
    <tr>
      <th scope="row">
        <Link href={href}>{policy.name}</Link>
        {policy.description && <span className="muted small block">{policy.description}</span>}
      </th>
      <td>
        {t(`admin.policies.scope.${policy.scope}`)}
        {policy.scope === "user" && policy.userEmail && <span className="muted small block">{policy.userEmail}</span>}
      </td>
      <td className="num">{format.number(policy.priority)}</td>
      <td>
        {policy.mode === "report_only" ? (
          <span className="badge">{t("admin.policies.reportOnly")}</span>
        ) : (
          t("admin.policies.enforce")
        )}
      </td>
      <td>{format.number(policy.rules.length)}</td>
      <td>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={policy.enabled}
            disabled={!policy.editable || pending}
            onChange={(e) => onToggle(e.target.checked)}
          />
          <span className="visually-hidden">{t("admin.policies.enabledFor", { name: policy.name })}</span>
          <span aria-hidden="true">{t(policy.enabled ? "admin.policies.on" : "admin.policies.off")}</span>
        </label>
        {!policy.editable && <span className="muted small block nowrap">{t("admin.policies.readOnly")}</span>}
      </td>
      <td className="actions">
        {policy.editable &&
          (confirming ? (
            <span
              className="confirm"
              role="group"
              aria-label={t("admin.policies.deleteConfirm", { name: policy.name })}
            >
              <button type="button" className="button danger small" disabled={pending} onClick={onDelete}>
                {t("admin.policies.confirmDelete")}
              </button>
              <button type="button" className="button secondary small" onClick={() => setConfirming(false)}>
                {t("admin.policies.keep")}
              </button>
            </span>
          ) : (
            <button type="button" className="button secondary small" onClick={() => setConfirming(true)}>
              {t("admin.policies.delete")}
              <span className="visually-hidden"> {policy.name}</span>
            </button>
          ))}
      </td>
    </tr>
  );
}
