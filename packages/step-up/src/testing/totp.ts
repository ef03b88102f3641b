import { createGuardrails, generate } from "otplib";

// The module accepts 80-bit secrets (RFC 4226's minimum, methods/totp/code.ts); so does the kit.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

/**
 * The six-digit code an authenticator app shows for a base32 `secret` at `at` (default: now). Pass the
 * test clock's time when the instance runs on one. The server accepts each 30-second step once per
 * user: a second verification needs a later `at`.
 *
 * @example
 * const code = await totpCode(secret, clock.now());
 */
export async function totpCode(secret: string, at: Date | number = Date.now()): Promise<string> {
  const ms = at instanceof Date ? at.getTime() : at;
  return generate({ secret, guardrails, epoch: Math.floor(ms / 1000) });
}
