"use client";

import { api } from "@/trpc/react";
import { formatDate, formatMinor } from "../../_components/money";

export function TransferList({ limit }: { limit?: number }) {
  const transfers = api.transfers.list.useQuery();
  if (transfers.isPending) return <p className="muted">Loading…</p>;
  if (transfers.error)
    return (
      <p role="alert" className="error">
        Could not load transfers.
      </p>
    );
  const rows = limit ? transfers.data.slice(0, limit) : transfers.data;
  if (rows.length === 0) return <p className="muted">No transfers yet.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">To</th>
          <th scope="col" className="num">
            Amount
          </th>
          <th scope="col">Date</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.id}>
            <td className="breakable">{t.to}</td>
            <td className="num">{formatMinor(t.amountMinor, t.currency)}</td>
            <td>{formatDate(t.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
