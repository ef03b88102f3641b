import "server-only";
import { createGuardrails, verify } from "otplib";

/** One 30-second step either side absorbs clock drift between phone and server. */
export const TOTP_EPOCH_TOLERANCE_SECONDS = 30;

/**
 * RFC 4226 allows 80-bit secrets (the seeded demo secret is one); otplib v13 defaults to 128.
 * Secrets we generate at enrolment are 160 bits; this only keeps existing authenticators working.
 */
export const TOTP_GUARDRAILS = createGuardrails({ MIN_SECRET_BYTES: 10 });

export type TotpCodeCheck = { ok: true; timeStep: number } | { ok: false; failure: "malformed" | "invalid" };

/**
 * The one TOTP code check, for a step-up and for the code that confirms an enrolment: six digits (spaces
 * ignored), valid for `secret` at `now` within one step of drift. The accepted time step is returned for the
 * caller to claim: a step is accepted once per user.
 */
export async function checkTotpCode(secret: string, code: string, now: Date): Promise<TotpCodeCheck> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return { ok: false, failure: "malformed" };
  let result: Awaited<ReturnType<typeof verify>>;
  try {
    result = await verify({
      secret,
      token,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOTP_EPOCH_TOLERANCE_SECONDS,
      guardrails: TOTP_GUARDRAILS,
    });
  } catch {
    // otplib throws on malformed tokens and secrets; never forward its message.
    return { ok: false, failure: "malformed" };
  }
  return result.valid && "timeStep" in result
    ? { ok: true, timeStep: result.timeStep }
    : { ok: false, failure: "invalid" };
}
