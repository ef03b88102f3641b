import "server-only";

/** Who we are to WebAuthn authenticators. */
export interface RelyingParty {
  /** The domain passkeys are bound to (no scheme, no port). */
  id: string;
  name: string;
  /** Every origin the app is served from, e.g. `https://bank.example`; a response from any other is refused. */
  origins: string[];
}

/** What the host passes: one origin or several (e.g. "https://app.example,https://www.app.example"). */
export interface RelyingPartyOption {
  id: string;
  name: string;
  origin: string | string[];
}

/** Outside production a missing relying party means `next dev` on localhost:3000; in production it is an error. */
export function resolveRelyingParty(option: RelyingPartyOption | undefined, production: boolean): RelyingParty {
  if (!option) {
    if (production)
      throw new Error(
        "createStepUp: `relyingParty: { id, name, origin }` is required in production (passkeys are bound to it)",
      );
    return { id: "localhost", name: "Step-up (development)", origins: ["http://localhost:3000"] };
  }
  const origins = (Array.isArray(option.origin) ? option.origin : option.origin.split(","))
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  if (!option.id || !option.name || origins.length === 0)
    throw new Error("createStepUp: `relyingParty` needs an id, a name and at least one origin");
  return { id: option.id, name: option.name, origins };
}
