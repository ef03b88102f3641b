import type { Operation, OperationLink, TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { observable, type Unsubscribable } from "@trpc/server/observable";
import { getStepUpPayload } from "../shared/payload";
import { sharedStepUpController, type StepUpController } from "./controller";
import type { StepUpTransport } from "./transport";

export interface StepUpLinkOptions {
  /**
   * Default: the browser's shared controller, the one `<StepUpProvider>` (without its own `controller`)
   * renders the dialog for. Pass one only when you pass the same one to the provider.
   */
  controller?: StepUpController;
  /** Verifications one operation may go through before its error is passed on (a loop guard). */
  maxRounds?: number;
}

/**
 * Place before the terminating link. An operation refused with `error.data.stepUp`
 * (STEP_UP_REQUIRED) waits for the controller's verification and is then re-sent unchanged.
 */
export function stepUpLink<TRouter extends AnyRouter>(options: StepUpLinkOptions = {}): TRPCLink<TRouter> {
  const { maxRounds = 3 } = options;
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let current: Unsubscribable | null = null;
        let closed = false;
        const transport = createTransport(next, op);

        function attempt(round: number) {
          current = next(op).subscribe({
            next: (envelope) => observer.next(envelope),
            complete: () => observer.complete(),
            error(error) {
              const payload = getStepUpPayload(error);
              // On the server (a client component rendered there) nobody can answer a dialog: passed on.
              const controller = options.controller ?? sharedStepUpController();
              if (
                payload?.code !== "STEP_UP_REQUIRED" ||
                op.type === "subscription" ||
                round >= maxRounds ||
                !controller
              ) {
                observer.error(error);
                return;
              }
              controller.request(payload, transport).then(
                () => closed || attempt(round + 1),
                (reason: unknown) => closed || observer.error(reason as typeof error),
              );
            },
          });
        }

        attempt(1);
        return () => {
          closed = true;
          current?.unsubscribe();
        };
      });
}

let transportOpId = 1_000_000;

/** Calls the `stepUp` router through the rest of the chain, so batching and the transformer apply. */
function createTransport<TRouter extends AnyRouter>(
  next: Parameters<OperationLink<TRouter>>[0]["next"],
  op: Operation,
): StepUpTransport {
  function mutate<T>(path: string, input: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const subscription = next({
        id: transportOpId++,
        type: "mutation",
        path,
        input,
        context: op.context,
        signal: null,
      }).subscribe({
        next: (envelope) => {
          if (envelope.result.type === "data" || envelope.result.type === undefined) resolve(envelope.result.data as T);
        },
        error: reject,
        complete: () => subscription.unsubscribe(),
      });
    });
  }
  return {
    verify: (input) => mutate("stepUp.verify", input),
    challenge: (input) => mutate("stepUp.challenge", input),
    cancel: (input) => mutate("stepUp.cancel", input),
  };
}
