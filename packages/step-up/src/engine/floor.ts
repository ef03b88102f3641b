import type { Combination, MethodId, StepUpLevel } from "./levels";

/** What each method proves (NIST SP 800-63B-4 factor kinds). A passkey is verified with UV: two kinds. */
const FACTOR_KINDS: Record<MethodId, readonly ("know" | "have" | "are" | "mailbox")[]> = {
  password: ["know"],
  totp: ["have"],
  backup_code: ["have"],
  passkey: ["have", "are"],
  email_code: ["mailbox"],
};

/**
 * Why `level` can never accept `combination`, whatever the configuration says, or null when it can
 * (ADR 011). Applies to configured and degraded combinations alike, and again at verification time.
 */
export function floorViolation(level: StepUpLevel, combination: Combination): string | null {
  if (level === "medium") return null;
  // Whoever reads the mailbox would clear high and critical (OWASP ASVS 5.0 6.3.6).
  if (combination.includes("email_code")) return "email codes are never accepted above medium";
  const kinds = new Set(combination.flatMap((method) => FACTOR_KINDS[method]));
  if (level === "critical" && kinds.size < 2)
    return "critical needs two kinds of factor (a passkey, or a password with a second factor)";
  if (level === "high" && !kinds.has("have")) return "high is never a password alone: it needs something the user has";
  return null;
}

export function meetsFloor(level: StepUpLevel, combination: Combination): boolean {
  return floorViolation(level, combination) === null;
}

/** The combinations `level` may accept, in their configured order. */
export function withinFloor(level: StepUpLevel, combinations: readonly Combination[]): Combination[] {
  return combinations.filter((combination) => meetsFloor(level, combination));
}
