import "server-only";
import type { MethodId } from "../../engine";
import { listEnrolledMethods } from "../../methods";
import type { Database } from "../db";
import type { StepUpUsers } from "../ports";

/**
 * Methods a user can verify with now, as each method module says (methods/index.ts): enrolled factors,
 * plus email codes to their address when the server has a mailer (without one, they are never offered).
 */
export async function loadEnrolledMethods(
  db: Database,
  userId: string,
  options: { mailer: boolean; users: StepUpUsers },
): Promise<Set<MethodId>> {
  return listEnrolledMethods({ db, userId, user: options.users.find(userId), mailer: options.mailer });
}
