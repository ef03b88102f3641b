import { isStepUpCancelled } from "@step-up/next/client";
import { describeError } from "./errors";

/** Result line under a form: success as a polite status, failures as an alert. */
export function FormStatus({ error, success }: { error: unknown; success?: string | null }) {
  if (error) {
    return (
      <p role="alert" className={isStepUpCancelled(error) ? "notice" : "error"}>
        {describeError(error)}
      </p>
    );
  }
  return (
    <p role="status" className="success">
      {success ?? ""}
    </p>
  );
}
