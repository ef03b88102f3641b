"use client";

import { useState } from "react";

import { api } from "~/trpc/react";

const PLANS = ["free", "pro", "team"] as const;

export function PlanForm() {
  const utils = api.useUtils();
  const current = api.plan.current.useQuery();
  const [plan, setPlan] = useState<(typeof PLANS)[number]>("pro");
  const change = api.plan.change.useMutation({ onSuccess: () => utils.plan.current.invalidate() });

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate({ plan });
      }}
    >
      <p>
        Current plan: <strong data-testid="current-plan">{current.data?.plan ?? "…"}</strong>
      </p>
      <label className="flex flex-col gap-1">
        New plan
        <select
          className="rounded border px-2 py-1"
          value={plan}
          onChange={(event) => setPlan(event.target.value as (typeof PLANS)[number])}
        >
          {PLANS.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded bg-purple-700 px-4 py-2 text-white" disabled={change.isPending}>
        Change plan
      </button>
      {change.isSuccess && <p role="status">Plan changed to {change.data.plan}.</p>}
      {change.error && <p role="alert">{change.error.message}</p>}
    </form>
  );
}
