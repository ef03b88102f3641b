"use client";

import { useId, useState } from "react";
import type { Rule } from "../../../engine/rules";
import { checkRulesJson, type RulesCheck } from "./validate-rules";

/** The rules as editable JSON, validated on every keystroke by the engine's zod schema. */
export function RulesJson({ rules, onCheck }: { rules: Rule[]; onCheck: (check: RulesCheck) => void }) {
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(rules, null, 2));
  const check = checkRulesJson(text);
  return (
    <div className="field">
      <label htmlFor={id}>Rules as JSON</label>
      <textarea
        id={id}
        className="code"
        rows={Math.min(24, Math.max(8, text.split("\n").length + 1))}
        value={text}
        spellCheck={false}
        aria-invalid={!check.ok}
        aria-describedby={`${id}-check`}
        onChange={(e) => {
          setText(e.target.value);
          onCheck(checkRulesJson(e.target.value));
        }}
      />
      <div id={`${id}-check`} aria-live="polite">
        {check.ok ? (
          <p className="check">
            Valid: {check.rules.length} rule{check.rules.length === 1 ? "" : "s"}.
          </p>
        ) : (
          <ul className="check error-text">
            {check.problems.slice(0, 5).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
