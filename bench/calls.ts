import { z } from "zod";
import { createDatabase } from "@/server/db";
import { createDemoApp } from "@/server/app";
import {
  createCallerFactory,
  createContext,
  createTRPCRouter,
  protectedProcedure,
  stepUpProcedures,
} from "@/server/trpc";
import { getStepUpPayload } from "@/step-up/shared/payload";

const input = z.object({ name: z.string().min(1).max(100) });

/** The same body (one update, like profile.update) behind both procedure kinds. */
const benchRouterOf = (stepUpProcedure: ReturnType<typeof stepUpProcedures>) =>
  createTRPCRouter({
    plain: protectedProcedure
      .input(input)
      .mutation(({ ctx, input }) =>
        ctx.db.user.update({ where: { id: ctx.session.userId }, data: { name: input.name }, select: { id: true } }),
      ),
    guarded: stepUpProcedure({ input, level: "medium", action: "Renaming" }).mutation(({ ctx, input }) =>
      ctx.db.user.update({ where: { id: ctx.session.userId }, data: { name: input.name }, select: { id: true } }),
    ),
  });

export async function benchCalls(url: string, callsPerRound: number) {
  const db = createDatabase(url);
  const app = createDemoApp({ db, config: {} });
  const benchRouter = benchRouterOf(stepUpProcedures(app.stepUp));
  const appRouter = app.router;
  let cookie = "";
  const context = async () => {
    const resHeaders = new Headers();
    const headers = new Headers({ "user-agent": "bench", "x-forwarded-for": "127.0.0.1", cookie });
    const ctx = await createContext({ headers, resHeaders, app });
    return { ctx, resHeaders };
  };
  const signIn = await context();
  await createCallerFactory(appRouter)(signIn.ctx).auth.signIn({
    email: "alice@example.com",
    password: "demo-password-1",
  });
  cookie = signIn.resHeaders.getSetCookie()[0]!.split(";")[0]!;

  const bench = createCallerFactory(benchRouter);
  const appCaller = createCallerFactory(appRouter);
  // Earn a medium grant once, as a user would.
  try {
    await bench((await context()).ctx).guarded({ name: "Alice" });
  } catch (error) {
    const stepUp = getStepUpPayload({ data: { stepUp: (error as { payload?: unknown }).payload } });
    if (stepUp?.code !== "STEP_UP_REQUIRED") throw error;
    await appCaller((await context()).ctx).stepUp.verify({
      requirementId: stepUp.requirementId,
      method: "password",
      credential: "demo-password-1",
    });
  }

  const time = async (kind: "plain" | "guarded", n: number) => {
    const start = performance.now();
    for (let i = 0; i < n; i++) await bench((await context()).ctx)[kind]({ name: `Alice ${i % 7}` });
    return ((performance.now() - start) * 1000) / n;
  };
  await time("plain", 300);
  await time("guarded", 300);
  const rounds = 7;
  const plain: number[] = [];
  const guarded: number[] = [];
  // Interleaved rounds so drift on the machine affects both sides alike.
  for (let r = 0; r < rounds; r++) {
    plain.push(await time("plain", Math.floor(callsPerRound / rounds)));
    guarded.push(await time("guarded", Math.floor(callsPerRound / rounds)));
  }
  await app.stepUp.close(); // writes the call counters before the database goes
  await db.$disconnect();
  return { plainUs: median(plain), guardedUs: median(guarded), rounds };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
