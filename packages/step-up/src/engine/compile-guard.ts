import { parse } from "@marcbachmann/cel-js";
import { checkCondition } from "./condition";

/** The least risk score a condition can match at: it holds only if `risk > value` (or `>=` when inclusive). */
export interface RiskGuard {
  readonly value: number;
  readonly inclusive: boolean;
}

interface Node {
  readonly op: string;
  readonly args: unknown;
}

/**
 * A top-level conjunct `risk > n` or `risk >= n` of a condition, when it has one: the index runs the
 * condition only when the call's score passes it (ADR 038). Exact because CEL's `&&` is false as soon as
 * one side is false, whatever the other side does (an error included), and `risk` is always a double;
 * only expressions that type-check qualify, since an operand typed as a non-boolean fails even then.
 */
export function riskGuardOf(expression: string): RiskGuard | null {
  if (!checkCondition(expression).ok) return null;
  let guard: RiskGuard | null = null;
  for (const conjunct of conjuncts(parse(expression).ast as unknown as Node)) {
    const found = riskBound(conjunct);
    if (found && (!guard || found.value > guard.value || (found.value === guard.value && !found.inclusive)))
      guard = found;
  }
  return guard;
}

function conjuncts(node: Node): Node[] {
  if (node.op !== "&&" || !Array.isArray(node.args)) return [node];
  return (node.args as Node[]).flatMap(conjuncts);
}

function riskBound(node: Node): RiskGuard | null {
  if ((node.op !== ">" && node.op !== ">=") || !Array.isArray(node.args)) return null;
  const [left, right] = node.args as [Node, Node];
  if (left.op !== "id" || left.args !== "risk" || right.op !== "value") return null;
  const value = literalNumber(right.args);
  return value === null ? null : { value, inclusive: node.op === ">=" };
}

/** A double, or an int small enough to compare exactly as a double; anything else gives no guard. */
function literalNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint" && value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER))
    return Number(value);
  return null;
}
