import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import type { Translate } from "../../i18n/translator";

/** Runs the browser's registration ceremony; the WebAuthn library loads only now, on first use. */
export async function createPasskey(optionsJSON: PublicKeyCredentialCreationOptionsJSON): Promise<string> {
  const { startRegistration } = await import("@simplewebauthn/browser");
  return JSON.stringify(await startRegistration({ optionsJSON }));
}

/** Browser ceremony errors in words; null when the error is not one of them (a server error). */
export function describeCeremonyError(error: unknown, t: Translate): string | null {
  if (!(error instanceof Error)) return null;
  switch (error.name) {
    case "NotAllowedError":
    case "AbortError":
      return t("security.ceremony.cancelled");
    case "InvalidStateError":
      return t("security.ceremony.exists");
    case "NotSupportedError":
      return t("security.ceremony.unsupported");
    case "SecurityError":
      return t("security.ceremony.security");
    default:
      return null;
  }
}
