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
      return `${rule.pattern} needs a verification from the last ${formatAge(rule.maxAgeSeconds)}`;
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

/** "90 s", "5 min", "2 h 30 min": short enough for a table cell, never "0 min". */
function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds % 60 !== 0 && seconds < 600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
