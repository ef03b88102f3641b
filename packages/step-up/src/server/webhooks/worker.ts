import "server-only";
import { deliverDue, type DeliveryContext } from "./delivery";

export const WEBHOOK_POLL_INTERVAL_MS = 2_000;

export interface WebhookWorker {
  /** Starts polling (idempotent); returns a function that stops it. */
  start(intervalMs?: number): () => void;
  /** One pass over the due rows (tests, scripts); resolves with how many were attempted. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void>;
}

/** The instance's delivery loop: one pass at a time, all state in the database (a restart resumes). */
export function createWebhookWorker(context: DeliveryContext, onError: (error: unknown) => void): WebhookWorker {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<number> | null = null;

  const runOnce = (): Promise<number> => {
    running ??= deliverDue(context).finally(() => {
      running = null;
    });
    return running;
  };
  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };

  return {
    start(intervalMs = WEBHOOK_POLL_INTERVAL_MS) {
      if (!timer) {
        // The wall clock on purpose: this paces polling, it decides nothing.
        timer = setInterval(() => void runOnce().catch(onError), intervalMs);
        timer.unref?.();
      }
      return stopTimer;
    },
    runOnce,
    async stop() {
      stopTimer();
      await running?.catch(() => undefined);
    },
  };
}
