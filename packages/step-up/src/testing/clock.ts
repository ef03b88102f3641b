/** A clock a test moves by hand: pass `clock.now` as `createStepUp({ now })`. */
export interface TestClock {
  /** The current test time (a new Date each call, so callers cannot move the clock by mutating it). */
  now: () => Date;
  /** Moves the clock forward (or back, with a negative value) by `ms`. */
  advance: (ms: number) => void;
  /** Jumps to `at` (a Date or epoch milliseconds). */
  set: (at: Date | number) => void;
}

/** Where a test clock starts unless told otherwise: a fixed instant, so runs are reproducible. */
export const TEST_CLOCK_START = Date.parse("2026-01-05T09:00:00Z");

/**
 * A controllable clock.
 *
 * @example
 * const clock = createTestClock(new Date("2026-01-05T09:00:00Z"));
 * clock.advance(15 * 60_000); // the medium window has passed
 */
export function createTestClock(start: Date | number = TEST_CLOCK_START): TestClock {
  let current = toMs(start);
  return {
    now: () => new Date(current),
    advance: (ms) => {
      if (!Number.isFinite(ms)) throw new TypeError(`clock.advance: ${ms} is not a number of milliseconds`);
      current += ms;
    },
    set: (at) => {
      current = toMs(at);
    },
  };
}

function toMs(at: Date | number): number {
  const ms = at instanceof Date ? at.getTime() : at;
  if (!Number.isFinite(ms)) throw new TypeError(`createTestClock: ${String(at)} is not a valid time`);
  return ms;
}
