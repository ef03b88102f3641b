import { conditionVariables, type ConditionVariables } from "./condition";
import type { CallContext } from "./types";

/** What the compiled rules read of one call: the CEL variables every condition shares, built on first ask. */
export class CallFacts {
  private variables: ConditionVariables | undefined;

  constructor(readonly context: CallContext) {}

  conditionVariables(): ConditionVariables {
    return (this.variables ??= conditionVariables(this.context));
  }
}
