import { getStepUpPayload, type StepUpRequiredPayload } from "../shared/payload";
import type { Combination, StepUpLevel } from "../engine/levels";
import { StepUpCancelledError } from "./errors";
import type { ChallengeInput, ChallengeResult, StepUpTransport, VerifyInput, VerifyResult } from "./transport";

const ALREADY_DONE: VerifyResult = { status: "fulfilled", remaining: [] };

/** One dialog: a group of non-critical operations, or a single critical one. */
export interface StepUpPrompt {
  id: number;
  /** The requirement the dialog verifies (the highest level of the group). */
  payload: StepUpRequiredPayload;
  /** How many operations will re-run when this prompt is fulfilled. */
  waiting: number;
  /**
   * Each of them in the host's words (the payload's `action`, else the server's reason), in the order
   * they were refused (one line per operation).
   */
  actions: string[];
  /** Prompts queued behind this one (critical operations get one each). */
  queued: number;
  /** After "Start again": the combination the user had chosen, to open it directly if still offered. */
  preferred: Combination | null;
}

interface Waiter {
  requirementId: string;
  reason: string;
  resolve: () => void;
  reject: (reason: unknown) => void;
}

interface Entry {
  id: number;
  payload: StepUpRequiredPayload;
  transport: StepUpTransport;
  waiters: Waiter[];
  /** A factor was verified: the displayed requirement can no longer be swapped for a higher one. */
  started: boolean;
  preferred: Combination | null;
}

export interface StepUpController {
  /** Called by the link; resolves when the operation may be re-run, rejects when cancelled. */
  request(payload: StepUpRequiredPayload, transport: StepUpTransport): Promise<void>;
  /** The prompt the dialog shows, or null. Stable between changes (for useSyncExternalStore). */
  getSnapshot(): StepUpPrompt | null;
  subscribe(listener: () => void): () => void;
  /** One factor; re-runs the waiting operations once the requirement is fulfilled. */
  verify(input: Omit<VerifyInput, "requirementId">): Promise<VerifyResult>;
  /** Asks the server for a passkey challenge or to (re)send an email code for the shown requirement. */
  challenge(input: Omit<ChallengeInput, "requirementId">): Promise<ChallengeResult>;
  /** Cancels the shown requirement(s) on the server and rejects every waiting operation. */
  cancel(): Promise<void>;
  /** After EXPIRED: re-runs the operations, which earns them a fresh requirement (opened on `preferred`). */
  restart(preferred?: Combination | null): void;
}

const LEVEL_RANK: Record<StepUpLevel, number> = { medium: 0, high: 1, critical: 2 };

/** Concurrent non-critical operations share one prompt; critical ones queue, one prompt each. */
export function createStepUpController(): StepUpController {
  const queue: Entry[] = [];
  const listeners = new Set<() => void>();
  let nextId = 1;
  let snapshot: StepUpPrompt | null = null;
  let preferNext: Combination | null = null;

  function publish() {
    const head = queue[0];
    snapshot = head
      ? {
          id: head.id,
          payload: head.payload,
          waiting: head.waiters.length,
          actions: head.waiters.map((w) => w.reason),
          queued: queue.length - 1,
          preferred: head.preferred,
        }
      : null;
    for (const listener of listeners) listener();
  }

  function settleHead(settle: (waiter: Waiter) => void) {
    const head = queue.shift();
    if (!head) return;
    head.waiters.forEach(settle);
    publish();
  }

  function requireHead(): Entry {
    const head = queue[0];
    if (!head) throw new Error("No verification is in progress");
    return head;
  }

  return {
    request(payload, transport) {
      return new Promise<void>((resolve, reject) => {
        const reason = payload.action ?? payload.reason;
        const waiter = { requirementId: payload.requirementId, reason, resolve, reject };
        const group = payload.level === "critical" ? undefined : queue.find((e) => e.payload.level !== "critical");
        if (group) {
          group.waiters.push(waiter);
          if (!group.started && LEVEL_RANK[payload.level] > LEVEL_RANK[group.payload.level]) {
            group.payload = payload;
            group.transport = transport;
          }
        } else {
          queue.push({ id: nextId++, payload, transport, waiters: [waiter], started: false, preferred: preferNext });
          preferNext = null;
        }
        publish();
      });
    },
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async verify(input) {
      const head = requireHead();
      const result = await head.transport
        .verify({ ...input, requirementId: head.payload.requirementId })
        .catch((error: unknown) => {
          // Fulfilled already (a double submit, or another tab): the grant exists, so re-run the calls.
          if (getStepUpPayload(error)?.code === "ALREADY_FULFILLED") return ALREADY_DONE;
          throw error;
        });
      if (result.status === "fulfilled") settleHead((w) => w.resolve());
      else head.started = true;
      return result;
    },
    async challenge(input) {
      const head = requireHead();
      return head.transport.challenge({ ...input, requirementId: head.payload.requirementId });
    },
    async cancel() {
      const head = queue[0];
      if (!head) return;
      const ids = [...new Set(head.waiters.map((w) => w.requirementId))];
      settleHead((w) => w.reject(new StepUpCancelledError(ids)));
      // Best effort: an uncancelled requirement only lingers until it expires.
      await Promise.allSettled(ids.map((requirementId) => head.transport.cancel({ requirementId })));
    },
    restart(preferred = null) {
      preferNext = preferred;
      settleHead((w) => w.resolve());
    },
  };
}

let shared: StepUpController | undefined;

/**
 * The browser's one controller, shared by `<StepUpProvider>` and `stepUpLink()` when neither is given
 * one, so the tRPC client needs no React context. Null on the server: a controller there would be
 * shared by every request.
 */
export function sharedStepUpController(): StepUpController | null {
  if (typeof window === "undefined") return null;
  return (shared ??= createStepUpController());
}
