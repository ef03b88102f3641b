"use client";

import { useState } from "react";
import { richText, useStepUpI18n } from "../../i18n/context";
import { stepUpApi } from "../api";
import { FormStatus } from "../parts/form-status";
import { DateTime } from "../parts/date-time";
import { NewBackupCodes } from "./new-backup-codes";

/** Backup codes: how many are left, and (re)generating a set of 10 that is shown once. */
export function BackupCodesSection() {
  const i18n = useStepUpI18n();
  const { t } = i18n;
  const utils = stepUpApi.useUtils();
  const overview = stepUpApi.stepUp.security.overview.useQuery();
  const [codes, setCodes] = useState<string[] | null>(null);
  const generate = stepUpApi.stepUp.security.backupCodes.generate.useMutation({
    onMutate: () => setCodes(null),
    onSuccess: async (result) => {
      setCodes(result.codes);
      await utils.stepUp.security.overview.invalidate();
    },
  });

  if (overview.isPending) return <p className="muted">{t("security.loading")}</p>;
  if (overview.error)
    return (
      <p role="alert" className="error">
        {t("security.backup.loadFailed")}
      </p>
    );
  const { backupCodes } = overview.data;
  const hasCodes = backupCodes.total > 0;

  return (
    <div className="stack">
      <p data-testid="backup-codes-state">
        {hasCodes ? (
          <>
            {richText(i18n, "security.backup.unused", {
              remaining: backupCodes.remaining,
              total: backupCodes.total,
              b: (chunks) => <strong>{chunks}</strong>,
            })}
            {backupCodes.generatedAt && (
              <span className="muted small">
                {" · "}
                {richText(i18n, "security.backup.created", { date: <DateTime value={backupCodes.generatedAt} /> })}
              </span>
            )}
          </>
        ) : (
          t("security.backup.none")
        )}
      </p>
      {codes ? (
        <NewBackupCodes codes={codes} onDone={() => setCodes(null)} />
      ) : (
        <>
          {hasCodes && <p className="muted small">{t("security.backup.replaceWarning")}</p>}
          <FormStatus error={generate.error} />
          <button
            type="button"
            className={hasCodes ? "button secondary" : "button"}
            disabled={generate.isPending}
            onClick={() => generate.mutate()}
          >
            {generate.isPending
              ? t("security.backup.generating")
              : hasCodes
                ? t("security.backup.regenerate")
                : t("security.backup.generate")}
          </button>
        </>
      )}
    </div>
  );
}
