import "server-only";
import { createTRPCRouter, type Procedures } from "../trpc";
import { auditRouter } from "./audit";
import { devicesRouter } from "./devices";
import { membersProcedure } from "./members";
import { policiesRouter } from "./policies";
import { proceduresProcedure } from "./procedures";
import { simulateProcedure } from "./simulate";
import { supportRouter } from "./support";
import { webhooksRouter } from "./webhooks";

/**
 * `stepUp.admin.*`: every procedure is adminProcedure (role checked on the server, scoped to the active
 * organization) or adminStepUpProcedure (the same, then step-up "high") for changes.
 */
export function adminRouter(p: Procedures) {
  return createTRPCRouter({
    policies: policiesRouter(p),
    simulate: simulateProcedure(p),
    procedures: proceduresProcedure(p),
    members: membersProcedure(p),
    devices: devicesRouter(p),
    audit: auditRouter(p),
    support: supportRouter(p),
    webhooks: webhooksRouter(p),
  });
}
