"use client";

import type { Level } from "../../../engine/levels";
import type { Rule } from "../../../engine/rules";
import { SelectField } from "../parts/select-field";
import { ConditionField } from "./condition-field";
import { RULE_LEVELS } from "./rule-defaults";
import { levelChoice } from "../parts/level-names";
import { useStepUpI18n } from "../../../i18n/context";

interface RuleFieldsProps<R extends Rule> {
  rule: R;
  onChange: (rule: R) => void;
}

function readNumber(value: string): number | undefined {
  return value.trim() === "" ? undefined : Number(value);
}

function TextField({
  label,
  value,
  onChange,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
    </label>
  );
}

function NumberField(props: {
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        inputMode="decimal"
        min={props.min}
        max={props.max}
        step={props.step ?? "any"}
        value={props.value ?? ""}
        onChange={(e) => props.onChange(readNumber(e.target.value))}
      />
    </label>
  );
}

/** Level and description: every rule kind has both. */
function CommonFields({ rule, onChange }: RuleFieldsProps<Rule>) {
  const { t } = useStepUpI18n();
  return (
    <>
      <SelectField
        label={t("admin.rules.level")}
        value={rule.level}
        onChange={(level) => onChange({ ...rule, level: level as Level })}
      >
        {RULE_LEVELS.map((level) => (
          <option key={level} value={level}>
            {levelChoice(t, level)}
          </option>
        ))}
      </SelectField>
      <label className="field span-2">
        <span>{t("admin.rules.reason")}</span>
        <input
          value={rule.description ?? ""}
          maxLength={200}
          onChange={(e) => onChange({ ...rule, description: e.target.value || undefined })}
        />
      </label>
    </>
  );
}

/** The kind-specific inputs of one rule. */
function KindFields({ rule, onChange }: RuleFieldsProps<Rule>) {
  const { t } = useStepUpI18n();
  switch (rule.kind) {
    case "procedure":
      return (
        <TextField
          label={t("admin.rules.pattern")}
          value={rule.pattern}
          placeholder="account.*"
          onChange={(pattern) => onChange({ ...rule, pattern })}
        />
      );
    case "amount":
      return (
        <>
          <NumberField
            label={t("admin.rules.min")}
            min={0}
            value={rule.min}
            onChange={(min) => onChange({ ...rule, min })}
          />
          <NumberField
            label={t("admin.rules.max")}
            min={0}
            value={rule.max}
            onChange={(max) => onChange({ ...rule, max })}
          />
          <TextField
            label={t("admin.rules.currency")}
            value={rule.currency ?? ""}
            placeholder="USD"
            onChange={(c) => onChange({ ...rule, currency: c.toUpperCase() || undefined })}
          />
        </>
      );
    case "resource":
      return (
        <>
          <TextField
            label={t("admin.rules.resource")}
            value={rule.resource}
            placeholder="user"
            onChange={(resource) => onChange({ ...rule, resource })}
          />
          <TextField
            label={t("admin.rules.action")}
            value={rule.action}
            placeholder="delete"
            onChange={(action) => onChange({ ...rule, action })}
          />
        </>
      );
    case "auth_age":
      return (
        <>
          <TextField
            label={t("admin.rules.pattern")}
            value={rule.pattern}
            placeholder="transfers.*"
            onChange={(pattern) => onChange({ ...rule, pattern })}
          />
          <NumberField
            label={t("admin.rules.maxAge")}
            min={1}
            max={1440}
            step={1}
            value={rule.maxAgeSeconds / 60}
            onChange={(minutes) => onChange({ ...rule, maxAgeSeconds: Math.round((minutes ?? 0) * 60) })}
          />
        </>
      );
    case "condition":
      return (
        <ConditionField expression={rule.expression} onChange={(expression) => onChange({ ...rule, expression })} />
      );
    case "risk":
      return (
        <NumberField
          label={t("admin.rules.minScore")}
          min={0}
          max={1}
          step={0.05}
          value={rule.minScore}
          onChange={(minScore) => onChange({ ...rule, minScore: minScore ?? 0 })}
        />
      );
    default:
      return null;
  }
}

interface RuleFieldsetProps {
  rule: Rule;
  legend: string;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
}

/** One rule as a fieldset: its kind's inputs, the level, the reason and a remove button. */
export function RuleFieldset({ rule, legend, onChange, onRemove }: RuleFieldsetProps) {
  const { t } = useStepUpI18n();
  return (
    <fieldset className="rule">
      <legend>{legend}</legend>
      <div className="rule-fields">
        <KindFields rule={rule} onChange={onChange} />
        <CommonFields rule={rule} onChange={onChange} />
      </div>
      <button type="button" className="button secondary small" onClick={onRemove}>
        {t("admin.rules.remove")}
        <span className="visually-hidden"> {legend}</span>
      </button>
    </fieldset>
  );
}
