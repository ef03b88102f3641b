import "server-only";
import { z } from "zod/v4";
import { createTRPCRouter, type Procedures } from "../trpc";
import type { StepUpContext, StepUpSession } from "../session";
import { METHOD_MODULES, type MethodEnrolmentContext } from "../../methods";
import type { EnrollmentContext } from "./context";
import { getSecurityOverview } from "./overview";
import { methodEnrolment } from "./store";

const { totp, backup_code: backupCodes, passkey } = METHOD_MODULES;

const idSchema = z.string().min(1).max(64);
const nameSchema = z.string().trim().min(1, "Give the passkey a name").max(64, "Use at most 64 characters");

function enrollment(ctx: StepUpContext & { session: StepUpSession }): MethodEnrolmentContext {
  const context: EnrollmentContext = {
    db: ctx.db,
    services: ctx.stepUp,
    session: ctx.session,
    request: { ip: ctx.request.ip, userAgent: ctx.request.userAgent },
    now: ctx.stepUp.now(),
    relyingParty: ctx.stepUp.relyingParty,
  };
  return methodEnrolment(context);
}

/**
 * Adding or removing a factor is itself a high step-up that no remembered device stands in for;
 * confirming one needs the session that began it.
 */
function factorProcedures({ stepUpProcedure }: Procedures) {
  return {
    change: (action: string) => stepUpProcedure({ level: "high", action, remember: false }),
    /** Adding one: a user who cannot reach high yet (a password only) enrols at the level they have (ADR 011). */
    addition: (action: string) => stepUpProcedure({ level: "high", action, enrollment: true, remember: false }),
  };
}

/** The security settings page: the user's own factors only, the user always from the session. */
export function securityRouter(p: Procedures) {
  const { protectedProcedure } = p;
  const { change: factorChange, addition: factorAddition } = factorProcedures(p);
  return createTRPCRouter({
    overview: protectedProcedure.query(({ ctx }) =>
      getSecurityOverview(ctx.db, ctx.session.userId, ctx.stepUp.users, ctx.stepUp.config),
    ),

    totp: createTRPCRouter({
      begin: factorAddition("Setting up an authenticator app").mutation(({ ctx }) => totp.enrol.begin(enrollment(ctx))),
      confirm: protectedProcedure
        .input(z.object({ code: z.string().trim().min(1, "Enter the code from the app").max(16) }))
        .mutation(({ ctx, input }) => totp.enrol.confirm(enrollment(ctx), input.code)),
      remove: factorChange("Removing your authenticator app").mutation(({ ctx }) => totp.enrol.remove(enrollment(ctx))),
    }),

    backupCodes: createTRPCRouter({
      generate: factorAddition("Generating new backup codes").mutation(({ ctx }) =>
        backupCodes.enrol.regenerate(enrollment(ctx)),
      ),
    }),

    passkeys: createTRPCRouter({
      beginRegistration: factorAddition("Adding a passkey").mutation(({ ctx }) => passkey.enrol.begin(enrollment(ctx))),
      finishRegistration: protectedProcedure
        .input(z.object({ name: nameSchema, response: z.string().min(2).max(16_384) }))
        .mutation(({ ctx, input }) => passkey.enrol.finish(enrollment(ctx), input)),
      rename: protectedProcedure
        .input(z.object({ id: idSchema, name: nameSchema }))
        .mutation(({ ctx, input }) => passkey.enrol.rename(enrollment(ctx), input)),
      remove: p
        .stepUpProcedure({
          level: "high",
          remember: false,
          input: z.object({ id: idSchema }),
          action: "Removing a passkey",
        })
        .mutation(({ ctx, input }) => passkey.enrol.remove(enrollment(ctx), input.id)),
    }),
  });
}
