import "server-only";
import { LEVELS, STEP_UP_LEVELS, type Level, type StepUpLevel } from "../../engine/levels";

/**
 * RFC 9470 `acr` values, one URI per level. A level is satisfied by itself and every level above it, so a
 * challenge lists them all, required level first (RFC 9470 §3: in order of preference). ADR 020.
 */
export const LEVEL_URIS = {
  none: "urn:step-up:level:none",
  low: "urn:step-up:level:low",
  medium: "urn:step-up:level:medium",
  high: "urn:step-up:level:high",
  critical: "urn:step-up:level:critical",
} as const satisfies Record<Level, string>;

export function levelUri(level: Level): string {
  return LEVEL_URIS[level];
}

/** The level a URI names, or null for a URI that is not one of ours. */
export function levelOfUri(uri: string): Level | null {
  return LEVELS.find((level) => LEVEL_URIS[level] === uri) ?? null;
}

/** `acr_values`: the required level and every level above it. */
export function acrValuesFor(level: StepUpLevel): string {
  return STEP_UP_LEVELS.slice(STEP_UP_LEVELS.indexOf(level))
    .map((l) => LEVEL_URIS[l])
    .join(" ");
}

/**
 * RFC 6750 §3: `error_description` is limited to %x20-21 / %x23-5B / %x5D-7E, so no `"` and no `\`,
 * and no character outside printable ASCII. Anything else becomes a space (the JSON body keeps the text).
 */
export function toDescription(text: string): string {
  return text
    .replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/**
 * `WWW-Authenticate` for a call that needs step-up (RFC 9470 §3). `maxAgeSeconds` is the level's window:
 * how old the last verification may be (0 for critical: this very call).
 */
export function formatStepUpChallenge(options: {
  level: StepUpLevel;
  description: string;
  maxAgeSeconds: number;
}): string {
  const params = [
    `error="insufficient_user_authentication"`,
    `error_description="${toDescription(options.description)}"`,
    `acr_values="${acrValuesFor(options.level)}"`,
    `max_age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
  ];
  return `Bearer ${params.join(", ")}`;
}

/** A signed-out caller: a plain Bearer challenge (RFC 6750 §3.1: no error code without credentials). */
export const SIGN_IN_CHALLENGE = "Bearer";

/**
 * Reads a single Bearer challenge back into its auth-params (token or quoted-string values, RFC 9110
 * §11.2). For clients and tests; returns null when the header is not one Bearer challenge.
 */
export function parseBearerChallenge(header: string): Record<string, string> | null {
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  if (!match) return null;
  const params: Record<string, string> = {};
  let rest = match[1] ?? "";
  const param = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([!#$%&'*+.^_`|~0-9A-Za-z-]+))\s*(,|$)/;
  while (rest.trim() !== "") {
    const found = param.exec(rest);
    if (!found) return null;
    const [all, name, quoted, token] = found;
    params[name!.toLowerCase()] = quoted !== undefined ? quoted.replace(/\\(.)/g, "$1") : token!;
    rest = rest.slice(all.length);
  }
  return params;
}
