"use client";

import { StepUpRoot } from "../../parts/root";
import { DevicesPanel } from "./devices-panel";

/** `…/devices`: remembered devices and passkeys of the organization's users. */
export function DevicesPage() {
  return (
    <StepUpRoot>
      <h1>Devices and passkeys</h1>
      <p className="muted lead">
        Remembered devices skip step-up up to the level they were verified at. Revoking one makes its owner verify
        again; removing a passkey is recorded in the audit log.
      </p>
      <DevicesPanel />
    </StepUpRoot>
  );
}
