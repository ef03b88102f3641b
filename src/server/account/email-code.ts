import "server-only";
import { randomInt } from "node:crypto";

/** Six random digits for the email change's code (the module keeps its own for step-up's email codes). */
export function generateEmailCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** `alice@example.com` → `a***@example.com`: enough to recognise the address, not to harvest it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
