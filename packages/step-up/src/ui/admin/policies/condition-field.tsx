"use client";

import { useId } from "react";
import { stepUpApi } from "../../api";
import { useDebouncedValue } from "../parts/use-debounced-value";

/** The expression of a condition rule, checked by the server's CEL parser as the admin types. */
export function ConditionField({
  expression,
  onChange,
}: {
  expression: string;
  onChange: (expression: string) => void;
}) {
  const id = useId();
  const debounced = useDebouncedValue(expression.trim(), 350);
  const check = stepUpApi.stepUp.admin.policies.checkCondition.useQuery(
    { expression: debounced },
    { enabled: debounced !== "", staleTime: Infinity },
  );
  const settled = debounced === expression.trim() && !check.isFetching;
  const invalid = settled && check.data?.ok === false;
  return (
    <div className="field span-2">
      <label htmlFor={id}>Expression</label>
      <textarea
        id={id}
        rows={2}
        value={expression}
        spellCheck={false}
        aria-invalid={invalid}
        aria-describedby={`${id}-check`}
        placeholder="risk > 0.8 && amount.value > 1000"
        onChange={(e) => onChange(e.target.value)}
      />
      <p
        id={`${id}-check`}
        className={`check ${invalid ? "error-text" : settled && check.data?.ok ? "" : "pending"}`}
        aria-live="polite"
      >
        {describeCheck(expression.trim(), settled, check.data, check.error)}
      </p>
    </div>
  );
}

function describeCheck(
  expression: string,
  settled: boolean,
  data: { ok: boolean; message?: string } | undefined,
  error: unknown,
): string {
  if (expression === "") return "Enter an expression.";
  if (!settled) return "Checking…";
  if (error) return "Could not check the expression right now.";
  if (!data) return "Checking…";
  return data.ok ? "Valid expression." : `Invalid: ${data.message ?? "the expression does not parse"}`;
}
