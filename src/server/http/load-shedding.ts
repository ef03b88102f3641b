import "server-only";
import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * Load shedding for the tRPC route (ADR 027): past `maxInFlight` requests at once in this process, or
 * while the event loop lags by more than `maxEventLoopDelayMs`, a request is answered 503 + Retry-After at
 * once, before any parsing or database work — so the requests already admitted, and `/api/health`, stay
 * fast instead of everything queuing behind a burst. Environment: LOAD_SHED_MAX_IN_FLIGHT (0 turns it
 * off), LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS.
 */
export interface LoadSheddingOptions {
  maxInFlight: number;
  maxEventLoopDelayMs: number;
}

export const DEFAULT_LOAD_SHEDDING: LoadSheddingOptions = { maxInFlight: 64, maxEventLoopDelayMs: 200 };

/** Seconds a shed client is asked to wait: a burst drains in well under that. */
export const SHED_RETRY_AFTER_SECONDS = 1;
// The event-loop delay is judged over windows this long (its p99), then the histogram starts again.
const DELAY_WINDOW_MS = 500;

export function loadSheddingFromEnv(env: Record<string, string | undefined> = process.env): LoadSheddingOptions {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    if (!/^[0-9]+$/.test(raw)) throw new Error(`${name} must be a whole number, not "${raw}"`);
    return Number(raw);
  };
  return {
    maxInFlight: read("LOAD_SHED_MAX_IN_FLIGHT", DEFAULT_LOAD_SHEDDING.maxInFlight),
    maxEventLoopDelayMs: read("LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS", DEFAULT_LOAD_SHEDDING.maxEventLoopDelayMs),
  };
}

export type Handler = (req: Request) => Promise<Response>;

/** Wraps `handler`: admitted requests run as before, the others get `overloaded(req)`. */
export function withLoadShedding(
  handler: Handler,
  overloaded: (req: Request) => Response,
  options: LoadSheddingOptions = loadSheddingFromEnv(),
): Handler {
  if (options.maxInFlight === 0) return handler;
  const lag = watchEventLoop();
  let inFlight = 0;
  return async (req) => {
    if (inFlight >= options.maxInFlight || lag.delayMs > options.maxEventLoopDelayMs) {
      lag.shed(inFlight);
      return overloaded(req);
    }
    inFlight++;
    try {
      return await handler(req);
    } finally {
      inFlight--;
    }
  };
}

let watcher: { delayMs: number; shed: (inFlight: number) => void } | null = null;

/** The process's event-loop delay (p99 of the last window) and shed counter: one per process, not per handler. */
function watchEventLoop() {
  if (watcher) return watcher;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let shed = 0;
  let inFlightSeen = 0;
  const state = {
    delayMs: 0,
    shed(inFlight: number) {
      shed++;
      inFlightSeen = inFlight;
    },
  };
  // unref: the timer never keeps a process (or a test) alive.
  setInterval(() => {
    state.delayMs = histogram.percentile(99) / 1e6;
    histogram.reset();
    if (shed > 0) logShed(shed, inFlightSeen, state.delayMs);
    shed = 0;
  }, DELAY_WINDOW_MS).unref();
  watcher = state;
  return state;
}

// One line per window however many were shed: under overload, a line per request would add to it.
function logShed(count: number, inFlight: number, eventLoopDelayMs: number): void {
  const delay = Math.round(eventLoopDelayMs);
  const line = {
    level: "warn",
    source: "http",
    event: "load.shed",
    status: 503,
    count,
    inFlight,
    eventLoopDelayMs: delay,
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}
