"use client";

import { useMemo, useState, type FormEvent } from "react";
import { stepUpTransport, useStepUpAction } from "@step-up/next/client";
import { useStepUpI18n } from "@step-up/next/i18n";
import { api } from "@/trpc/react";
import { FormStatus } from "../../../_components/form-status";
import { formatMinor } from "../../../_components/money";
import { createTransferAction } from "../actions";

export function QuickTransferForm() {
  const client = api.useUtils().client;
  const { locale } = useStepUpI18n();
  // The dialog verifies through the same tRPC client (and link chain) as every other call.
  const transport = useMemo(() => stepUpTransport(client), [client]);
  const send = useStepUpAction(createTransferAction, transport);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [success, setSuccess] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setPending(true);
    setError(null);
    setSuccess(null);
    try {
      const result = await send({
        to: String(data.get("to")),
        amount: Number(data.get("amount")),
        currency: "USD",
      });
      if (result.ok) {
        setSuccess(`Sent ${formatMinor(result.data.amountMinor, result.data.currency, locale)} to ${result.data.to}.`);
        form.reset();
      } else setError(new Error(result.error.message));
    } catch (cancelled) {
      setError(cancelled);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label className="field">
        <span>Recipient</span>
        <input name="to" required maxLength={100} autoComplete="off" />
      </label>
      <label className="field">
        <span>Amount (USD)</span>
        <input name="amount" type="number" min="0.01" step="0.01" inputMode="decimal" required />
      </label>
      <FormStatus error={error} success={success} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Sending…" : "Send transfer"}
      </button>
    </form>
  );
}
