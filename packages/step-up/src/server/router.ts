import "server-only";
import { z } from "zod/v4";
import { createTRPCRouter, type Procedures } from "./trpc";
import { DEVICE_COOKIE, serializeCookie } from "./cookies";
import { methodSchema } from "../engine";
import { issueChallenge } from "./verification/challenge";
import { requireOwnRequirement } from "./verification/requirement-access";
import { verifyStepUp } from "./verification/verify";
import { dryRun } from "./dry-run";
import { cancelRequirement, listPendingRequirements, listVerifications } from "./verification/queries";
import { forgetDevice, listDevices } from "./devices/remembered-devices";
import { sessionStatus } from "./grants/session-status";
import { adminRouter } from "./admin/router";
import { securityRouter } from "./enrollment/router";

const idSchema = z.string().min(1).max(64);

/** The step-up API the dialog talks to. Every procedure acts for the signed-in user only. */
export function stepUpRouter(p: Procedures) {
  const { protectedProcedure } = p;
  return createTRPCRouter({
    /** The security settings page: enrol and remove factors. */
    security: securityRouter(p),
    /** The admin pages: policies, simulator, devices, audit (admins of the active organization). */
    admin: adminRouter(p),

    /** One factor of a requirement. A two-factor combination is two calls. */
    verify: protectedProcedure
      .input(
        z.object({
          requirementId: idSchema,
          method: methodSchema,
          // A passkey assertion (JSON from startAuthentication) is a few kilobytes; codes and passwords far less.
          credential: z.string().min(1, "Enter a code or password").max(8192),
          rememberDevice: z.boolean().optional().default(false),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        const outcome = await verifyStepUp({
          db: ctx.db,
          services: ctx.stepUp,
          session: ctx.session,
          request: ctx.request,
          ...input,
        });
        if (outcome.status === "fulfilled" && outcome.deviceToken) {
          const maxAge = Math.floor(ctx.stepUp.config.rememberDevice.ttlMs / 1000);
          ctx.resHeaders.append("Set-Cookie", serializeCookie(DEVICE_COOKIE, outcome.deviceToken, maxAge));
        }
        return { status: outcome.status, remaining: outcome.remaining };
      }),

    /**
     * First step of a passkey (fresh WebAuthn challenge; the previous one dies) or an email code (send;
     * calling again resends, at most every 30 s and 5 times, else RESEND_THROTTLED with retryAfter).
     */
    challenge: protectedProcedure
      .input(z.object({ requirementId: idSchema, method: z.enum(["passkey", "email_code"]) }))
      .mutation(({ ctx, input }) =>
        issueChallenge({ db: ctx.db, services: ctx.stepUp, session: ctx.session, request: ctx.request, ...input }),
      ),

    /** Dry run: would this procedure with this input need step-up for me now, and why? Creates nothing. */
    evaluate: protectedProcedure
      .input(z.object({ procedure: z.string().min(1).max(200), input: z.unknown().optional() }))
      .query(({ ctx, input }) =>
        dryRun({ db: ctx.db, services: ctx.stepUp, session: ctx.session, request: ctx.request, ...input }),
      ),

    /** The session's current level and how long each level stays valid. */
    status: protectedProcedure.query(({ ctx }) =>
      sessionStatus(ctx.db, { session: ctx.session, services: ctx.stepUp }),
    ),

    pendingRequirements: protectedProcedure.query(({ ctx }) =>
      listPendingRequirements(ctx.db, { userId: ctx.session.userId, now: ctx.stepUp.now() }),
    ),

    requirement: protectedProcedure.input(z.object({ requirementId: idSchema })).query(async ({ ctx, input }) => {
      const requirement = await requireOwnRequirement(ctx.db, input.requirementId, ctx.session);
      const { callHash: _callHash, ...visible } = requirement;
      return visible;
    }),

    verifications: protectedProcedure
      .input(
        z
          .object({ cursor: idSchema.nullish(), limit: z.number().int().min(1).max(100).default(20) })
          .default({ limit: 20 }),
      )
      .query(({ ctx, input }) =>
        listVerifications(ctx.db, { userId: ctx.session.userId, cursor: input.cursor ?? null, limit: input.limit }),
      ),

    cancel: protectedProcedure.input(z.object({ requirementId: idSchema })).mutation(async ({ ctx, input }) => {
      const requirement = await requireOwnRequirement(ctx.db, input.requirementId, ctx.session);
      const cancelled = await cancelRequirement(ctx.db, { requirement, request: ctx.request, now: ctx.stepUp.now() });
      return { status: cancelled ? ("cancelled" as const) : requirement.status };
    }),

    devices: protectedProcedure.query(({ ctx }) =>
      listDevices(ctx.db, { userId: ctx.session.userId, now: ctx.stepUp.now() }),
    ),

    forgetDevice: protectedProcedure.input(z.object({ deviceId: idSchema })).mutation(async ({ ctx, input }) => {
      const forgotten = await forgetDevice(ctx.db, {
        userId: ctx.session.userId,
        organizationId: ctx.session.activeOrganizationId,
        deviceId: input.deviceId,
        request: ctx.request,
        now: ctx.stepUp.now(),
      });
      return { forgotten };
    }),
  });
}
