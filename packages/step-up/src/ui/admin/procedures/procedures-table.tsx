"use client";

import { stepUpApi } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { LevelBadge } from "../parts/level-badge";
import { ScrollRegion } from "../parts/scroll-region";
import { useStepUpI18n } from "../../../i18n/context";

const ACCESS_LABELS = { public: "Public", signed_in: "Signed in", admin: "Admins" } as const;

export function ProceduresTable() {
  const { t } = useStepUpI18n();
  const procedures = stepUpApi.stepUp.admin.procedures.useQuery();
  if (procedures.error) return <FormStatus error={procedures.error} />;
  if (!procedures.data) return <p className="muted">Loading procedures…</p>;
  const unprotected = procedures.data.filter((p) => p.sensitiveButUnprotected).length;
  return (
    <section className="card" aria-labelledby="procedures-title">
      <h2 id="procedures-title">{procedures.data.length} procedures</h2>
      <p className={unprotected > 0 ? "notice" : "muted small"}>
        {unprotected > 0
          ? `${unprotected} sensitive procedure${unprotected === 1 ? " is" : "s are"} not protected by step-up.`
          : "Every sensitive procedure is protected by step-up."}
      </p>
      <ScrollRegion label={t("admin.table.procedures")}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Procedure</th>
              <th scope="col">Type</th>
              <th scope="col">Access</th>
              <th scope="col">Declared</th>
              <th scope="col">Policies</th>
              <th scope="col">Effective</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {procedures.data.map((p) => (
              <tr key={p.path} className={p.sensitiveButUnprotected ? "row-warning" : undefined}>
                <th scope="row">
                  <code>{p.path}</code>
                </th>
                <td>{p.type}</td>
                <td>{ACCESS_LABELS[p.auth]}</td>
                <td>
                  <LevelBadge level={p.declaredLevel} />
                </td>
                <td>
                  <LevelBadge level={p.policyLevel} />
                </td>
                <td>
                  <LevelBadge level={p.effectiveLevel} />
                </td>
                <td>
                  {p.sensitiveButUnprotected ? (
                    <span className="badge warning">Sensitive, not protected</span>
                  ) : p.protectedByStepUp ? (
                    <span className="muted small">Step-up</span>
                  ) : (
                    <span className="muted small">Sign-in only</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
