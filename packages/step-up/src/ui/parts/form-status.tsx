import { isStepUpCancelled } from "../../client/errors";
import { useStepUpI18n } from "../../i18n/context";
import { describeError } from "./errors";

/** Result line under a form: success as a polite status, failures as an alert. */
export function FormStatus({ error, success }: { error: unknown; success?: string | null }) {
  const { t } = useStepUpI18n();
  if (error) {
    return (
      <p role="alert" className={isStepUpCancelled(error) ? "notice" : "error"}>
        {describeError(error, t)}
      </p>
    );
  }
  return (
    <p role="status" className="success">
      {success ?? ""}
    </p>
  );
}
