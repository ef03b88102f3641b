import "server-only";
import { failed, verifiedOnceClaimed, type Verifier } from "../verifier";
import { checkTotpCode } from "./code";
import { claimTotpStep, getConfirmedTotp } from "./store";

export const totpVerifier: Verifier = {
  id: "totp",
  async verify({ db, crypto, userId, now }, credential) {
    if (!/^\d{6}$/.test(credential.replace(/\s+/g, ""))) return failed("malformed");
    const totp = await getConfirmedTotp(db, userId);
    if (!totp) return failed("not_enrolled");
    const checked = await checkTotpCode(crypto.decrypt(totp.secretEncrypted), credential, now);
    if (!checked.ok) return failed(checked.failure);
    // A step at or before the last accepted one is a replay, not a typo: recorded (and answered) as such.
    if (totp.lastUsedStep !== null && checked.timeStep <= totp.lastUsedStep) return failed("replayed");
    // A time step is accepted once per user, even across requirements and concurrent requests: claimed in the
    // transaction that records it (ADR 028).
    const { timeStep } = checked;
    return verifiedOnceClaimed((tx) => claimTotpStep(tx, userId, timeStep));
  },
};
