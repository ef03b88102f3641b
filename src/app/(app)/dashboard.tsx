"use client";

import Link from "next/link";
import { api } from "@/trpc/react";
import { formatMinor } from "../_components/money";
import { TransferList } from "./transfers/transfer-list";

export function Dashboard() {
  const profile = api.profile.get.useQuery();
  return (
    <div className="grid">
      <section className="card" aria-labelledby="balance-title">
        <h2 id="balance-title">Balance</h2>
        <p className="balance" data-testid="balance">
          {profile.data ? formatMinor(profile.data.balanceMinor, profile.data.currency) : "…"}
        </p>
        <p className="muted small">EUR and GBP transfers are paid from this USD balance at a fixed demo rate of 1:1.</p>
        <Link className="button" href="/transfers">
          New transfer
        </Link>
      </section>
      <section className="card" aria-labelledby="recent-title">
        <h2 id="recent-title">Recent transfers</h2>
        <TransferList limit={5} />
      </section>
    </div>
  );
}
