import "server-only";
import { createStepUp, type RouterLike } from "@step-up/next/server";
import { env } from "~/env";
import { appRouter } from "./api/root";
import type { Context } from "./api/trpc";
import { authjs } from "./auth/config";

export const stepUp = createStepUp<Context>({
  ...authjs.ports,
  // The return type breaks a type cycle: the app router's type includes stepUp.router.
  appRouter: (): RouterLike => appRouter,
  secret: env.STEP_UP_SECRET,
  relyingParty: { id: new URL(env.APP_ORIGIN).hostname, name: "T3 Auth.js", origin: env.APP_ORIGIN },
});
