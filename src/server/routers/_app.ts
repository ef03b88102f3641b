import "server-only";
import type { StepUp } from "@step-up/next/server";
import { createTRPCRouter } from "../trpc";
import { accountRouter } from "./account";
import { apiKeysRouter } from "./api-keys";
import { authRouter } from "./auth";
import { benchRouter } from "./bench";
import { profileRouter } from "./profile";
import { transfersRouter } from "./transfers";

/** The app router of one app instance: the demo's routers, and step-up mounted as `stepUp`. */
export function createAppRouter(stepUp: StepUp) {
  return createTRPCRouter({
    auth: authRouter,
    profile: profileRouter(stepUp),
    account: accountRouter(stepUp),
    apiKeys: apiKeysRouter(stepUp),
    transfers: transfersRouter(stepUp),
    stepUp: stepUp.router,
    ...(process.env.STEP_UP_BENCH === "1" && { bench: benchRouter(stepUp) }),
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
