import { authRouter } from "./routers/auth";
import { billingRouter } from "./routers/billing";
import { stepUp } from "../step-up";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  billing: billingRouter,
  stepUp: stepUp.router,
});

export type AppRouter = typeof appRouter;
