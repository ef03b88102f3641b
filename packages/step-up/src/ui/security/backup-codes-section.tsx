"use client";

import { useState } from "react";
import { stepUpApi } from "../api";
import { FormStatus } from "../parts/form-status";
import { DateTime } from "../parts/date-time";
import { NewBackupCodes } from "./new-backup-codes";

/** Backup codes: how many are left, and (re)generating a set of 10 that is shown once. */
export function BackupCodesSection() {
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

  if (overview.isPending) return <p className="muted">Loading…</p>;
  if (overview.error)
    return (
      <p role="alert" className="error">
        Could not load your backup codes.
      </p>
    );
  const { backupCodes } = overview.data;
  const hasCodes = backupCodes.total > 0;

  return (
    <div className="stack">
      <p data-testid="backup-codes-state">
        {hasCodes ? (
          <>
            <strong>{backupCodes.remaining}</strong> of {backupCodes.total} unused
            {backupCodes.generatedAt && (
              <span className="muted small">
                {" "}
                · created <DateTime value={backupCodes.generatedAt} />
              </span>
            )}
          </>
        ) : (
          "No backup codes yet. They let you in when your phone or passkey is not at hand."
        )}
      </p>
      {codes ? (
        <NewBackupCodes codes={codes} onDone={() => setCodes(null)} />
      ) : (
        <>
          {hasCodes && <p className="muted small">Generating a new set makes the old codes stop working.</p>}
          <FormStatus error={generate.error} />
          <button
            type="button"
            className={hasCodes ? "button secondary" : "button"}
            disabled={generate.isPending}
            onClick={() => generate.mutate()}
          >
            {generate.isPending ? "Generating…" : hasCodes ? "Regenerate backup codes" : "Generate backup codes"}
          </button>
        </>
      )}
    </div>
  );
}
