"use client";

import { useState, type FormEvent } from "react";
import { richText, useStepUpI18n } from "../../i18n/context";
import { stepUpApi, type StepUpOutputs } from "../api";
import { FormStatus } from "../parts/form-status";
import { DateTime } from "../parts/date-time";

type TotpSetup = StepUpOutputs["security"]["totp"]["begin"];

/** Authenticator app: set up (scan or type the key, then prove it with a first code) or remove. */
export function TotpSection() {
  const i18n = useStepUpI18n();
  const { t } = i18n;
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
      setSaved(t("security.totp.removed"));
      await utils.stepUp.security.overview.invalidate();
    },
  });

  if (overview.isPending) return <p className="muted">{t("security.loading")}</p>;
  if (overview.error)
    return (
      <p role="alert" className="error">
        {t("security.totp.loadFailed")}
      </p>
    );
  if (setup) {
    return (
      <TotpSetupForm
        setup={setup}
        onDone={async () => {
          setSetup(null);
          setSaved(t("security.totp.enabled"));
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
            <span className="badge on">{t("security.totp.on")}</span>{" "}
            {totp.confirmedAt
              ? richText(i18n, "security.totp.since", { date: <DateTime value={totp.confirmedAt} /> })
              : t("security.totp.sinceSetup")}
          </>
        ) : (
          <>
            <span className="badge off">{t("security.totp.off")}</span> {t("security.totp.offHelp")}
          </>
        )}
      </p>
      <FormStatus error={begin.error ?? remove.error} success={saved} />
      {totp.enabled ? (
        <button type="button" className="button secondary" disabled={remove.isPending} onClick={() => remove.mutate()}>
          {remove.isPending ? t("security.passkeys.removing") : t("security.totp.remove")}
        </button>
      ) : (
        <button type="button" className="button" disabled={begin.isPending} onClick={() => begin.mutate()}>
          {begin.isPending ? t("security.totp.preparing") : t("security.totp.setUp")}
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
  const { t } = useStepUpI18n();
  const confirm = stepUpApi.stepUp.security.totp.confirm.useMutation({ onSuccess: onDone });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    confirm.mutate({ code: String(new FormData(event.currentTarget).get("code") ?? "").trim() });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label={t("security.totp.setUp")}>
      <ol className="steps-list">
        <li>
          {t("security.totp.scan")}
          {/* SVG markup generated on the server by the qrcode library from our own otpauth URI. */}
          <div
            className="qr"
            role="img"
            aria-label={t("security.totp.qr")}
            dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
          />
        </li>
        <li>
          {t("security.totp.cantScan")}
          <label className="field">
            <span>{t("security.totp.key")}</span>
            <input
              className="mono"
              readOnly
              dir="ltr"
              value={groupKey(setup.secret)}
              spellCheck={false}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
        </li>
        <li>
          <label className="field">
            <span>{t("security.totp.firstCode")}</span>
            <input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              dir="ltr"
              required
              autoFocus
            />
          </label>
        </li>
      </ol>
      <p className="muted small">{t("security.totp.nothingSaved")}</p>
      <FormStatus error={confirm.error} />
      <div className="row">
        <button type="submit" className="button" disabled={confirm.isPending}>
          {confirm.isPending ? t("security.totp.checking") : t("security.totp.turnOn")}
        </button>
        <button type="button" className="button secondary" onClick={onCancel} disabled={confirm.isPending}>
          {t("security.cancel")}
        </button>
      </div>
    </form>
  );
}

/** Groups of four are easier to type; authenticator apps ignore the spaces. */
function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
