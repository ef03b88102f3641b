import { policyRulesSchema, type Rule } from "../../../engine/rules";

export type RulesCheck = { ok: true; rules: Rule[] } | { ok: false; problems: string[] };

/**
 * The engine's own schema, the one the server saves with (CEL conditions type-checked too),
 * with paths turned into words an admin can act on ("Rule 2, max: …").
 */
export function checkRules(value: unknown): RulesCheck {
  const result = policyRulesSchema.safeParse(value);
  if (result.success) return { ok: true, rules: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const [index, ...field] = issue.path;
      const where =
        typeof index === "number" ? `Rule ${index + 1}${field.length ? `, ${field.join(".")}` : ""}` : "Rules";
      return `${where}: ${issue.message}`;
    }),
  };
}

/** Parses the JSON view's text, then validates it like the form. */
export function checkRulesJson(text: string): RulesCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`Not valid JSON: ${error instanceof Error ? error.message : "parse error"}`] };
  }
  return checkRules(value);
}
