import { createStepUp } from "@step-up/next/server";
import type { Context } from "./api/trpc";
import { stepUpAuth } from "./auth";

// Secret and relying party from STEP_UP_SECRET and STEP_UP_ORIGIN; api/root.ts attaches the app router.
export const stepUp = createStepUp<Context>(stepUpAuth.ports);
