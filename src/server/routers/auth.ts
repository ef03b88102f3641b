import "server-only";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";
import { serializeCookie } from "@step-up/next/server";
import { hashPassword, verifyPassword } from "../auth/password";
import { SESSION_COOKIE, SESSION_TTL_MS, createSession, deleteSession } from "../auth/session";
import { admitSignIn } from "../auth/sign-in-throttle";
import { SignInThrottledError } from "../errors";

// Compared against when the email is unknown, so both paths cost one argon2 verification.
const DUMMY_HASH = hashPassword("not-a-real-password");

export const authRouter = createTRPCRouter({
  signIn: publicProcedure
    .input(
      z.object({
        email: z.email("Enter a valid email").max(254).toLowerCase(),
        password: z.string().min(1, "Enter your password").max(1024),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      // Throttle first, by the address typed (known or not), so the answer says nothing about accounts.
      const admission = await admitSignIn(ctx.db, { email: input.email, ip: ctx.request.ip });
      if (!admission.ok) {
        await ctx.stepUp.recordEvent({
          type: "auth.sign_in_throttled",
          ip: ctx.request.ip,
          userAgent: ctx.request.userAgent,
          at: now,
          data: { email: input.email, retryAfter: admission.retryAfterSeconds, scope: admission.scope },
        });
        ctx.resHeaders.set("Retry-After", String(admission.retryAfterSeconds));
        throw new SignInThrottledError(admission.retryAfterSeconds);
      }
      const user = await ctx.db.user.findUnique({
        where: { email: input.email },
        include: { memberships: { orderBy: { createdAt: "asc" } } },
      });
      const valid = await verifyPassword(
        user && !user.deletedAt ? user.passwordHash : await DUMMY_HASH,
        input.password,
      );
      if (!user || user.deletedAt || !valid) {
        await ctx.stepUp.recordEvent({
          type: "auth.sign_in_failed",
          userId: user?.id ?? null,
          ip: ctx.request.ip,
          userAgent: ctx.request.userAgent,
          at: now,
          data: { email: input.email },
        });
        throw new TRPCError({ code: "UNAUTHORIZED", message: "Email or password is incorrect" });
      }
      await admission.attempt.succeeded();
      const organizationId = user.memberships[0]?.organizationId ?? null;
      const { token } = await createSession(ctx.db, {
        userId: user.id,
        organizationId,
        ip: ctx.request.ip,
        userAgent: ctx.request.userAgent,
        now,
      });
      await ctx.stepUp.recordEvent({
        type: "auth.signed_in",
        userId: user.id,
        organizationId,
        ip: ctx.request.ip,
        userAgent: ctx.request.userAgent,
        at: now,
      });
      ctx.resHeaders.append("Set-Cookie", serializeCookie(SESSION_COOKIE, token, Math.floor(SESSION_TTL_MS / 1000)));
      return { userId: user.id };
    }),

  signOut: protectedProcedure.mutation(async ({ ctx }) => {
    const { session, request } = ctx;
    await ctx.db.$transaction(async (tx) => {
      await deleteSession(tx, session.id);
      await ctx.stepUp.sessionEnded({ sessionId: session.id }, { tx });
      await ctx.stepUp.recordEvent(
        {
          type: "auth.signed_out",
          userId: session.userId,
          organizationId: session.activeOrganizationId,
          ip: request.ip,
          userAgent: request.userAgent,
          at: ctx.now(),
          data: { sessionId: session.id },
        },
        { tx },
      );
    });
    ctx.resHeaders.append("Set-Cookie", serializeCookie(SESSION_COOKIE, "", 0));
    return { signedOut: true };
  }),

  me: publicProcedure.query(({ ctx }) => {
    if (!ctx.session) return null;
    const { user, activeOrganizationId, role } = ctx.session;
    return { ...user, activeOrganizationId, role };
  }),
});
