import type { Metadata } from "next";
import { requireSession } from "../../session.server";
import { TransferForm } from "./transfer-form";
import { TransferList } from "./transfer-list";

export const metadata: Metadata = { title: "Transfers" };

export default async function TransfersPage() {
  await requireSession();
  return (
    <>
      <h1>Transfers</h1>
      <div className="grid">
        <section className="card" aria-labelledby="new-transfer-title">
          <h2 id="new-transfer-title">New transfer</h2>
          <p className="muted small">
            Under 1,000 needs medium assurance, up to 10,000 high, and 10,000 or more a passkey for that one transfer.
          </p>
          <TransferForm />
        </section>
        <section className="card" aria-labelledby="history-title">
          <h2 id="history-title">History</h2>
          <TransferList />
        </section>
      </div>
    </>
  );
}
