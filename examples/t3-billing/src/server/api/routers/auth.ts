import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { endLoginSession, loginCookie, startLoginSession } from "../../auth/login-session";
import { DECOY_DIGEST, verifyPassword } from "../../auth/password";
import { stepUp } from "../../step-up";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

const credentials = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

export const authRouter = createTRPCRouter({
  signIn: publicProcedure.input(credentials).mutation(async ({ ctx, input }) => {
    const account = await ctx.db.account.findUnique({ where: { emailAddress: input.email.toLowerCase() } });
    const matches = await verifyPassword(account?.passwordDigest ?? DECOY_DIGEST, input.password);
    // One message for both cases: the form never tells which emails have an account.
    if (!account || !matches) throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong email or password" });
    const { secret } = await startLoginSession(ctx.db, account.id);
    ctx.resHeaders.append("Set-Cookie", loginCookie(secret));
    return { displayName: account.displayName };
  }),

  signOut: protectedProcedure.mutation(async ({ ctx }) => {
    await endLoginSession(ctx.db, ctx.loginSession.id);
    // Step-up cannot see our session table: its grants end with the session.
    await stepUp.sessionEnded({ sessionId: ctx.loginSession.id });
    ctx.resHeaders.append("Set-Cookie", loginCookie("", 0));
  }),
});
