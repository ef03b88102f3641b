import "server-only";
import type { MethodLabels } from "./labels";
import type { Database, EnrolledCheck, MethodEnrolmentContext } from "./ports";
import type { Verifier } from "./verifier";

/**
 * One verification method as one unit (a folder under methods/): its id, the words that name it, how it
 * verifies (the `Verifier` steps) and whether a user has it. The registry in methods/index.ts holds one per
 * method id; the verification, the gate's snapshot and the security page read it instead of switching on ids.
 */
export interface MethodModule extends Verifier {
  readonly labels: MethodLabels;
  /** Whether the user can verify with this method now: only these are offered in the dialog. */
  enrolled(check: EnrolledCheck): Promise<boolean>;
  /** The method's section of the security page (server/enrollment/overview.ts); never a secret or a hash. */
  overview?(db: Database, userId: string): Promise<unknown>;
  /** The enrolment steps the security router exposes (server/enrollment/router.ts), by name. */
  enrol?: Record<string, (context: MethodEnrolmentContext, input: never) => Promise<unknown>>;
}
