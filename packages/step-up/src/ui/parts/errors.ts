import { isStepUpCancelled } from "../../client/errors";
import { isNetworkFailure } from "../../client/network";
import type { Translate } from "../../i18n/translator";

/** The message a form shows for a failed mutation; a cancelled verification is not an error. */
export function describeError(error: unknown, t: Translate): string {
  if (isStepUpCancelled(error)) return t("security.error.cancelled");
  if (isNetworkFailure(error)) return t("security.error.offline");
  const data = (error as { data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } } | null)
    ?.data;
  const fieldError = Object.values(data?.zodError?.fieldErrors ?? {}).flat()[0];
  if (fieldError) return fieldError;
  // The server's own message for an expected failure (a TRPCError it chose to send), never a crash's.
  const message = error instanceof Error && (error as { data?: unknown }).data ? error.message : "";
  return message || t("security.error.unknown");
}
