import type { Metadata } from "next";
import { requireSession } from "../../../session.server";
import { QuickTransferForm } from "./quick-transfer-form";

export const metadata: Metadata = { title: "Quick transfer" };

/** The transfer as a Server Action (ADR 020): the same step-up gate and dialog as the tRPC form. */
export default async function QuickTransferPage() {
  await requireSession();
  return (
    <>
      <h1>Quick transfer</h1>
      <section className="card" aria-labelledby="quick-transfer-title">
        <h2 id="quick-transfer-title">Send money in one step</h2>
        <QuickTransferForm />
      </section>
    </>
  );
}
