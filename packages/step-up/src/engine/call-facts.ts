import { conditionVariables, type ConditionVariables } from "./condition";
import type { ProcedureIndex, ProcedureMatches } from "./procedure-index";
import type { CallContext } from "./types";

/**
 * What the compiled rules read of one call, each derived at most once per call and only if a rule asks:
 * the glob outcomes of its procedure, and the CEL variables every condition shares.
 */
export class CallFacts {
  private procedureMatches: ProcedureMatches | undefined;
  private variables: ConditionVariables | undefined;

  constructor(
    readonly context: CallContext,
    private readonly procedures: ProcedureIndex,
  ) {}

  matchesPattern(slot: number): boolean {
    this.procedureMatches ??= this.procedures.matches(this.context.procedure);
    return this.procedureMatches[slot] === true;
  }

  conditionVariables(): ConditionVariables {
    return (this.variables ??= conditionVariables(this.context));
  }
}
