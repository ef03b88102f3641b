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

/** The variables read when `createStepUp` gets no `relyingParty` (and `STEP_UP_SECRET` for `secret`). */
export type StepUpEnvironment = Partial<Record<"STEP_UP_ORIGIN" | "STEP_UP_RP_ID" | "STEP_UP_RP_NAME", string>>;

/**
 * The option when passed; else STEP_UP_ORIGIN (one origin or a comma-separated list), with STEP_UP_RP_ID
 * (default: the first origin's host name) and STEP_UP_RP_NAME (default: the id). Outside production,
 * with neither, `next dev` on localhost:3000; in production that is an error naming STEP_UP_ORIGIN.
 */
export function resolveRelyingParty(
  option: RelyingPartyOption | undefined,
  production: boolean,
  env: StepUpEnvironment = process.env as StepUpEnvironment,
): RelyingParty {
  if (!option) option = relyingPartyFromEnvironment(env);
  if (!option) {
    if (production)
      throw new Error(
        "createStepUp: `relyingParty: { id, name, origin }` or STEP_UP_ORIGIN=https://your.app is required in production (passkeys are bound to it)",
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

function relyingPartyFromEnvironment(env: StepUpEnvironment): RelyingPartyOption | undefined {
  const origin = env.STEP_UP_ORIGIN?.trim();
  if (!origin) return undefined;
  const first = origin.split(",")[0]!.trim();
  let id = env.STEP_UP_RP_ID?.trim();
  if (!id) {
    try {
      id = new URL(first).hostname;
    } catch (error) {
      throw new Error(`createStepUp: STEP_UP_ORIGIN must be URLs like https://your.app, got "${first}"`, {
        cause: error,
      });
    }
  }
  return { id, name: env.STEP_UP_RP_NAME?.trim() || id, origin };
}
