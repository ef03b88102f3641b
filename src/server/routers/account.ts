import "server-only";
import type { StepUp } from "@step-up/next/server";
import { z } from "zod";
import { createTRPCRouter, stepUpProcedures } from "../trpc";
import { hashPassword } from "../auth/password";
import { serializeCookie } from "@step-up/next/server";
import { SESSION_COOKIE } from "../auth/session";
import { revokeOtherSessions } from "../auth/revoke-sessions";
import { confirmEmailChange, requestEmailChange } from "../account/email-change";

export function accountRouter(stepUp: StepUp) {
  const stepUpProcedure = stepUpProcedures(stepUp);
  return createTRPCRouter({
    /**
     * Medium by the default policy (`account.changeEmail`), on both steps: without `code` it sends a
     * code to the new address; with it, it makes the change (and tells the old address).
     */
    changeEmail: stepUpProcedure({
      input: z.object({
        email: z.email("Enter a valid email").max(254).toLowerCase(),
        code: z
          .string()
          .trim()
          .regex(/^\d{6}$/, "Enter the 6-digit code from the email")
          .optional(),
      }),
      action: "Changing your email",
      // Named in the dialog at every level, the new address included (ADR 045).
      summary: (input) => `Change your email to ${input.email}`,
    }).mutation(async ({ ctx, input }): Promise<{ email: string; pendingEmail: string | null }> => {
      const context = {
        db: ctx.db,
        stepUp: ctx.stepUp,
        mailer: ctx.mailer,
        user: { id: ctx.session.userId, email: ctx.session.user.email },
        organizationId: ctx.session.activeOrganizationId,
        request: { ip: ctx.request.ip, userAgent: ctx.request.userAgent },
        now: ctx.now(),
      };
      if (input.code === undefined) {
        const pending = await requestEmailChange(context, input.email);
        return { email: ctx.session.user.email, pendingEmail: pending.newEmail };
      }
      await confirmEmailChange(context, input.email, input.code);
      return { email: input.email, pendingEmail: null };
    }),

    /** High by the default policy. Revokes every grant, remembered device and other session of the user. */
    changePassword: stepUpProcedure({
      input: z.object({ newPassword: z.string().min(12, "Use at least 12 characters").max(256) }),
      action: "Changing your password",
      remember: false,
    }).mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      const passwordHash = await hashPassword(input.newPassword);
      await ctx.db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: ctx.session.userId }, data: { passwordHash, passwordChangedAt: now } });
        // Grants and remembered devices were earned with the old password: the module revokes them here.
        await ctx.stepUp.credentialChanged({
          userId: ctx.session.userId,
          organizationId: ctx.session.activeOrganizationId,
          request: ctx.request,
          reason: "password_changed",
          tx,
        });
        await revokeOtherSessions(tx, ctx.stepUp, {
          userId: ctx.session.userId,
          keepSessionId: ctx.session.id,
          reason: "password_changed",
          audit: {
            organizationId: ctx.session.activeOrganizationId,
            ip: ctx.request.ip,
            userAgent: ctx.request.userAgent,
            at: now,
          },
        });
      });
      return { changed: true };
    }),

    /** High through the `user:delete` resource rule. */
    delete: stepUpProcedure({
      level: "medium",
      resource: { type: "user", action: "delete" },
      action: "Deleting your account",
      summary: () => "Delete your account and sign out everywhere",
    }).mutation(async ({ ctx }) => {
      await ctx.db.$transaction(async (tx) => {
        await tx.user.update({
          where: { id: ctx.session.userId },
          data: { deletedAt: ctx.now(), email: `deleted+${ctx.session.userId}@invalid` },
        });
        await tx.session.deleteMany({ where: { userId: ctx.session.userId } });
        await ctx.stepUp.sessionEnded({ userId: ctx.session.userId }, { tx });
      });
      ctx.resHeaders.append("Set-Cookie", serializeCookie(SESSION_COOKIE, "", 0));
      return { deleted: true };
    }),
  });
}
