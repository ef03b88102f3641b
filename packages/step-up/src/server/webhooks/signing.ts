import "server-only";
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** A new signing secret in the Standard Webhooks format: `whsec_` + 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * The Standard Webhooks headers for one attempt: `webhook-signature` is `v1,<base64 HMAC-SHA256 of
 * id.timestamp.body>`. The timestamp is the wall clock of the attempt (receivers reject old ones).
 */
export function signedHeaders(secret: string, message: { id: string; body: string; at: Date }) {
  return {
    "content-type": "application/json",
    "webhook-id": message.id,
    "webhook-timestamp": String(Math.floor(message.at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(message.id, message.at, message.body),
  };
}
