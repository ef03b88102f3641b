import { describe, expect, it } from "vitest";
import type { StepUpRequiredPayload } from "../shared/payload";
import { createStepUpController } from "./controller";
import { createStepUpI18n } from "../i18n/localization";
import { describeProblem, type Problem } from "./problems";
import type { ChallengeInput, StepUpTransport } from "./transport";

const { t } = createStepUpI18n({ locale: "en" });
/** A problem as the English dialog says it (ProblemText's words for a message). */
const say = (problem: Problem) => (problem.kind === "message" ? t(problem.key, problem.values) : problem.kind);

function payload(requirementId: string, level: StepUpRequiredPayload["level"]): StepUpRequiredPayload {
  return {
    code: "STEP_UP_REQUIRED",
    requirementId,
    level,
    currentLevel: "low",
    reason: "Test",
    ruleReason: null,
    methods: [["passkey"], ["email_code"]],
    expiresAt: "2026-11-23T21:00:00.000Z",
    canRemember: false,
    degraded: false,
    action: null,
    summary: null,
  };
}

function recordingTransport(calls: ChallengeInput[]): StepUpTransport {
  return {
    verify: async () => ({ status: "pending", remaining: [] }) as never,
    cancel: async () => ({}),
    challenge: async (input) => {
      calls.push(input);
      return {
        method: "email_code",
        sentTo: "a***@example.com",
        resendAfter: 30,
        expiresAt: "2026-11-23T21:10:00.000Z",
      };
    },
  };
}

describe("step-up controller challenges", () => {
  it("asks for a passkey challenge or an email code for the requirement the dialog shows, never another", async () => {
    const controller = createStepUpController();
    const calls: ChallengeInput[] = [];
    void controller.request(payload("req-critical-1", "critical"), recordingTransport(calls)).catch(() => {});
    void controller.request(payload("req-critical-2", "critical"), recordingTransport(calls)).catch(() => {});
    await controller.challenge({ method: "email_code" });
    await controller.challenge({ method: "passkey" });
    expect(calls).toEqual([
      { method: "email_code", requirementId: "req-critical-1" },
      { method: "passkey", requirementId: "req-critical-1" },
    ]);
  });

  it("refuses to issue a challenge when no dialog is open", async () => {
    await expect(createStepUpController().challenge({ method: "passkey" })).rejects.toThrow(
      "No verification is in progress",
    );
  });
});

describe("a shared prompt", () => {
  it("names every waiting action in the host's words, while the level is the highest of them", () => {
    const controller = createStepUpController();
    const transport = recordingTransport([]);
    const transfer = { reason: "Transferring 5.00 USD needs a quick check", action: "Send 5.00 USD to Carol" };
    void controller.request({ ...payload("req-1", "medium"), ...transfer }, transport);
    // A declaration without `action` or `summary`: the server's reason stands in.
    void controller.request({ ...payload("req-2", "high"), reason: "This action needs a strong check" }, transport);
    expect(controller.getSnapshot()).toMatchObject({
      payload: { level: "high", reason: "This action needs a strong check" },
      waiting: 2,
      actions: ["Send 5.00 USD to Carol", "This action needs a strong check"],
    });
  });
});

describe("starting again after an expired verification", () => {
  it("re-runs the waiting call and opens the fresh prompt on the combination chosen before, once", async () => {
    const controller = createStepUpController();
    const transport = recordingTransport([]);
    const first = controller.request(payload("req-1", "high"), transport);
    expect(controller.getSnapshot()?.preferred).toBeNull();
    controller.restart(["email_code"]);
    await expect(first).resolves.toBeUndefined();
    expect(controller.getSnapshot()).toBeNull();

    void controller.request(payload("req-2", "high"), transport).catch(() => {});
    expect(controller.getSnapshot()).toMatchObject({ payload: { requirementId: "req-2" }, preferred: ["email_code"] });
    await controller.cancel();
    void controller.request(payload("req-3", "high"), transport).catch(() => {});
    expect(controller.getSnapshot()?.preferred).toBeNull();
  });
});

describe("what the dialog says after a failed step", () => {
  const tRPCError = (stepUp: unknown) => Object.assign(new Error("refused"), { data: { stepUp } });

  it.each([
    [
      "a closed or timed-out passkey prompt",
      Object.assign(new Error("The operation either timed out or was not allowed."), { name: "NotAllowedError" }),
      "passkey",
      /The passkey check didn’t finish.*Try again\./,
    ],
    [
      "a throttled resend",
      tRPCError({ code: "RESEND_THROTTLED", retryAfter: 21 }),
      "email_code",
      /ask for another in 21 seconds\./,
    ],
    [
      "a wrong or expired email code",
      tRPCError({ code: "INVALID_CREDENTIAL", requirementId: "r", attemptsLeft: 3 }),
      "email_code",
      /didn’t match or has expired\. 3 attempts left\. If it expired, request a new code\./,
    ],
    [
      "a passkey the server refused",
      tRPCError({ code: "INVALID_CREDENTIAL", requirementId: "r", attemptsLeft: 1 }),
      "passkey",
      /That passkey could not be verified\. 1 attempt left\./,
    ],
  ] as const)("explains %s", (_case, error, method, text) => {
    const problem = describeProblem(error, method);
    expect(problem.kind).toBe("message");
    expect(say(problem)).toMatch(text);
  });
});

describe("answers the dialog turns into words", () => {
  const error = (stepUp: unknown) => Object.assign(new Error("x"), { data: { stepUp } });

  it("a replayed authenticator code says to wait for the next one", () => {
    const problem = describeProblem(
      error({ code: "INVALID_CREDENTIAL", requirementId: "r", attemptsLeft: 3, reason: "replayed" }),
      "totp",
    );
    expect(say(problem)).toBe(
      "That code was already used. Wait for the app to show a new code, then enter it. 3 attempts left.",
    );
  });

  it("a request that never reached the server is 'offline', not the browser's 'Failed to fetch'", () => {
    const fetchFailed = Object.assign(new Error("Failed to fetch"), { cause: new TypeError("Failed to fetch") });
    expect(describeProblem(fetchFailed, "password")).toEqual({ kind: "offline" });
    expect(describeProblem(new TypeError("Load failed"), "totp")).toEqual({ kind: "offline" });
    // An answer from the server is never mistaken for a network failure.
    expect(describeProblem(error({ code: "UNAVAILABLE" }), "password").kind).toBe("message");
  });

  it("ALREADY_FULFILLED from the server completes the dialog instead of stranding it", async () => {
    const controller = createStepUpController();
    const transport: StepUpTransport = {
      ...recordingTransport([]),
      verify: async () => {
        throw error({ code: "ALREADY_FULFILLED", requirementId: "req-1" });
      },
    };
    const waiting = controller.request(payload("req-1", "medium"), transport);
    await expect(controller.verify({ method: "password", credential: "x", rememberDevice: false })).resolves.toEqual({
      status: "fulfilled",
      remaining: [],
    });
    await expect(waiting).resolves.toBeUndefined();
  });
});
