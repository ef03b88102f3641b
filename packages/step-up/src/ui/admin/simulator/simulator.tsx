"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import type { Rule } from "../../../engine/rules";
import { stepUpApi, type StepUpInputs } from "../../api";
import { MemberSelect } from "../parts/member-select";
import { SelectField } from "../parts/select-field";
import { useDebouncedValue } from "../parts/use-debounced-value";
import { SimulationResult } from "./simulation-result";

type SimulateInput = StepUpInputs["admin"]["simulate"];
/** A policy being edited; with an id it stands in for the stored version of that policy. */
export type SimulatorDraft = {
  id?: string;
  userId?: string | null;
  rules: Rule[];
  mode: "enforce" | "report_only";
  priority: number;
};

const CURRENCIES = ["USD", "EUR", "GBP"] as const;

interface ContextFields {
  userId: string;
  procedure: string;
  amount: string;
  currency: string;
  resourceType: string;
  resourceId: string;
  action: string;
  risk: number;
  minutes: string;
  verifiedLevel: "medium" | "high";
}

const INITIAL: ContextFields = {
  userId: "",
  procedure: "",
  amount: "",
  currency: "USD",
  resourceType: "",
  resourceId: "",
  action: "",
  risk: 0,
  minutes: "",
  verifiedLevel: "high",
};

/** Empty fields mean "not part of this call", as they would be for a procedure that declares no amount. */
function toInput(fields: ContextFields, draft: SimulatorDraft | undefined): SimulateInput {
  const amount = fields.amount.trim() === "" ? undefined : { value: Number(fields.amount), currency: fields.currency };
  const resource = fields.resourceType.trim()
    ? { type: fields.resourceType.trim(), id: fields.resourceId.trim() || undefined }
    : undefined;
  return {
    userId: fields.userId || undefined,
    procedure: fields.procedure,
    amount,
    resource,
    action: fields.action.trim() || undefined,
    risk: fields.risk,
    minutesSinceVerification: fields.minutes.trim() === "" ? null : Number(fields.minutes),
    verifiedLevel: fields.verifiedLevel,
    draft,
  };
}

interface SimulatorProps {
  draft?: SimulatorDraft;
  compact?: boolean;
  /** The procedure the form starts on; without one, the first of the catalog. */
  defaultProcedure?: string;
  /** The member the edited policy applies to ("" for everyone): the user tried until the admin picks one. */
  appliesTo?: string;
}

/** A call context form whose answer, from the engine the middleware uses, updates as the admin types. */
export function Simulator({ draft, compact = false, defaultProcedure, appliesTo }: SimulatorProps) {
  const id = useId();
  const [fields, setFields] = useState(() => ({ ...INITIAL, procedure: defaultProcedure ?? "" }));
  const set = <K extends keyof ContextFields>(key: K, value: ContextFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  const procedures = stepUpApi.stepUp.admin.procedures.useQuery();
  const paths = procedures.data?.map((p) => p.path) ?? (fields.procedure ? [fields.procedure] : []);
  const procedure = fields.procedure || paths[0] || "";
  // A per-member policy is tried on its member, and follows the editor's choice until the admin picks
  // someone else here: "Me" would often be a user the policy does not apply to.
  const [userChosen, setUserChosen] = useState(false);
  const userId = userChosen ? fields.userId : appliesTo || fields.userId;
  // Debounced by value: the draft is a new object on every render of the editor.
  const latest = JSON.stringify(toInput({ ...fields, userId, procedure }, draft));
  const settled = useDebouncedValue(latest, 300);
  const input = useMemo(() => JSON.parse(settled) as SimulateInput, [settled]);
  const simulation = stepUpApi.stepUp.admin.simulate.useQuery(input, {
    enabled: input.procedure !== "",
    placeholderData: keepPreviousData,
  });

  const result = (
    <SimulationResult
      simulation={simulation.data}
      error={simulation.error}
      updating={simulation.isFetching || latest !== settled}
    />
  );
  return (
    <div className={compact ? "simulator compact" : "simulator"}>
      {/* Beside a long policy form the answer comes first, so it stays in view while the form scrolls. */}
      {compact && result}
      <form className="form-grid" aria-label="Call context" onSubmit={(e) => e.preventDefault()}>
        <MemberSelect
          label="User"
          value={userId}
          onChange={(v) => {
            setUserChosen(true);
            set("userId", v);
          }}
          emptyLabel="Me"
        />
        <SelectField label="Procedure" value={procedure} onChange={(v) => set("procedure", v)}>
          {paths.map((path) => (
            <option key={path}>{path}</option>
          ))}
        </SelectField>
        <label className="field">
          <span>Amount</span>
          <input
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={fields.amount}
            onChange={(e) => set("amount", e.target.value)}
            placeholder="None"
          />
        </label>
        <SelectField label="Currency" value={fields.currency} onChange={(v) => set("currency", v)}>
          {CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </SelectField>
        <label className="field">
          <span>Resource type</span>
          <input
            value={fields.resourceType}
            onChange={(e) => set("resourceType", e.target.value)}
            placeholder="None"
            autoComplete="off"
          />
        </label>
        <label className="field">
          <span>Resource id</span>
          <input
            value={fields.resourceId}
            onChange={(e) => set("resourceId", e.target.value)}
            placeholder="Optional"
            autoComplete="off"
          />
        </label>
        <label className="field">
          <span>Action</span>
          <input
            value={fields.action}
            onChange={(e) => set("action", e.target.value)}
            placeholder="None"
            autoComplete="off"
          />
        </label>
        <label className="field">
          <span>Minutes since last verification</span>
          <input
            type="number"
            min={0}
            step={1}
            value={fields.minutes}
            onChange={(e) => set("minutes", e.target.value)}
            placeholder="Never verified"
          />
        </label>
        <SelectField
          label="Level of that verification"
          value={fields.verifiedLevel}
          onChange={(v) => set("verifiedLevel", v as ContextFields["verifiedLevel"])}
        >
          <option value="high">high</option>
          <option value="medium">medium</option>
        </SelectField>
        <div className="field span-2">
          <label htmlFor={`${id}-risk`}>Risk score</label>
          <div className="range">
            <input
              id={`${id}-risk`}
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={fields.risk}
              onChange={(e) => set("risk", Number(e.target.value))}
            />
            <output htmlFor={`${id}-risk`}>{fields.risk.toFixed(2)}</output>
          </div>
        </div>
      </form>
      {!compact && result}
    </div>
  );
}
