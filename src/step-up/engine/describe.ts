import type { Rule } from "./rules";

const amountFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A one-line human description of a rule, for reasons, audit rows and the admin list. */
export function describeRule(rule: Rule): string {
  switch (rule.kind) {
    case "procedure":
      return `Procedures matching ${rule.pattern}`;
    case "amount": {
      const currency = rule.currency ? ` ${rule.currency}` : "";
      if (rule.min !== undefined && rule.max !== undefined) {
        return `Amounts from ${amountFormat.format(rule.min)} to under ${amountFormat.format(rule.max)}${currency}`;
      }
      if (rule.min !== undefined) return `Amounts of ${amountFormat.format(rule.min)}${currency} or more`;
      if (rule.max !== undefined) return `Amounts under ${amountFormat.format(rule.max)}${currency}`;
      return `Any amount${currency}`;
    }
    case "resource":
      return `${rule.action} on ${rule.resource}`;
    case "auth_age":
      return `${rule.pattern} needs a verification from the last ${Math.round(rule.maxAgeSeconds / 60)} min`;
    case "condition":
      return `Condition: ${rule.expression}`;
    case "risk":
      return `Risk score of ${rule.minScore} or more`;
    default:
      return assertNever(rule);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled rule kind: ${JSON.stringify(value)}`);
}
