"use client";

import type { StepUpLocalization } from "../../i18n/localization";
import { useStepUpI18n } from "../../i18n/context";
import { StepUpRoot } from "../parts/root";
import { BackupCodesSection } from "./backup-codes-section";
import { PasskeysSection } from "./passkeys-section";
import { TotpSection } from "./totp-section";

/**
 * The signed-in user's security settings: passkeys, an authenticator app (QR code set-up) and
 * backup codes. Adding or removing a factor is itself behind step-up, so the host's step-up link
 * and provider must wrap the page. `localization` overrides the provider's for this page.
 */
export interface SecuritySettingsProps {
  localization?: StepUpLocalization;
}

export function SecuritySettings({ localization }: SecuritySettingsProps) {
  return (
    <StepUpRoot localization={localization}>
      <SecurityContent />
    </StepUpRoot>
  );
}

/**
 * The panel as a Next.js page, in the host's locale from its provider:
 * `export { SecuritySettingsPage as default } from "@step-up/next/ui"` (a page may take no other props).
 */
export function SecuritySettingsPage() {
  return <SecuritySettings />;
}

function SecurityContent() {
  const { t } = useStepUpI18n();
  return (
    <>
      <h1>{t("security.title")}</h1>
      <p className="muted lead">{t("security.lead")}</p>
      <div className="grid halves">
        <section className="card wide" aria-labelledby="passkeys-title">
          <h2 id="passkeys-title">{t("security.passkeys.title")}</h2>
          <PasskeysSection />
        </section>
        <section className="card" aria-labelledby="totp-title">
          <h2 id="totp-title">{t("security.totp.title")}</h2>
          <TotpSection />
        </section>
        <section className="card" aria-labelledby="backup-codes-title">
          <h2 id="backup-codes-title">{t("security.backup.title")}</h2>
          <BackupCodesSection />
        </section>
      </div>
    </>
  );
}
