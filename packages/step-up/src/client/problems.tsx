import type { MethodId } from "../engine/levels";
import { useStepUpI18n } from "../i18n/context";
import type { StepUpMessageKey } from "../i18n/catalogue";
import type { MessageValues } from "../i18n/translator";
import { getStepUpPayload } from "../shared/payload";
import { isNetworkFailure } from "./network";
import { isCeremonyCancelled } from "./passkey";

/** What the dialog's alert says after a failed step; every kind names the next step. */
export type Problem =
  | { kind: "message"; key: StepUpMessageKey; values?: MessageValues }
  /** A field error from the server's input validation: already in words, shown as sent. */
  | { kind: "text"; text: string }
  | { kind: "locked"; scope: "requirement" | "user"; until: number }
  | { kind: "expired" }
  /** The request never reached the server: nothing was spent, the typed credential is kept. */
  | { kind: "offline" };

export function ProblemText({ problem }: { problem: Problem }) {
  const { t, format } = useStepUpI18n();
  switch (problem.kind) {
    case "message":
      return <p>{t(problem.key, problem.values)}</p>;
    case "text":
      return <p>{problem.text}</p>;
    case "locked":
      // A locked requirement stays locked (retrying never works) but a new one can be had at once;
      // only the account's pause, after failures across verifications, is a wait.
      if (problem.scope === "requirement") return <p>{t("dialog.error.lockedRequirement")}</p>;
      return <p>{t("dialog.error.lockedUser", { until: format.time(problem.until) })}</p>;
    case "expired":
      return <p>{t("dialog.error.expired")}</p>;
    case "offline":
      return <p>{t("dialog.error.offline")}</p>;
  }
}

export function describeProblem(error: unknown, method: MethodId): Problem {
  if (isNetworkFailure(error)) return { kind: "offline" };
  // Browsers give one error for "cancelled", "timed out" and "could not verify you", on purpose.
  if (isCeremonyCancelled(error)) return { kind: "message", key: "dialog.error.passkeyCancelled" };
  const payload = getStepUpPayload(error);
  switch (payload?.code) {
    case "INVALID_CREDENTIAL":
      if (payload.reason === "replayed")
        return { kind: "message", key: "dialog.error.replayed", values: { left: payload.attemptsLeft } };
      // The server does not say whether an email code was wrong or expired: both are "request a new code".
      if (method === "email_code")
        return { kind: "message", key: "dialog.error.emailMismatch", values: { left: payload.attemptsLeft } };
      return { kind: "message", key: "dialog.error.mismatch", values: { method, left: payload.attemptsLeft } };
    case "ALREADY_FULFILLED":
      return { kind: "message", key: "dialog.error.fulfilled" };
    case "LOCKED":
      return { kind: "locked", scope: payload.scope, until: Date.now() + payload.retryAfter * 1000 };
    case "EXPIRED":
      return { kind: "expired" };
    case "METHOD_NOT_ALLOWED":
      return { kind: "message", key: "dialog.error.notAllowed" };
    case "RESEND_THROTTLED":
      return { kind: "message", key: "dialog.error.throttled", values: { seconds: payload.retryAfter } };
    case "UNAVAILABLE":
      return { kind: "message", key: "dialog.error.unavailable" };
    default:
      return fieldError(error) ?? { kind: "message", key: "dialog.error.unknown" };
  }
}

/** The server's validation message for the credential ("Enter the 6-digit code"), never a raw exception. */
function fieldError(error: unknown): Problem | null {
  const data = (error as { data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } }).data;
  const text = Object.values(data?.zodError?.fieldErrors ?? {}).flat()[0];
  return text ? { kind: "text", text } : null;
}
