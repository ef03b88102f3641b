import type { MethodId } from "../engine/levels";
import { getStepUpPayload } from "../shared/payload";
import { METHOD_INFO } from "./methods";
import { isCeremonyCancelled } from "./passkey";

/** What the dialog's alert says after a failed step. */
export type Problem =
  | { kind: "message"; text: string }
  | { kind: "locked"; scope: "requirement" | "user"; until: number }
  | { kind: "expired" };

export function ProblemText({ problem }: { problem: Problem }) {
  switch (problem.kind) {
    case "message":
      return <p>{problem.text}</p>;
    case "locked":
      return <LockedText scope={problem.scope} until={problem.until} />;
    case "expired":
      return <p>This verification expired. Start again to get a new one.</p>;
  }
}

/**
 * Says what the server locked. A locked requirement stays locked (retrying it never works), but a new
 * one can be had at once; only the account's pause, after failures across verifications, is a wait.
 */
function LockedText({ scope, until }: { scope: "requirement" | "user"; until: number }) {
  if (scope === "requirement") {
    return <p>Too many failed attempts: this verification is locked. Start again to get a new one.</p>;
  }
  const end = new Date(until);
  return (
    <p>
      Too many failed attempts: verification is paused for your account until{" "}
      <time dateTime={end.toISOString()}>{end.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}</time>,
      for every action and method.
    </p>
  );
}

export function describeProblem(error: unknown, method: MethodId): Problem {
  if (isCeremonyCancelled(error)) {
    // Browsers give one error for "cancelled", "timed out" and "could not verify you", on purpose.
    return {
      kind: "message",
      text: "The passkey check didn’t finish: it was cancelled, timed out, or your device couldn’t confirm it’s you. Try again.",
    };
  }
  const payload = getStepUpPayload(error);
  switch (payload?.code) {
    case "INVALID_CREDENTIAL":
      if (payload.reason === "replayed") {
        const left = `${payload.attemptsLeft} attempt${payload.attemptsLeft === 1 ? "" : "s"} left.`;
        return {
          kind: "message",
          text: `That code was already used. Wait for the app to show a new code, then enter it. ${left}`,
        };
      }
      return { kind: "message", text: describeMismatch(method, payload.attemptsLeft) };
    case "ALREADY_FULFILLED":
      return { kind: "message", text: "This verification is already complete." };
    case "LOCKED":
      return { kind: "locked", scope: payload.scope, until: Date.now() + payload.retryAfter * 1000 };
    case "EXPIRED":
      return { kind: "expired" };
    case "METHOD_NOT_ALLOWED":
      return { kind: "message", text: "That method can’t be used here. Choose another." };
    case "RESEND_THROTTLED":
      return {
        kind: "message",
        text: `A code was sent moments ago. You can ask for another in ${payload.retryAfter} s.`,
      };
    case "UNAVAILABLE":
      return { kind: "message", text: "Verification is unavailable right now. Try again shortly." };
    default:
      return { kind: "message", text: readMessage(error) };
  }
}

function describeMismatch(method: MethodId, left: number): string {
  const attempts = `${left} attempt${left === 1 ? "" : "s"} left.`;
  switch (method) {
    case "passkey":
      return `That passkey could not be verified. ${attempts}`;
    case "email_code":
      // The server does not say whether the code was wrong or expired: both are "request a new code".
      return `That code didn’t match or has expired. ${attempts} If it expired, request a new code.`;
    default:
      return `That ${METHOD_INFO[method].noun} didn’t match. ${attempts}`;
  }
}

function readMessage(error: unknown): string {
  const data = (error as { data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } }).data;
  const fieldError = Object.values(data?.zodError?.fieldErrors ?? {}).flat()[0];
  if (fieldError) return fieldError;
  return error instanceof Error && error.message ? error.message : "Something went wrong. Try again.";
}
