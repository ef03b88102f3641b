import "server-only";
import { stepUpRouter } from "@/step-up/server/router";
import { registerProcedureCatalog } from "@/step-up/server/catalog";
import { createCallerFactory, createTRPCRouter } from "../trpc";
import { accountRouter } from "./account";
import { apiKeysRouter } from "./api-keys";
import { authRouter } from "./auth";
import { profileRouter } from "./profile";
import { transfersRouter } from "./transfers";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  profile: profileRouter,
  account: accountRouter,
  apiKeys: apiKeysRouter,
  transfers: transfersRouter,
  stepUp: stepUpRouter,
});

// `_def.procedures` is the flat path → procedure map at run time (its type is the nested record).
registerProcedureCatalog(appRouter._def.procedures as unknown as Parameters<typeof registerProcedureCatalog>[0]);

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
