import { authRouter } from "./routers/auth";
import { billingRouter } from "./routers/billing";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  billing: billingRouter,
});

export type AppRouter = typeof appRouter;
