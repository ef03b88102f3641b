import "server-only";

/** Who we are to WebAuthn authenticators. Set per deployment; the defaults suit `next dev` on localhost. */
export interface RelyingParty {
  /** The domain passkeys are bound to (no scheme, no port). */
  id: string;
  name: string;
  /** Every origin the app is served from, e.g. `https://bank.example`; a response from any other is refused. */
  origins: string[];
}

export function loadRelyingParty(env: Record<string, string | undefined> = process.env): RelyingParty {
  const origins = (env.STEP_UP_ORIGIN ?? "http://localhost:3000")
    .split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  return { id: env.STEP_UP_RP_ID || "localhost", name: env.STEP_UP_RP_NAME || "Step-up demo", origins };
}
