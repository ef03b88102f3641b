import type { Metadata } from "next";
import { requireAdmin } from "../require-admin.server";
import { DevicesPanel } from "./devices-panel";

export const metadata: Metadata = { title: "Devices · Admin" };

export default async function DevicesPage() {
  await requireAdmin();
  return (
    <>
      <h1>Devices and passkeys</h1>
      <p className="muted lead">
        Remembered devices skip step-up up to the level they were verified at. Revoking one makes its owner verify
        again; removing a passkey is recorded in the audit log.
      </p>
      <DevicesPanel />
    </>
  );
}
