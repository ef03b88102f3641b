import { Environment } from "@marcbachmann/cel-js";
import type { CallContext } from "./types";

/**
 * Context conditions are CEL expressions (ADR 005), never `eval`. Variables:
 * procedure, risk, amount {value, currency}, hasAmount, resource {type, action}, hasResource,
 * organizationId, minimumLevel. Absent amount/resource are zero values so `amount.value > 1000`
 * is simply false on calls without an amount.
 */
const environment = new Environment({
  limits: { maxAstNodes: 500, maxDepth: 32, maxListElements: 100, maxMapEntries: 100, maxCallArguments: 8 },
})
  .registerVariable("procedure", "string")
  .registerVariable("risk", "double")
  .registerVariable("amount", "map")
  .registerVariable("hasAmount", "bool")
  .registerVariable("resource", "map")
  .registerVariable("hasResource", "bool")
  .registerVariable("organizationId", "string")
  .registerVariable("minimumLevel", "string");

type Compiled = (vars: Record<string, unknown>) => unknown;
const cache = new Map<string, ConditionProgram>();
const CACHE_LIMIT = 1000;

export type ConditionCheck = { ok: true } | { ok: false; message: string };

/** Parses and type-checks an expression; used by the admin form and the rule schema. */
export function checkCondition(expression: string): ConditionCheck {
  try {
    const result = environment.check(expression);
    if (!result.valid) return { ok: false, message: result.error?.message ?? "Invalid expression" };
    if (result.type !== "bool" && result.type !== "dyn") {
      return { ok: false, message: `Expression must be a boolean, not ${result.type}` };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? firstLine(error.message) : "Invalid expression" };
  }
}

/** A parsed condition: throws on a runtime error or a non-boolean result (callers fail closed). */
export type ConditionProgram = (variables: ConditionVariables) => boolean;

/** The CEL variables of one call; built once per call and shared by every condition it evaluates. */
export type ConditionVariables = Readonly<Record<string, unknown>>;

/** Evaluates a condition; throws on a malformed expression or a runtime error (callers fail closed). */
export function evaluateCondition(expression: string, context: CallContext): boolean {
  return parseCondition(expression)(conditionVariables(context));
}

/** Parses once (cached by expression text); throws a ParseError on a malformed expression. */
export function parseCondition(expression: string): ConditionProgram {
  let program = cache.get(expression);
  if (!program) {
    program = toProgram(environment.parse(expression) as unknown as Compiled);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(expression, program);
  }
  return program;
}

function toProgram(compiled: Compiled): ConditionProgram {
  return (variables) => {
    const result = compiled(variables);
    // `dyn` expressions such as `amount.value` pass checkCondition; a non-boolean result is an error, not "false".
    if (typeof result !== "boolean") throw new TypeError(`Condition must evaluate to a boolean, not ${typeof result}`);
    return result;
  };
}

export function conditionVariables(context: CallContext): ConditionVariables {
  return {
    procedure: context.procedure,
    risk: context.risk,
    amount: context.amount ?? { value: 0, currency: "" },
    hasAmount: context.amount !== undefined,
    resource: context.resource ?? { type: "", action: "" },
    hasResource: context.resource !== undefined,
    organizationId: context.organizationId ?? "",
    minimumLevel: context.minimumLevel,
  };
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
