import type { StepUpRouter } from "../server/create-step-up";
import type { createTRPCRouter } from "../server/trpc";

/**
 * The router type the module's own React hooks are typed against: any app router that mounts
 * `stepUp.router` as `stepUp` has these paths (type only: nothing of the server reaches the client).
 */
export type StepUpApiRouter = ReturnType<typeof createTRPCRouter<{ stepUp: StepUpRouter }>>;
