import type { Combination, MethodId, StepUpLevel } from "./levels";

/** What each method proves (NIST SP 800-63B-4 factor kinds), a bit per kind. A passkey is verified with UV: two. */
const KNOW = 1;
const HAVE = 2;
const ARE = 4;
const MAILBOX = 8;
const FACTOR_KINDS: Record<MethodId, number> = {
  password: KNOW,
  totp: HAVE,
  backup_code: HAVE,
  passkey: HAVE | ARE,
  email_code: MAILBOX,
};

/**
 * Why `level` can never accept `combination`, whatever the configuration says, or null when it can
 * (ADR 011). Applies to configured and degraded combinations alike, and again at verification time.
 */
export function floorViolation(level: StepUpLevel, combination: Combination): string | null {
  if (level === "medium") return null;
  // Whoever reads the mailbox would clear high and critical (OWASP ASVS 5.0 6.3.6).
  if (combination.includes("email_code")) return "email codes are never accepted above medium";
  // Bits, not a Set of kinds: this runs for every combination of every step-up decision.
  let kinds = 0;
  for (const method of combination) kinds |= FACTOR_KINDS[method];
  if (level === "critical" && kindCount(kinds) < 2)
    return "critical needs two kinds of factor (a passkey, or a password with a second factor)";
  if (level === "high" && (kinds & HAVE) === 0)
    return "high is never a password alone: it needs something the user has";
  return null;
}

function kindCount(kinds: number): number {
  let count = 0;
  for (let rest = kinds; rest !== 0; rest &= rest - 1) count++;
  return count;
}

export function meetsFloor(level: StepUpLevel, combination: Combination): boolean {
  return floorViolation(level, combination) === null;
}

/** The combinations `level` may accept, in their configured order. */
export function withinFloor(level: StepUpLevel, combinations: readonly Combination[]): Combination[] {
  return combinations.filter((combination) => meetsFloor(level, combination));
}
