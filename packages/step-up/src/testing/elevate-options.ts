import type { MethodId } from "../engine";

// What `elevate` takes and answers, in a module of its own so that elevate-store.ts (which elevate.ts
// loads lazily) needs nothing from elevate.ts.

export interface ElevateOptions {
  userId: string;
  /** The host's session id the grant is bound to (as your identity port reports it). */
  sessionId: string;
  level: "medium" | "high" | "critical";
  /** The combination recorded as verified; default the level's first configured one. It must complete the level. */
  methods?: MethodId[];
  /** Critical only: the one call the grant allows, as its procedure path and parsed input. */
  call?: { procedure: string; input: unknown };
  organizationId?: string | null;
}

export interface ElevateResult {
  grantId: string;
  level: "medium" | "high" | "critical";
  methods: MethodId[];
}

/** The procedure name `elevate` gives its requirement: its audit rows name it, so they are never taken for a user's. */
export const ELEVATE_PROCEDURE = "@step-up/next/testing:elevate";
