"use client";

import { useState, type FormEvent } from "react";
import { stepUpApi, type StepUpOutputs } from "../api";
import { FormStatus } from "../parts/form-status";
import { DateTime } from "../parts/date-time";

type TotpSetup = StepUpOutputs["security"]["totp"]["begin"];

/** Authenticator app: set up (scan or type the key, then prove it with a first code) or remove. */
export function TotpSection() {
  const utils = stepUpApi.useUtils();
  const overview = stepUpApi.stepUp.security.overview.useQuery();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const begin = stepUpApi.stepUp.security.totp.begin.useMutation({
    onMutate: () => setSaved(null),
    onSuccess: setSetup,
  });
  const remove = stepUpApi.stepUp.security.totp.remove.useMutation({
    onMutate: () => setSaved(null),
    onSuccess: async () => {
      setSaved("Authenticator app removed.");
      await utils.stepUp.security.overview.invalidate();
    },
  });

  if (overview.isPending) return <p className="muted">Loading…</p>;
  if (overview.error)
    return (
      <p role="alert" className="error">
        Could not load your authenticator settings.
      </p>
    );
  if (setup) {
    return (
      <TotpSetupForm
        setup={setup}
        onDone={async () => {
          setSetup(null);
          setSaved("Authenticator app is on.");
          await utils.stepUp.security.overview.invalidate();
        }}
        onCancel={() => setSetup(null)}
      />
    );
  }

  const { totp } = overview.data;
  return (
    <div className="stack">
      <p data-testid="totp-state">
        {totp.enabled ? (
          <>
            <span className="badge on">On</span> since{" "}
            {totp.confirmedAt ? <DateTime value={totp.confirmedAt} /> : "set-up"}
          </>
        ) : (
          <>
            <span className="badge off">Off</span> Use an app such as 1Password, Google Authenticator or Aegis for
            6-digit codes.
          </>
        )}
      </p>
      <FormStatus error={begin.error ?? remove.error} success={saved} />
      {totp.enabled ? (
        <button type="button" className="button secondary" disabled={remove.isPending} onClick={() => remove.mutate()}>
          {remove.isPending ? "Removing…" : "Remove authenticator app"}
        </button>
      ) : (
        <button type="button" className="button" disabled={begin.isPending} onClick={() => begin.mutate()}>
          {begin.isPending ? "Preparing…" : "Set up authenticator app"}
        </button>
      )}
    </div>
  );
}

function TotpSetupForm({
  setup,
  onDone,
  onCancel,
}: {
  setup: TotpSetup;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const confirm = stepUpApi.stepUp.security.totp.confirm.useMutation({ onSuccess: onDone });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate({ code: String(new FormData(event.currentTarget).get("code") ?? "").trim() });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Set up authenticator app">
      <ol className="steps-list">
        <li>
          Scan this QR code with your authenticator app.
          {/* SVG markup generated on the server by the qrcode library from our own otpauth URI. */}
          <div
            className="qr"
            role="img"
            aria-label="QR code for your authenticator app"
            dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
          />
        </li>
        <li>
          Can’t scan it? Type this key instead.
          <label className="field">
            <span>Setup key</span>
            <input
              className="mono"
              readOnly
              value={groupKey(setup.secret)}
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
        </li>
        <li>
          <label className="field">
            <span>First 6-digit code from the app</span>
            <input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              autoFocus
            />
          </label>
        </li>
      </ol>
      <p className="muted small">Nothing is saved until the code matches.</p>
      <FormStatus error={confirm.error} />
      <div className="row">
        <button type="submit" className="button" disabled={confirm.isPending}>
          {confirm.isPending ? "Checking…" : "Turn on"}
        </button>
        <button type="button" className="button secondary" onClick={onCancel} disabled={confirm.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Groups of four are easier to type; authenticator apps ignore the spaces. */
function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
