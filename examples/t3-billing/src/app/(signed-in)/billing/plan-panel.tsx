"use client";

import { useState, type FormEvent } from "react";
import { PLANS, planName, type PlanId } from "~/lib/plans";
import { api } from "~/trpc/react";

/** The current plan, and a form to move to another one. */
export function PlanPanel() {
  const utils = api.useUtils();
  const current = api.billing.current.useQuery();
  const [notice, setNotice] = useState<string | null>(null);
  const changePlan = api.billing.changePlan.useMutation({
    onSuccess: async ({ plan }) => {
      setNotice(`You are now on the ${planName(plan)} plan.`);
      await utils.billing.current.invalidate();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const plan = new FormData(event.currentTarget).get("plan") as PlanId;
    changePlan.mutate({ plan });
  }

  if (!current.data) return <p className="muted">{current.error ? current.error.message : "Loading…"}</p>;

  return (
    <section className="panel" aria-labelledby="plan-title">
      <h2 id="plan-title">Your plan</h2>
      <p className="current-plan">
        Current plan: <strong data-testid="current-plan">{planName(current.data.plan)}</strong>
      </p>
      <form className="form" onSubmit={submit}>
        <fieldset className="plans">
          <legend>Change plan</legend>
          {PLANS.map((plan) => (
            <label key={plan.id} className="plan-option">
              <input type="radio" name="plan" value={plan.id} defaultChecked={plan.id === current.data.plan} />
              <span className="plan-name">{plan.name}</span>
              <span className="muted">
                {plan.monthlyPrice} a month · {plan.seats}
              </span>
            </label>
          ))}
        </fieldset>
        {changePlan.error && (
          <p role="alert" className="error">
            {changePlan.error.message}
          </p>
        )}
        {/* Always in the page, so screen readers announce the text when it appears. */}
        <p role="status" className="notice">
          {notice}
        </p>
        <button type="submit" className="primary" disabled={changePlan.isPending}>
          {changePlan.isPending ? "Changing…" : "Change plan"}
        </button>
      </form>
    </section>
  );
}
