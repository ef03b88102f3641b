import "server-only";
import type { MethodId, StepUpLevel } from "../engine";
import type { Database } from "@/server/db";

export interface VerifyContext {
  db: Database;
  userId: string;
  requirementId: string;
  level: StepUpLevel;
  now: Date;
}

export type VerifyFailure = "invalid" | "replayed" | "malformed" | "not_enrolled";
export type VerifyResult = { ok: true } | { ok: false; failure: VerifyFailure };

/**
 * One verification method. Two steps: `issue` (a challenge or a code, for methods that need one)
 * then `verify`, which uses up whatever was issued whether it succeeds or fails.
 */
export interface Verifier {
  readonly method: MethodId;
  issue?(context: VerifyContext): Promise<unknown>;
  verify(context: VerifyContext, credential: string): Promise<VerifyResult>;
}

export const VERIFIED: VerifyResult = { ok: true };
export function failed(failure: VerifyFailure): VerifyResult {
  return { ok: false, failure };
}
