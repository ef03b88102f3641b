"use client";

import { useState, type FormEvent } from "react";
import { richText, useStepUpI18n } from "../../i18n/context";
import { stepUpApi, type StepUpOutputs } from "../api";
import { FormStatus } from "../parts/form-status";
import { DateTime } from "../parts/date-time";

type Passkey = StepUpOutputs["security"]["overview"]["passkeys"][number];

/** One passkey: when it was added and last used, rename in place, remove (behind step-up). */
export function PasskeyItem({ passkey }: { passkey: Passkey }) {
  const i18n = useStepUpI18n();
  const { t } = i18n;
  const utils = stepUpApi.useUtils();
  const [renaming, setRenaming] = useState(false);
  const refresh = () => utils.stepUp.security.overview.invalidate();
  const rename = stepUpApi.stepUp.security.passkeys.rename.useMutation({
    onSuccess: async () => {
      setRenaming(false);
      await refresh();
    },
  });
  const remove = stepUpApi.stepUp.security.passkeys.remove.useMutation({ onSuccess: refresh });

  function submitRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.mutate({ id: passkey.id, name: String(new FormData(event.currentTarget).get("name") ?? "").trim() });
  }

  return (
    <li className="passkey">
      {renaming ? (
        <form className="row end grow" onSubmit={submitRename}>
          <label className="field grow">
            <span>{t("security.passkeys.newName", { name: passkey.name })}</span>
            <input name="name" defaultValue={passkey.name} required maxLength={64} autoComplete="off" autoFocus />
          </label>
          <button type="submit" className="button small" disabled={rename.isPending}>
            {rename.isPending ? t("security.saving") : t("security.save")}
          </button>
          <button type="button" className="button secondary small" onClick={() => setRenaming(false)}>
            {t("security.cancel")}
          </button>
        </form>
      ) : (
        <>
          <div className="grow">
            <strong className="breakable">{passkey.name}</strong>
            {passkey.backedUp && <span className="badge">{t("security.passkeys.synced")}</span>}
            <p className="muted small">
              {richText(i18n, "security.passkeys.addedOn", { date: <DateTime value={passkey.createdAt} /> })} ·{" "}
              {passkey.lastUsedAt
                ? richText(i18n, "security.passkeys.lastUsed", { date: <DateTime value={passkey.lastUsedAt} /> })
                : t("security.passkeys.neverUsed")}
            </p>
          </div>
          <div className="row">
            <button type="button" className="button secondary small" onClick={() => setRenaming(true)}>
              {t("security.passkeys.rename")}
              <span className="visually-hidden"> {passkey.name}</span>
            </button>
            <button
              type="button"
              className="button secondary small"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id: passkey.id })}
            >
              {remove.isPending ? t("security.passkeys.removing") : t("security.passkeys.remove")}
              <span className="visually-hidden"> {passkey.name}</span>
            </button>
          </div>
        </>
      )}
      {(rename.error || remove.error) && (
        <div className="full">
          <FormStatus error={rename.error ?? remove.error} />
        </div>
      )}
    </li>
  );
}
