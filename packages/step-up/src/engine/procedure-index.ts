import { procedureMatcher } from "./match";

/** The glob outcomes of one procedure, one per pattern slot. */
export type ProcedureMatches = readonly boolean[];

/**
 * Every distinct procedure pattern of a policy set, each in a slot, and the outcomes of all of them per
 * procedure path. A server calls a few dozen distinct procedures, so after the first call of each one a
 * rule's glob costs one array read instead of a regular expression per rule and call.
 */
export interface ProcedureIndex {
  matches(procedure: string): ProcedureMatches;
}

export interface ProcedureIndexBuilder {
  /** The slot of a pattern; the same pattern always gets the same slot. */
  slot(pattern: string): number;
  build(): ProcedureIndex;
}

// Paths come from the router, but the simulator takes any text: bounded so that cannot grow without end.
const PATH_LIMIT = 1000;

export function procedureIndexBuilder(): ProcedureIndexBuilder {
  const slots = new Map<string, number>();
  return {
    slot(pattern) {
      let slot = slots.get(pattern);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(pattern, slot);
      }
      return slot;
    },
    build: () => procedureIndex([...slots.keys()].map(procedureMatcher)),
  };
}

function procedureIndex(matchers: readonly ((procedure: string) => boolean)[]): ProcedureIndex {
  // A memo, not state: the outcome depends on the path alone, so evaluation stays pure.
  const byPath = new Map<string, ProcedureMatches>();
  return {
    matches(procedure) {
      let matches = byPath.get(procedure);
      if (!matches) {
        matches = matchers.map((matcher) => matcher(procedure));
        if (byPath.size >= PATH_LIMIT) byPath.clear();
        byPath.set(procedure, matches);
      }
      return matches;
    },
  };
}
