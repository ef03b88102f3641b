import "server-only";
import type { MethodModule } from "../method-module";
import type { Database } from "../ports";
import { beginTotpEnrollment, confirmTotpEnrollment, removeTotp } from "./enrol";
import { TOTP_LABELS } from "./labels";
import { getTotpConfirmedAt } from "./store";
import { totpVerifier } from "./verify";

export { checkTotpCode, TOTP_EPOCH_TOLERANCE_SECONDS, TOTP_GUARDRAILS } from "./code";
export { TOTP_SECRET_BYTES } from "./enrol";

/** An authenticator app (RFC 6238): one secret per user, confirmed by a first code, each time step used once. */
export const totpMethod = {
  ...totpVerifier,
  labels: TOTP_LABELS,
  enrolled: async ({ db, userId }) => (await getTotpConfirmedAt(db, userId)) !== null,
  /** The security page's section: whether an app is set up, and since when. */
  overview: async (db: Database, userId: string) => {
    const confirmedAt = await getTotpConfirmedAt(db, userId);
    return { enabled: confirmedAt !== null, confirmedAt };
  },
  enrol: { begin: beginTotpEnrollment, confirm: confirmTotpEnrollment, remove: removeTotp },
} satisfies MethodModule;
