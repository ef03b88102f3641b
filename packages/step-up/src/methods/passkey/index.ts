import "server-only";
import type { MethodModule } from "../method-module";
import { beginPasskeyRegistration, finishPasskeyRegistration, removePasskey, renamePasskey } from "./enrol";
import { PASSKEY_LABELS } from "./labels";
import { countPasskeys, listPasskeyOverview } from "./store";
import { passkeyVerifier } from "./verify";

export { bindingDigest, challengeCommitsTo, createBoundChallenge, type CallBinding } from "./binding";
export { PASSKEY_TIMEOUT_MS, requiresUserVerification } from "./verify";

/** WebAuthn: a fresh challenge per verification, bound to the call at critical (ADR 022). */
export const passkeyMethod = {
  ...passkeyVerifier,
  labels: PASSKEY_LABELS,
  enrolled: async ({ db, userId }) => (await countPasskeys(db, userId)) > 0,
  overview: listPasskeyOverview,
  enrol: {
    begin: beginPasskeyRegistration,
    finish: finishPasskeyRegistration,
    rename: renamePasskey,
    remove: removePasskey,
  },
} satisfies MethodModule;
