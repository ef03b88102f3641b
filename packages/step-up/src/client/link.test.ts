import { observable } from "@trpc/server/observable";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { StepUpRequiredPayload } from "../shared/payload";
import { sharedStepUpController } from "./controller";
import { stepUpLink } from "./link";

const refusal: StepUpRequiredPayload = {
  code: "STEP_UP_REQUIRED",
  requirementId: "req-1",
  level: "medium",
  currentLevel: "low",
  reason: "Changing your plan",
  ruleReason: null,
  methods: [["email_code"]],
  expiresAt: "2026-11-23T21:00:00.000Z",
  canRemember: false,
  degraded: false,
  action: null,
  summary: null,
};

/** One mutation through `stepUpLink()` (no controller passed) whose terminating link refuses it. */
function callRefused() {
  const link = stepUpLink()({} as never);
  const next = vi.fn(() => observable((observer) => observer.error({ data: { stepUp: refusal } } as never)));
  const op = { id: 1, type: "mutation", path: "plan.change", input: {}, context: {}, signal: null } as const;
  const outcome = new Promise<unknown>((resolve) => {
    link({ op, next } as never).subscribe({ error: resolve, next: () => undefined });
  });
  return { next, outcome };
}

describe("stepUpLink() without a controller", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("in the browser, waits on the shared controller: the provider's dialog opens, and a cancel passes the error on", async () => {
    vi.stubGlobal("window", {});
    const controller = sharedStepUpController()!;
    const { next, outcome } = callRefused();
    await vi.waitFor(() => expect(controller.getSnapshot()).toMatchObject({ payload: { level: "medium" } }));
    await controller.cancel();
    await expect(outcome).resolves.toBeTruthy();
    expect(next).toHaveBeenCalledTimes(2); // the refused call, then stepUp.cancel through the same chain
  });

  it("on the server, passes the refusal on at once (no controller shared by requests)", async () => {
    expect(sharedStepUpController()).toBeNull();
    const { next, outcome } = callRefused();
    await expect(outcome).resolves.toMatchObject({ data: { stepUp: { code: "STEP_UP_REQUIRED" } } });
    expect(next).toHaveBeenCalledTimes(1);
  });
});
