"use client";

import { StepUpRoot } from "../parts/root";
import { BackupCodesSection } from "./backup-codes-section";
import { PasskeysSection } from "./passkeys-section";
import { TotpSection } from "./totp-section";

/**
 * The signed-in user's security settings: passkeys, an authenticator app (QR code set-up) and
 * backup codes. Adding or removing a factor is itself behind step-up, so the host's step-up link
 * and provider must wrap the page.
 */
export function SecuritySettings() {
  return (
    <StepUpRoot>
      <h1>Security</h1>
      <p className="muted lead">
        The ways you confirm it’s you before sensitive actions. Adding or removing one asks you to verify first, and
        signs out remembered devices.
      </p>
      <div className="grid halves">
        <section className="card wide" aria-labelledby="passkeys-title">
          <h2 id="passkeys-title">Passkeys</h2>
          <PasskeysSection />
        </section>
        <section className="card" aria-labelledby="totp-title">
          <h2 id="totp-title">Authenticator app</h2>
          <TotpSection />
        </section>
        <section className="card" aria-labelledby="backup-codes-title">
          <h2 id="backup-codes-title">Backup codes</h2>
          <BackupCodesSection />
        </section>
      </div>
    </StepUpRoot>
  );
}
