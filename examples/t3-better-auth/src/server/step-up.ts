import { createStepUp, type RouterLike } from "@step-up/next/server";
import { appRouter } from "./api/root";
import type { Context } from "./api/trpc";
import { stepUpAuth } from "./auth";

// Secret and relying party from STEP_UP_SECRET and STEP_UP_ORIGIN. The return type breaks a type cycle.
export const stepUp = createStepUp<Context>({ ...stepUpAuth.ports, appRouter: (): RouterLike => appRouter });
