import { authRouter } from "./routers/auth";
import { billingRouter } from "./routers/billing";
import { stepUp } from "../step-up";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  billing: billingRouter,
  stepUp: stepUp.router,
});
// The instance reads its catalog of procedures from it (no import of this file in step-up.ts).
stepUp.attach(appRouter);

export type AppRouter = typeof appRouter;
