"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { Rule } from "../../../engine/rules";
import { stepUpApi, type StepUpOutputs } from "../../api";
import { FormStatus } from "../../parts/form-status";
import { MemberSelect } from "../parts/member-select";
import { SelectField } from "../parts/select-field";
import styles from "../parts/admin.module.css";
import { Simulator } from "../simulator/simulator";
import { RuleSections } from "./rule-sections";
import { RulesJson } from "./rules-json";
import { checkRules, type RulesCheck } from "./validate-rules";

type Policy = StepUpOutputs["admin"]["policies"]["get"];
type Mode = Policy["mode"];

interface PolicyEditorProps {
  policy?: Policy;
  /** Where the admin pages are mounted: saving and cancelling go back to `${basePath}/policies`. */
  basePath: string;
  /** The procedure the draft simulator starts on. */
  defaultProcedure?: string;
}

/** Create or edit a policy; saving is step-up protected (high), so the dialog may open and the save retries. */
export function PolicyEditor({ policy, basePath, defaultProcedure }: PolicyEditorProps) {
  const router = useRouter();
  const utils = stepUpApi.useUtils();
  const readOnly = policy ? !policy.editable : false;
  const [name, setName] = useState(policy?.name ?? "");
  const [description, setDescription] = useState(policy?.description ?? "");
  const [userId, setUserId] = useState(policy?.userId ?? "");
  const [priority, setPriority] = useState(policy?.priority ?? 100);
  const [enabled, setEnabled] = useState(policy?.enabled ?? true);
  const [mode, setMode] = useState<Mode>(policy?.mode ?? "enforce");
  const [rules, setRules] = useState<Rule[]>(policy?.rules ?? []);
  const [view, setView] = useState<"form" | "json">("form");
  const [jsonCheck, setJsonCheck] = useState<RulesCheck | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [useDraft, setUseDraft] = useState(true);

  const onSaved = async () => {
    await utils.stepUp.admin.policies.invalidate();
    router.push(`${basePath}/policies`);
  };
  const create = stepUpApi.stepUp.admin.policies.create.useMutation({ onSuccess: onSaved });
  const update = stepUpApi.stepUp.admin.policies.update.useMutation({ onSuccess: onSaved });
  const save = policy ? update : create;

  const current = view === "json" && jsonCheck ? jsonCheck : checkRules(rules);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!current.ok) return setProblems(current.problems);
    setProblems([]);
    const fields = { name, description, userId: userId || null, priority, enabled, mode, rules: current.rules };
    if (policy) update.mutate({ id: policy.id, ...fields });
    else create.mutate(fields);
  }

  function switchView(next: "form" | "json") {
    if (next === "form" && jsonCheck?.ok) setRules(jsonCheck.rules);
    if (next === "form" && jsonCheck && !jsonCheck.ok) return setProblems(jsonCheck.problems);
    setJsonCheck(null);
    setProblems([]);
    setView(next);
  }

  return (
    <div className="editor-layout">
      <form className="card stack" onSubmit={submit} aria-labelledby="policy-form-title">
        <h2 id="policy-form-title">{readOnly ? "Global policy (read-only)" : "Details and rules"}</h2>
        {readOnly && (
          <p className="notice">
            Global policies apply to every organization. Organization admins can read them but not change them.
          </p>
        )}
        <fieldset className="plain stack" disabled={readOnly}>
          <div className={`form-grid ${styles.formGrid}`}>
            <label className="field span-2">
              <span>Name</span>
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
            </label>
            <label className="field span-2">
              <span>Description</span>
              <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />
            </label>
            <MemberSelect
              label="Applies to"
              value={userId}
              onChange={setUserId}
              emptyLabel="Everyone in the organization"
            />
            <label className="field">
              <span>Priority</span>
              <input
                type="number"
                step={1}
                value={priority}
                onChange={(e) => setPriority(Number(e.target.value))}
                required
              />
            </label>
            <SelectField label="Mode" value={mode} onChange={(v) => setMode(v as Mode)}>
              <option value="enforce">Enforce</option>
              <option value="report_only">Report only (audit, never refuse)</option>
            </SelectField>
            <label className="check-field">
              <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
              Enabled
            </label>
          </div>

          <div className="view-switch" role="group" aria-label="Edit rules as">
            <button
              type="button"
              className="button secondary small"
              aria-pressed={view === "form"}
              onClick={() => switchView("form")}
            >
              Form
            </button>
            <button
              type="button"
              className="button secondary small"
              aria-pressed={view === "json"}
              onClick={() => switchView("json")}
            >
              JSON
            </button>
          </div>
          {view === "form" ? (
            <RuleSections rules={rules} onChange={setRules} />
          ) : (
            <RulesJson rules={rules} onCheck={setJsonCheck} />
          )}
        </fieldset>

        {problems.length > 0 && (
          <div role="alert" className="error">
            <p>Fix these before saving:</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <FormStatus error={save.error} />
        <div className="row">
          {!readOnly && (
            <button type="submit" className="button" disabled={save.isPending}>
              {save.isPending ? "Saving…" : policy ? "Save policy" : "Create policy"}
            </button>
          )}
          <Link className="button secondary" href={`${basePath}/policies`}>
            {readOnly ? "Back to policies" : "Cancel"}
          </Link>
        </div>
      </form>

      <section className="card stack" aria-labelledby="draft-sim-title">
        <h2 id="draft-sim-title">Try it in the simulator</h2>
        {!readOnly && (
          <label className="check-field">
            <input type="checkbox" checked={useDraft} onChange={(e) => setUseDraft(e.target.checked)} />
            Include this policy as a draft (as if saved)
          </label>
        )}
        {!readOnly && useDraft && !current.ok && (
          <p className="notice small">The draft is left out until its rules are valid.</p>
        )}
        <Simulator
          draft={
            !readOnly && useDraft && current.ok
              ? { id: policy?.id, userId: userId || null, rules: current.rules, mode, priority }
              : undefined
          }
          compact
          defaultProcedure={defaultProcedure}
          appliesTo={userId}
        />
      </section>
    </div>
  );
}
