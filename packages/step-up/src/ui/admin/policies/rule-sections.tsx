"use client";

import type { Rule } from "../../../engine/rules";
import { createRule, RULE_KINDS } from "./rule-defaults";
import { RuleFieldset } from "./rule-fields";
import { useStepUpI18n } from "../../../i18n/context";

interface RuleSectionsProps {
  rules: Rule[];
  onChange: (rules: Rule[]) => void;
}

/** One section per rule kind; rules keep their place in the policy's list (match reports cite the index). */
export function RuleSections({ rules, onChange }: RuleSectionsProps) {
  const { t, locale } = useStepUpI18n();
  const replace = (index: number, rule: Rule) => onChange(rules.map((r, i) => (i === index ? rule : r)));
  const remove = (index: number) => onChange(rules.filter((_, i) => i !== index));
  return (
    <div className="stack">
      {RULE_KINDS.map(({ kind }) => {
        const noun = t(`admin.rules.${kind}.noun`);
        const ofKind = rules.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule.kind === kind);
        const headingId = `rules-${kind}`;
        return (
          <section key={kind} className="rule-section" aria-labelledby={headingId}>
            <h3 id={headingId}>{t(`admin.rules.${kind}.title`)}</h3>
            <p className="muted small">{t(`admin.rules.${kind}.hint`)}</p>
            {ofKind.map(({ rule, index }, n) => (
              <RuleFieldset
                key={index}
                rule={rule}
                legend={t("admin.rules.legend", { noun, number: n + 1 })}
                onChange={(next) => replace(index, next)}
                onRemove={() => remove(index)}
              />
            ))}
            <button
              type="button"
              className="button secondary small"
              onClick={() => onChange([...rules, createRule(kind)])}
            >
              {t("admin.rules.add", { noun: noun.toLocaleLowerCase(locale) })}
            </button>
          </section>
        );
      })}
    </div>
  );
}
