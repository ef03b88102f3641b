import type { StepUpController } from "./controller";

/**
 * Runs the WebAuthn assertion for the shown requirement and returns the credential for
 * `stepUp.verify`. The browser library loads here, on first use, so the dialog stays small.
 */
export async function getPasskeyCredential(controller: StepUpController): Promise<string> {
  const challenge = await controller.challenge({ method: "passkey" });
  if (challenge.method !== "passkey") throw new Error("The server did not return a passkey challenge");
  const { startAuthentication } = await import("@simplewebauthn/browser");
  const response = await startAuthentication({ optionsJSON: challenge.options });
  return JSON.stringify(response);
}

/**
 * The user closed the browser's passkey prompt, it timed out, or no passkey on this device matched:
 * browsers report all three as NotAllowedError (SimpleWebAuthn keeps the name), on purpose.
 */
export function isCeremonyCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === "NotAllowedError" || error.name === "AbortError");
}
