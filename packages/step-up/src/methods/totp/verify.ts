import "server-only";
import { createGuardrails, verify } from "otplib";
import { claimTotpStep, getConfirmedTotp } from "../../server/verification/enrolled-methods";
import { failed, verifiedOnceClaimed, type Verifier } from "../verifier";

/** One 30-second step either side absorbs clock drift between phone and server. */
export const TOTP_EPOCH_TOLERANCE_SECONDS = 30;

/**
 * RFC 4226 allows 80-bit secrets (the seeded demo secret is one); otplib v13 defaults to 128.
 * Secrets we generate at enrolment are 160 bits; this only keeps existing authenticators working.
 */
export const TOTP_GUARDRAILS = createGuardrails({ MIN_SECRET_BYTES: 10 });

export const totpVerifier: Verifier = {
  method: "totp",
  async verify({ db, crypto, userId, now }, credential) {
    const token = credential.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(token)) return failed("malformed");
    const totp = await getConfirmedTotp(db, userId);
    if (!totp) return failed("not_enrolled");
    let result: Awaited<ReturnType<typeof verify>>;
    try {
      result = await verify({
        secret: crypto.decrypt(totp.secretEncrypted),
        token,
        epoch: Math.floor(now.getTime() / 1000),
        epochTolerance: TOTP_EPOCH_TOLERANCE_SECONDS,
        guardrails: TOTP_GUARDRAILS,
      });
    } catch {
      // otplib throws on malformed tokens and secrets; never forward its message.
      return failed("malformed");
    }
    if (!result.valid || !("timeStep" in result)) return failed("invalid");
    // A step at or before the last accepted one is a replay, not a typo: recorded (and answered) as such.
    if (totp.lastUsedStep !== null && result.timeStep <= totp.lastUsedStep) return failed("replayed");
    // A time step is accepted once per user, even across requirements and concurrent requests: claimed in the
    // transaction that records it (ADR 028).
    const { timeStep } = result;
    return verifiedOnceClaimed((tx) => claimTotpStep(tx, userId, timeStep));
  },
};
