import "server-only";
import { createTRPCRouter } from "@/server/trpc";
import { auditRouter } from "./audit";
import { devicesRouter } from "./devices";
import { membersProcedure } from "./members";
import { policiesRouter } from "./policies";
import { proceduresProcedure } from "./procedures";
import { simulateProcedure } from "./simulate";
import { supportRouter } from "./support";

/**
 * `stepUp.admin.*`: every procedure is adminProcedure (role checked on the server, scoped to the active
 * organization) or adminStepUpProcedure (the same, then step-up "high") for changes.
 */
export const adminRouter = createTRPCRouter({
  policies: policiesRouter,
  simulate: simulateProcedure,
  procedures: proceduresProcedure,
  members: membersProcedure,
  devices: devicesRouter,
  audit: auditRouter,
  support: supportRouter,
});
