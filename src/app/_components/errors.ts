import { isNetworkFailure, isStepUpCancelled } from "@step-up/next/client";

/** The message a form shows for a failed mutation; a cancelled verification is not an error. */
export function describeError(error: unknown): string {
  if (isStepUpCancelled(error)) return "Verification cancelled. Nothing was changed.";
  // Never the browser's "Failed to fetch": say what happened and what to do.
  if (isNetworkFailure(error)) return "Couldn’t reach the server. Check your connection and try again.";
  const data = (error as { data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } } | null)
    ?.data;
  const fieldError = Object.values(data?.zodError?.fieldErrors ?? {}).flat()[0];
  if (fieldError) return fieldError;
  return error instanceof Error && error.message ? error.message : "Something went wrong. Try again.";
}
