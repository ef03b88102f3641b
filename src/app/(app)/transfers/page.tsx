import type { Metadata } from "next";
import { amountTiers } from "@step-up/next/engine";
import { getDemoApp } from "@/server/app";
import { requireSession } from "../../session.server";
import { transferLevelSummary } from "./level-summary";
import { TransferForm } from "./transfer-form";
import { TransferList } from "./transfer-list";

export const metadata: Metadata = { title: "Transfers" };

export default async function TransfersPage() {
  const session = await requireSession();
  // From the policies in force for this user and the configured combinations, not from copy.
  const { policies, config } = getDemoApp().stepUp.services;
  const scope = { currency: "USD", organizationId: session.activeOrganizationId, userId: session.userId };
  const summary = transferLevelSummary(amountTiers((await policies.load()).snapshots, scope), "USD", config);
  return (
    <>
      <h1>Transfers</h1>
      <div className="grid">
        <section className="card" aria-labelledby="new-transfer-title">
          <h2 id="new-transfer-title">New transfer</h2>
          <p className="muted small">{summary}</p>
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
