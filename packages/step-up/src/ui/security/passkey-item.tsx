"use client";

import { useState, type FormEvent } from "react";
import { stepUpApi, type StepUpOutputs } from "../api";
import { FormStatus } from "../parts/form-status";
import { DateTime } from "../parts/date-time";

type Passkey = StepUpOutputs["security"]["overview"]["passkeys"][number];

/** One passkey: when it was added and last used, rename in place, remove (behind step-up). */
export function PasskeyItem({ passkey }: { passkey: Passkey }) {
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
            <span>New name for {passkey.name}</span>
            <input name="name" defaultValue={passkey.name} required maxLength={64} autoComplete="off" autoFocus />
          </label>
          <button type="submit" className="button small" disabled={rename.isPending}>
            {rename.isPending ? "Saving…" : "Save"}
          </button>
          <button type="button" className="button secondary small" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <div className="grow">
            <strong>{passkey.name}</strong>
            {passkey.backedUp && <span className="badge">Synced</span>}
            <p className="muted small">
              Added <DateTime value={passkey.createdAt} /> ·{" "}
              {passkey.lastUsedAt ? (
                <>
                  last used <DateTime value={passkey.lastUsedAt} />
                </>
              ) : (
                "never used"
              )}
            </p>
          </div>
          <div className="row">
            <button type="button" className="button secondary small" onClick={() => setRenaming(true)}>
              Rename<span className="visually-hidden"> {passkey.name}</span>
            </button>
            <button
              type="button"
              className="button secondary small"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id: passkey.id })}
            >
              {remove.isPending ? "Removing…" : "Remove"}
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
