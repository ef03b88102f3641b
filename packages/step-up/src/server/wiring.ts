import "server-only";
import type { RouterLike } from "./catalog";
import { stepUpRequired } from "./errors";

type RootConfig = {
  transformer?: { output?: { serialize?: (value: unknown) => unknown } };
  errorFormatter?: (opts: Record<string, unknown>) => unknown;
};

/**
 * Checked on the first call, when the host's app router exists: a missing step must fail loudly here,
 * naming the step, rather than as a dialog that never opens or a retry that loops.
 */
export function checkWiring(router: RouterLike): void {
  const config = router._def._config as RootConfig | undefined;
  if (!config) throw new Error("createStepUp: stepUp.attach needs the router built by your initTRPC");
  const probe = stepUpRequired({
    requirementId: "wiring-check",
    level: "medium",
    currentLevel: "low",
    reason: "wiring check",
    ruleReason: null,
    action: null,
    summary: null,
    methods: [["password"]],
    expiresAt: new Date(0).toISOString(),
    canRemember: false,
    degraded: false,
  });
  const shape = { message: probe.message, code: -32003, data: { code: "FORBIDDEN", httpStatus: 403 } };
  const formatted = config.errorFormatter?.({
    error: probe,
    shape,
    type: "mutation",
    path: "",
    input: undefined,
    ctx: undefined,
  }) as { data?: { stepUp?: { code?: string } } } | undefined;
  if (formatted?.data?.stepUp?.code !== "STEP_UP_REQUIRED")
    throw new Error(
      "createStepUp: your initTRPC errorFormatter does not add `data.stepUp`, so no dialog would ever open. Use `errorFormatter: ({ shape, error }) => formatStepUpError(shape, error)` (from @step-up/next/server).",
    );
  const date = config.transformer?.output?.serialize?.(new Date(0));
  if (date instanceof Date || date === undefined)
    throw new Error(
      "createStepUp: your initTRPC needs a transformer that keeps Dates (`transformer: superjson`); step-up's answers carry dates.",
    );
}
