import type { Metadata } from "next";
import { requireSession } from "../../../session.server";
import { Devices, PendingRequirements, VerificationHistory } from "./activity";

export const metadata: Metadata = { title: "Security activity" };

export default async function ActivityPage() {
  await requireSession();
  return (
    <>
      <h1>Security activity</h1>
      <div className="grid">
        <section className="card" aria-labelledby="devices-title">
          <h2 id="devices-title">Remembered devices</h2>
          <Devices />
        </section>
        <section className="card" aria-labelledby="pending-title">
          <h2 id="pending-title">Pending verifications</h2>
          <PendingRequirements />
        </section>
        <section className="card wide" aria-labelledby="history-title">
          <h2 id="history-title">Verification history</h2>
          <VerificationHistory />
        </section>
      </div>
    </>
  );
}
