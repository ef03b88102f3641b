"use client";

import { useState, type FormEvent } from "react";
import { StepUpHint } from "@step-up/next/client";
import { api } from "@/trpc/react";
import { FormStatus } from "../../_components/form-status";
import { formatMinor } from "../../_components/money";
import { useDebouncedValue } from "../../_components/use-debounced-value";

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
  const [draft, setDraft] = useState<{ to: string; amount: number; currency: Currency } | null>(null);
  const settled = useDebouncedValue(draft, 300);
  // Said before sending: what the dialog will ask for this amount (stepUp.evaluate, which creates nothing).
  const evaluation = api.stepUp.evaluate.useQuery(
    { procedure: "transfers.create", input: settled ?? undefined },
    { enabled: settled !== null, staleTime: 30_000, retry: false },
  );

  function readDraft(form: HTMLFormElement) {
    const data = new FormData(form);
    const amount = Number(data.get("amount"));
    const to = String(data.get("to") ?? "").trim();
    const currency = String(data.get("currency")) as Currency;
    setDraft(to && amount > 0 && Number.isFinite(amount) ? { to, amount, currency } : null);
  }

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
      {
        onSuccess: () => {
          form.reset();
          setDraft(null);
        },
      },
    );
  }

  return (
    <form className="stack" onSubmit={submit} onChange={(event) => readDraft(event.currentTarget)}>
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
          <select name="currency" defaultValue="USD" aria-describedby="currency-note">
            {CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small" id="currency-note">
        Your balance is in USD. EUR and GBP transfers are paid from it at a fixed demo rate of 1:1.
      </p>
      <div aria-live="polite" className="muted small">
        {settled && <StepUpHint evaluation={evaluation.data} />}
      </div>
      <FormStatus error={create.error} success={success} />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? "Sending…" : "Send transfer"}
      </button>
    </form>
  );
}
