"use client";

import { useState, type FormEvent } from "react";
import { api } from "@/trpc/react";
import { FormStatus } from "../../_components/form-status";
import { formatMinor } from "../../_components/money";

const CURRENCIES = ["USD", "EUR", "GBP"] as const;
type Currency = (typeof CURRENCIES)[number];

export function TransferForm() {
  const utils = api.useUtils();
  const [success, setSuccess] = useState<string | null>(null);
  const create = api.transfers.create.useMutation({
    onSuccess: (transfer) => {
      setSuccess(`Sent ${formatMinor(transfer.amountMinor, transfer.currency)} to ${transfer.to}.`);
      // Not awaited: the form is free again at once; the lists refresh in the background.
      void utils.transfers.list.invalidate();
      void utils.profile.get.invalidate();
    },
    onMutate: () => setSuccess(null),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate(
      {
        to: String(data.get("to")),
        amount: Number(data.get("amount")),
        currency: String(data.get("currency")) as Currency,
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label className="field">
        <span>Recipient</span>
        <input name="to" required maxLength={100} autoComplete="off" />
      </label>
      <div className="row">
        <label className="field grow">
          <span>Amount</span>
          <input name="amount" type="number" min="0.01" step="0.01" inputMode="decimal" required />
        </label>
        <label className="field">
          <span>Currency</span>
          <select name="currency" defaultValue="USD">
            {CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      </div>
      <FormStatus error={create.error} success={success} />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? "Sending…" : "Send transfer"}
      </button>
    </form>
  );
}
