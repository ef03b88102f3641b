import type { Metadata } from "next";
import { PlanPanel } from "./plan-panel";

export const metadata: Metadata = { title: "Billing" };

export default function BillingPage() {
  return (
    <>
      <h1>Billing</h1>
      <PlanPanel />
    </>
  );
}
