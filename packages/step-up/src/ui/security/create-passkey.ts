import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";

/** Runs the browser's registration ceremony; the WebAuthn library loads only now, on first use. */
export async function createPasskey(optionsJSON: PublicKeyCredentialCreationOptionsJSON): Promise<string> {
  const { startRegistration } = await import("@simplewebauthn/browser");
  return JSON.stringify(await startRegistration({ optionsJSON }));
}

/** Browser ceremony errors in words; null when the error is not one of them (a server error). */
export function describeCeremonyError(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  switch (error.name) {
    case "NotAllowedError":
    case "AbortError":
      return "The passkey request was cancelled or timed out. Nothing was saved.";
    case "InvalidStateError":
      return "This device already holds a passkey for your account.";
    case "NotSupportedError":
      return "This browser or device can’t create a passkey.";
    case "SecurityError":
      return "This site’s address doesn’t match its passkey settings. Ask an administrator.";
    default:
      return null;
  }
}
